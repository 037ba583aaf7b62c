package io.tradeguard.binance.sim;

import io.tradeguard.binance.spot.BinanceSpotVenue;
import io.tradeguard.binance.spot.SpotUserDataStream;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ExecutionType;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.venue.OrderRequest;
import io.tradeguard.core.venue.SubmitResult;
import io.tradeguard.core.venue.VenueEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static io.tradeguard.binance.sim.Orders.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The spot user-data stream over the simulator's WebSocket API, including its losses and restorations. */
class UserDataStreamTest {
    private SimHarness harness;
    private BinanceSpotVenue venue;
    private final RecordingListener listener = new RecordingListener();
    private SpotUserDataStream stream;

    @BeforeEach
    void start() throws Exception {
        harness = new SimHarness();
        harness.sim.setPrice("BTCUSDT", new BigDecimal("60000"));
        // balances are cached for an hour: only stream events can make them fresh
        venue = harness.venue(c -> c.withCaches(Duration.ofHours(1), Duration.ofHours(1)));
        stream = venue.subscribeUserData(listener);
    }

    @AfterEach
    void stop() {
        stream.close();
        venue.close();
        harness.close();
    }

    private boolean sawOrder(OrderRequest order, ExecutionType type) {
        return listener.has(VenueEvent.OrderUpdated.class,
                e -> e.update().clientOrderId().equals(order.clientOrderId()) && e.update().executionType() == type);
    }

    @Test
    void order_lifecycle_arrives_as_core_events() {
        assertThat(stream.isLive()).isTrue();
        OrderRequest order = Orders.limit(BTC, Side.BUY, "0.01", "59000");
        assertThat(venue.submit(order)).isInstanceOf(SubmitResult.Accepted.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> sawOrder(order, ExecutionType.NEW));
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.has(VenueEvent.BalancesUpdated.class,
                e -> e.balances().stream().anyMatch(b -> b.asset().equals(Asset.USDT) && b.locked().signum() > 0)));

        harness.sim.setPrice("BTCUSDT", new BigDecimal("58900")); // the market trades through our bid
        await().atMost(Duration.ofSeconds(5)).until(() -> sawOrder(order, ExecutionType.TRADE));
        var trade = listener.of(VenueEvent.OrderUpdated.class).stream()
                .filter(e -> e.update().clientOrderId().equals(order.clientOrderId()) && e.update().executionType() == ExecutionType.TRADE)
                .findFirst().orElseThrow().update();
        assertThat(trade.fill()).hasValueSatisfying(f -> {
            assertThat(f.price()).isEqualByComparingTo("59000");
            assertThat(f.quantity()).isPositive();
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.has(VenueEvent.OrderUpdated.class,
                e -> e.update().clientOrderId().equals(order.clientOrderId()) && e.update().status() == OrderStatus.FILLED));
    }

    @Test
    void stream_events_invalidate_the_balance_cache() throws Exception {
        BigDecimal freeBefore = usdtFree();
        assertThat(venue.submit(Orders.limit(BTC, Side.BUY, "0.1", "50000"))).isInstanceOf(SubmitResult.Accepted.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> !listener.of(VenueEvent.BalancesUpdated.class).isEmpty());
        assertThat(usdtFree()).isEqualByComparingTo(freeBefore.subtract(new BigDecimal("5000")));
    }

    private BigDecimal usdtFree() throws Exception {
        return venue.balances().stream().filter(b -> b.asset().equals(Asset.USDT)).findFirst().orElseThrow().free();
    }

    @Test
    void a_dropped_connection_is_announced_restored_and_events_flow_again() {
        harness.faults("{\"drop_streams\":true}");
        await().atMost(Duration.ofSeconds(10)).until(() -> !listener.of(VenueEvent.ConnectionLost.class).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> !listener.of(VenueEvent.ConnectionRestored.class).isEmpty());
        assertThat(listener.of(VenueEvent.ConnectionLost.class)).singleElement()
                .satisfies(l -> assertThat(l.stream()).isEqualTo("spot-user-data"));
        OrderRequest order = Orders.limit(BTC, Side.BUY, "0.01", "50000");
        venue.submit(order);
        await().atMost(Duration.ofSeconds(5)).until(() -> sawOrder(order, ExecutionType.NEW));
    }

    @Test
    void a_resubscription_refused_for_its_timestamp_resyncs_the_clock_and_succeeds() {
        harness.faults("{\"clock_skew_ms\":8000,\"drop_streams\":true}"); // beyond the default recvWindow of 5 s
        await().atMost(Duration.ofSeconds(15)).until(() -> !listener.of(VenueEvent.ConnectionRestored.class).isEmpty());
        assertThat(harness.sent).anySatisfy(r -> assertThat(r.path()).isEqualTo("/api/v3/time"));
        OrderRequest order = Orders.limit(BTC, Side.BUY, "0.01", "50000");
        assertThat(venue.submit(order)).isInstanceOf(SubmitResult.Accepted.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> sawOrder(order, ExecutionType.NEW));
    }

    @Test
    void an_ended_subscription_is_detected_and_subscribed_again() {
        harness.faults("{}");
        io.tradeguard.binance.spot.StreamAccess.unsubscribeAtVenue(stream);
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.has(VenueEvent.ConnectionLost.class,
                l -> l.reason().contains("eventStreamTerminated")));
        await().atMost(Duration.ofSeconds(10)).until(() -> !listener.of(VenueEvent.ConnectionRestored.class).isEmpty());
        OrderRequest order = Orders.limit(BTC, Side.BUY, "0.01", "50000");
        venue.submit(order);
        await().atMost(Duration.ofSeconds(5)).until(() -> sawOrder(order, ExecutionType.NEW));
    }
}
