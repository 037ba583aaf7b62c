package io.tradeguard.core.guard;

import io.tradeguard.core.engine.Command;
import io.tradeguard.core.engine.CommandResult;
import io.tradeguard.core.engine.Engine;
import io.tradeguard.core.engine.EngineSettings;
import io.tradeguard.core.journal.InMemoryJournal;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.risk.RiskConfig;
import io.tradeguard.core.safety.CircuitBreaker;
import io.tradeguard.core.testing.FakeVenue;
import io.tradeguard.core.testing.ManualClock;
import io.tradeguard.core.venue.SubmitResult;
import io.tradeguard.core.venue.VenueError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.tradeguard.core.testing.Reports.BTCUSDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The circuit breaker on a real engine, with orders whose outcome the venue settles late: an order POST that
 * failed during an outage is resolved by clientOrderId only after the recvWindow has passed (seconds), so its
 * "not placed" can arrive after the probe has already closed the breaker again. Such an answer describes the
 * outage that is over; it must not re-open the breaker (seen in CI: the dashboard's /health stayed 503).
 */
class LateVenueAnswerTest {
    private static final VenueError OVERLOADED = new VenueError(VenueError.Kind.SERVER, -1008, 503,
            "Server is currently overloaded with other requests.", null);

    private ManualClock clock;
    private FakeVenue venue;
    private TradingGuards guards;
    private Engine engine;
    private final CountDownLatch outageAnswers = new CountDownLatch(1);

    @AfterEach
    void stop() {
        outageAnswers.countDown();
        if (engine != null) {
            engine.stop("test over");
        }
    }

    private void start() throws Exception {
        clock = ManualClock.at("2026-01-05T10:00:00Z");
        venue = new FakeVenue(clock);
        venue.setBalance(Asset.USDT, "10000", "0");
        RiskConfig config = RiskConfig.defaults().withSetting(RiskConfig.CB_THRESHOLD, "2")
                .withSetting(RiskConfig.CB_COOLDOWN, "1");
        guards = TradingGuards.create(config, clock);
        InMemoryJournal journal = new InMemoryJournal();
        guards.restore(journal);
        engine = Engine.builder(guards.watch(venue), journal).settings(EngineSettings.defaults(Market.SPOT).withTickInterval(null))
                .gates(guards.gates()).listener(guards.listener()).priceWatcher(guards.priceWatcher()).clock(clock).build();
        guards.bind(engine::submit);
        engine.start();
    }

    /** Places a small resting bid and waits until the venue has been asked; returns the order's id. */
    private ClientOrderId bid(long submitsBefore) throws Exception {
        CommandResult result = engine.submit(new Command.PlaceOrder(OrderIntent.limit(Market.SPOT, BTCUSDT, Side.BUY,
                new BigDecimal("0.1"), new BigDecimal("90"), OrderOrigin.MANUAL))).get(5, TimeUnit.SECONDS);
        assertThat(result).isInstanceOf(CommandResult.Accepted.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> venue.count("submit") == submitsBefore + 1);
        return ((CommandResult.Accepted) result).orders().getFirst();
    }

    private CircuitBreaker.Status breaker() {
        return guards.status().circuitBreaker();
    }

    private boolean settled(ClientOrderId id) throws Exception {
        return engine.snapshot().get(5, TimeUnit.SECONDS).order(id).map(o -> !o.unsettled()).orElse(true);
    }

    @Test
    void ordersSentBeforeTheOutageEndedAndSettledAfterTheProbeClosedTheBreakerLeaveItClosed() throws Exception {
        start();
        // two orders go out while the venue is failing; their answers take until after the outage
        for (int i = 0; i < 2; i++) {
            venue.scriptSubmit(request -> {
                try {
                    outageAnswers.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new SubmitResult.NotPlaced(OVERLOADED);
            });
        }
        ClientOrderId slowA = bid(0);
        ClientOrderId slowB = bid(1);
        // two more fail at once: the breaker opens (threshold 2)
        venue.scriptSubmit(request -> new SubmitResult.Unknown(OVERLOADED));
        venue.scriptSubmit(request -> new SubmitResult.Unknown(OVERLOADED));
        bid(2);
        bid(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> breaker() == CircuitBreaker.Status.OPEN);

        // after the cooldown the next order is the probe; the venue is healthy again and accepts it
        clock.advance(Duration.ofSeconds(1));
        bid(4);
        await().atMost(Duration.ofSeconds(5)).until(() -> breaker() == CircuitBreaker.Status.CLOSED);

        // now the two outage orders resolve as "not placed", each with the outage's 503
        outageAnswers.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> settled(slowA) && settled(slowB));
        assertThat(breaker()).isEqualTo(CircuitBreaker.Status.CLOSED);

        // a failure of a request sent from now on counts again: two in a row open it
        venue.scriptSubmit(request -> new SubmitResult.Unknown(OVERLOADED));
        venue.scriptSubmit(request -> new SubmitResult.Unknown(OVERLOADED));
        bid(5);
        assertThat(breaker()).isEqualTo(CircuitBreaker.Status.CLOSED);
        bid(6);
        await().atMost(Duration.ofSeconds(5)).until(() -> breaker() == CircuitBreaker.Status.OPEN);
    }
}
