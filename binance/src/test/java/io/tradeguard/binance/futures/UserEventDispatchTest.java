package io.tradeguard.binance.futures;

import io.tradeguard.core.venue.FuturesAccountEvent;
import io.tradeguard.core.venue.VenueEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The futures user stream's dispatcher on its own: order kept, a failing attribution loses nothing, close stops it. */
class UserEventDispatchTest {

    private static FuturesAccountEvent margin(String wallet) {
        return new FuturesAccountEvent.MarginCall(new BigDecimal(wallet), List.of(), Instant.EPOCH, Instant.EPOCH);
    }

    private static VenueEvent lost(String why) {
        return new VenueEvent.ConnectionLost("futures-user-data", why, Instant.EPOCH);
    }

    @Test
    void eventsReachTheListenersInTheOrderTheStreamGaveThemAndAFailingAttributionPassesTheEventOn() {
        List<Object> seen = new CopyOnWriteArrayList<>();
        try (UserEventDispatch dispatch = new UserEventDispatch("test", seen::add, seen::add, event -> {
            if (event instanceof FuturesAccountEvent.MarginCall m && m.crossWallet().signum() < 0) {
                throw new IllegalStateException("income history unreadable");
            }
            return List.of(event, event); // an attribution may turn one event into several
        })) {
            dispatch.futures(margin("1"));
            dispatch.venue(lost("a"));
            dispatch.futures(margin("-2"));   // its attribution fails
            dispatch.venue(lost("b"));
            dispatch.futures(margin("3"));
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 7);
            assertThat(seen).containsExactly(margin("1"), margin("1"), lost("a"), margin("-2"), lost("b"), margin("3"),
                    margin("3"));
            assertThat(dispatch.received()).isEqualTo(5);
        }
    }

    @Test
    void closingInterruptsAWaitingAttributionAndDeliversNothingMore() throws Exception {
        List<Object> seen = new CopyOnWriteArrayList<>();
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        UserEventDispatch dispatch = new UserEventDispatch("test", seen::add, seen::add, event -> {
            waiting.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                Thread.currentThread().interrupt();
            }
            return List.of(event);
        });
        dispatch.futures(margin("1"));
        dispatch.venue(lost("after"));
        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
        dispatch.close();
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
        dispatch.venue(lost("after close"));
        Thread.sleep(200);
        assertThat(seen).isEmpty();
    }
}
