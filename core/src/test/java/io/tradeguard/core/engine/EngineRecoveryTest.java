package io.tradeguard.core.engine;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.ExecutionType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.venue.Balance;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.SubmitResult;
import io.tradeguard.core.venue.Venue.AccountTrade;
import io.tradeguard.core.venue.VenueError;
import io.tradeguard.core.venue.VenueEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static io.tradeguard.core.testing.Reports.BTC;
import static io.tradeguard.core.testing.Reports.BTCUSDT;
import static io.tradeguard.core.testing.Reports.d;
import static io.tradeguard.core.testing.Reports.fill;
import static io.tradeguard.core.testing.Reports.status;
import static io.tradeguard.core.testing.Reports.trade;
import static org.assertj.core.api.Assertions.assertThat;

class EngineRecoveryTest {
    private static final VenueError TIMEOUT = new VenueError(VenueError.Kind.UNKNOWN_OUTCOME, 0, 0, "read timed out", null);
    private EngineHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private static Command.PlaceOrder buyLimit(String quantity, String price) {
        return new Command.PlaceOrder(OrderIntent.limit(Market.SPOT, BTCUSDT, Side.BUY, d(quantity), d(price), OrderOrigin.MANUAL));
    }

    private static OrderUpdate newOrder(io.tradeguard.core.venue.OrderRequest r, long venueId, java.time.Instant at) {
        return new OrderUpdate(r.market(), r.symbol(), venueId, r.clientOrderId(), r.side(), r.type(), r.timeInForce(),
                OrderStatus.NEW, ExecutionType.NEW, r.quantity(), r.price(), null, BigDecimal.ZERO, BigDecimal.ZERO,
                null, null, -1, false, at, at);
    }

    @Test
    void aLostAnswerIsResolvedByAQueryNeverByResending() throws Exception {
        h = EngineHarness.started();
        h.venue.scriptSubmit(request -> {
            h.venue.putOrder(newOrder(request, 555, h.clock.instant())); // it did reach the venue
            return new SubmitResult.Unknown(TIMEOUT);
        });

        ClientOrderId id = h.place(buyLimit("1", "100"));
        h.awaitOrder(id, o -> o.status() == OrderStatus.UNKNOWN);
        h.clock.advance(Duration.ofSeconds(5));
        h.engine.tick();

        Order resolved = h.awaitOrder(id, o -> o.status() == OrderStatus.NEW);
        assertThat(resolved.venueOrderId()).isEqualTo(555L);
        assertThat(h.venue.count("submit")).isEqualTo(1);
        assertThat(h.venue.count("query")).isEqualTo(1);
        assertThat(h.journaled(DomainEvent.OrderStatusUnknown.class)).singleElement()
                .satisfies(e -> assertThat(e.cause()).contains("read timed out"));
    }

    @Test
    void aLostAnswerForAnOrderTheVenueNeverGotIsRejectedOnlyAfterTheGrace() throws Exception {
        h = EngineHarness.started();
        h.venue.scriptSubmit(request -> new SubmitResult.Unknown(TIMEOUT));

        ClientOrderId id = h.place(buyLimit("1", "100"));
        h.awaitOrder(id, o -> o.status() == OrderStatus.UNKNOWN);
        h.clock.advance(Duration.ofSeconds(5));
        h.engine.tick();
        org.awaitility.Awaitility.await().until(() -> h.venue.count("query") == 1);
        assertThat(h.order(id).orElseThrow().status()).isEqualTo(OrderStatus.UNKNOWN);

        h.clock.advance(Duration.ofSeconds(60));
        h.engine.tick();

        Order rejected = h.awaitOrder(id, o -> o.status() == OrderStatus.REJECTED);
        assertThat(rejected.rejectReason()).contains("never placed");
        assertThat(h.venue.count("submit")).isEqualTo(1);
    }

    @Test
    void notPlacedIsARejectionAndNothingIsSentAgain() throws Exception {
        h = EngineHarness.started();
        h.venue.scriptSubmit(request -> new SubmitResult.NotPlaced(
                new VenueError(VenueError.Kind.SERVER, 0, 503, "Service Unavailable", null)));

        ClientOrderId id = h.place(buyLimit("1", "100"));

        Order rejected = h.awaitOrder(id, o -> o.status() == OrderStatus.REJECTED);
        assertThat(rejected.rejectReason()).contains("Service Unavailable");
        assertThat(h.venue.count("submit")).isEqualTo(1);
        assertThat(h.journaled(DomainEvent.OrderRejected.class)).hasSize(1);
    }

    @Test
    void aRestartFromTheJournalRebuildsIdenticalState() throws Exception {
        h = EngineHarness.started();
        h.venue.setBalance(Asset.USDT, "800", "0");
        h.venue.setBalance(BTC, "2", "0");
        h.venue.emit(new VenueEvent.BalancesUpdated(Market.SPOT, List.of(
                new Balance(Market.SPOT, Asset.USDT, d("800"), d("0")), new Balance(Market.SPOT, BTC, d("2"), d("0"))),
                h.clock.instant(), h.clock.instant()));
        ClientOrderId buy = h.place(buyLimit("2", "100"));
        Order placed = h.awaitOrder(buy, o -> o.venueOrderId() != null);
        h.venue.emit(new VenueEvent.OrderUpdated(trade(buy.value(), placed.venueOrderId(), Side.BUY, "2", "100",
                OrderStatus.FILLED, "2", fill(1, "100", "2", "0.2", Asset.USDT, h.clock.instant()))));
        h.venue.putOrder(status(buy.value(), placed.venueOrderId(), Side.BUY, "2", "100", OrderStatus.FILLED, "2", h.clock.instant()));
        h.venue.addTrade(new AccountTrade(BTCUSDT, placed.venueOrderId(), Side.BUY,
                fill(1, "100", "2", "0.2", Asset.USDT, h.clock.instant())));
        ClientOrderId sell = h.place(new Command.PlaceOrder(OrderIntent.limit(Market.SPOT, BTCUSDT, Side.SELL, d("1"),
                d("120"), OrderOrigin.MANUAL)));
        Order resting = h.awaitOrder(sell, o -> o.status() == OrderStatus.NEW);
        h.clock.advance(Duration.ofSeconds(1));
        h.venue.emit(new VenueEvent.OrderUpdated(trade(sell.value(), resting.venueOrderId(), Side.SELL, "1", "120",
                OrderStatus.PARTIALLY_FILLED, "0.5", fill(2, "120", "0.5", "0.06", Asset.USDT, h.clock.instant()))));
        h.venue.putOrder(new OrderUpdate(Market.SPOT, BTCUSDT, resting.venueOrderId(), sell, Side.SELL, OrderType.LIMIT,
                TimeInForce.GTC, OrderStatus.PARTIALLY_FILLED, ExecutionType.SNAPSHOT, d("1"), d("120"), null, d("0.5"),
                d("60"), null, null, -1, false, h.clock.instant(), h.clock.instant()));
        h.venue.addTrade(new AccountTrade(BTCUSDT, resting.venueOrderId(), Side.SELL,
                fill(2, "120", "0.5", "0.06", Asset.USDT, h.clock.instant())));
        assertThat(h.submit(new Command.EmergencyStop("test halt"))).isInstanceOf(CommandResult.Accepted.class);
        h.awaitOrder(sell, o -> o.status() == OrderStatus.CANCELED);
        TradingState.Durable before = h.engine.durableState();
        h.engine.submit(new Command.ChangeSettings(false, null)).get();
        h.engine.stop("restart");

        EngineHarness again = h.restarted();
        h = again;
        TradingState.Durable after = again.engine.durableState();

        assertThat(after.orders()).containsExactlyElementsOf(before.orders());
        assertThat(after.positions()).isEqualTo(before.positions());
        assertThat(after.balances()).isEqualTo(before.balances());
        assertThat(after.daily()).isEqualTo(before.daily());
        assertThat(after.halted()).isTrue();
        assertThat(after).isEqualTo(before);
        assertThat(after.positions().values()).singleElement().satisfies(p ->
                assertThat(p.quantity()).isEqualByComparingTo("1.5"));
    }

    @Test
    void theInitialSyncAdoptsOrdersPlacedElsewhereAndTakesTheVenuesBalances() throws Exception {
        var clock = io.tradeguard.core.testing.ManualClock.at("2026-01-05T10:00:00Z");
        var venue = new io.tradeguard.core.testing.FakeVenue(clock);
        venue.putOrder(status("android_abc", 77, Side.SELL, "0.5", "130", OrderStatus.NEW, "0", clock.instant()));
        venue.setBalance(Asset.USDT, "1000", "0");
        h = new EngineHarness(clock, venue, new io.tradeguard.core.journal.InMemoryJournal(),
                List.of(new io.tradeguard.core.pretrade.AllowAllGate(io.tradeguard.core.pretrade.PreTradeGate.Stage.RISK)),
                EngineHarness.settings());

        h.engine.start();

        var state = h.snapshot();
        assertThat(state.orders()).singleElement().satisfies(o -> {
            assertThat(o.origin()).isEqualTo(OrderOrigin.EXTERNAL);
            assertThat(o.clientOrderId()).isEqualTo(ClientOrderId.of("android_abc"));
        });
        assertThat(state.balance(Market.SPOT, Asset.USDT)).hasValueSatisfying(b ->
                assertThat(b.free()).isEqualByComparingTo("1000"));
        assertThat(state.equity()).isEqualByComparingTo("1000");
        assertThat(h.journaled(DomainEvent.ReconciliationCompleted.class)).singleElement()
                .satisfies(r -> assertThat(r.summary().adoptedExternal()).isEqualTo(1));
    }

    @Test
    void anIntentJournaledButNeverAnsweredIsSettledByQueryAfterARestart() throws Exception {
        h = EngineHarness.started();
        // the process "dies" after journaling, before the venue has the order: the answer never comes
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        h.venue.scriptSubmit(request -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new SubmitResult.Unknown(TIMEOUT);
        });
        ClientOrderId id = h.place(buyLimit("1", "100"));
        org.awaitility.Awaitility.await().until(() -> h.venue.count("submit") == 1);
        assertThat(h.order(id).orElseThrow().status()).isEqualTo(OrderStatus.PENDING_SUBMIT);
        h.engine.submit(new Command.ChangeSettings(false, null)).get();
        h.engine.stop("crash");
        h.clock.advance(Duration.ofMinutes(2));

        EngineHarness again = h.restarted();
        h = again;
        never.countDown();

        Order settled = again.awaitOrder(id, o -> o.status() == OrderStatus.REJECTED);
        assertThat(settled.rejectReason()).contains("never placed");
        assertThat(again.venue.count("submit")).isEqualTo(1);
        assertThat(again.venue.calls()).anyMatch(c -> c.method().equals("query") && c.argument().equals(id));
    }

    @Test
    void anIntentStillInDoubtAfterARestartIsQueriedByTheTimerOnceTheGraceIsOver() throws Exception {
        h = EngineHarness.started();
        // the process dies after journaling, before the request is sent, and is back within the grace
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        h.venue.scriptSubmit(request -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new SubmitResult.Unknown(TIMEOUT);
        });
        ClientOrderId id = h.place(buyLimit("1", "100"));
        org.awaitility.Awaitility.await().until(() -> h.venue.count("submit") == 1);
        h.engine.submit(new Command.ChangeSettings(false, null)).get();
        h.engine.stop("crash");
        h.clock.advance(Duration.ofSeconds(10));
        EngineHarness again = h.restarted();
        h = again;
        never.countDown();
        // the start's reconciliation cannot tell yet: the request might still be on its way
        assertThat(again.order(id).orElseThrow().status()).isEqualTo(OrderStatus.PENDING_SUBMIT);

        // once the grace is over the timer asks, well before the next periodic reconciliation
        again.clock.advance(EngineHarness.settings().unknownGrace());
        again.engine.tick();

        Order settled = again.awaitOrder(id, o -> o.status() == OrderStatus.REJECTED);
        assertThat(settled.rejectReason()).contains("never placed");
        assertThat(again.venue.count("submit")).isEqualTo(1);
    }

    @Test
    void anOrderOfOursFilledWhileWeWereDownReachesThePositionAtRestart() throws Exception {
        h = EngineHarness.started();
        ClientOrderId id = h.place(buyLimit("1", "100"));
        Order placed = h.awaitOrder(id, o -> o.status() == OrderStatus.NEW);
        h.engine.submit(new Command.ChangeSettings(false, null)).get();
        h.engine.stop("down");
        // while down: the order filled in two trades
        h.venue.putOrder(status(id.value(), placed.venueOrderId(), Side.BUY, "1", "100", OrderStatus.FILLED, "1", h.clock.instant()));
        h.venue.addTrade(new AccountTrade(BTCUSDT, placed.venueOrderId(), Side.BUY, fill(11, "99", "0.4", "0.04", Asset.USDT, h.clock.instant())));
        h.venue.addTrade(new AccountTrade(BTCUSDT, placed.venueOrderId(), Side.BUY, fill(12, "100", "0.6", "0.06", Asset.USDT, h.clock.instant())));

        EngineHarness again = h.restarted();
        h = again;

        Order filled = again.awaitOrder(id, o -> o.status() == OrderStatus.FILLED);
        assertThat(filled.fills()).hasSize(2);
        assertThat(filled.missingFills()).isFalse();
        var position = again.snapshot().position(Market.SPOT, BTCUSDT).orElseThrow();
        assertThat(position.quantity()).isEqualByComparingTo("1");
        // 0.4 × 99 + 0.6 × 100
        assertThat(position.entryCost()).isEqualByComparingTo("99.6");
        assertThat(position.openFees()).isEqualByComparingTo("0.10");
    }

    @Test
    void aReconnectAndThePeriodReconcileAndPickUpWhatHappenedMeanwhile() throws Exception {
        h = EngineHarness.started();
        ClientOrderId id = h.place(buyLimit("1", "100"));
        Order placed = h.awaitOrder(id, o -> o.status() == OrderStatus.NEW);
        long fetchesAtStart = h.venue.count("openOrders");

        h.venue.emit(new VenueEvent.ConnectionLost("user-data", "socket closed", h.clock.instant()));
        // while the stream is down the order fills
        h.venue.putOrder(status(id.value(), placed.venueOrderId(), Side.BUY, "1", "100", OrderStatus.FILLED, "1", h.clock.instant()));
        h.venue.addTrade(new AccountTrade(BTCUSDT, placed.venueOrderId(), Side.BUY, fill(5, "100", "1", "0.1", Asset.USDT, h.clock.instant())));
        h.venue.emit(new VenueEvent.ConnectionRestored("user-data", h.clock.instant()));

        h.awaitOrder(id, o -> o.status() == OrderStatus.FILLED && o.fills().size() == 1);
        assertThat(h.venue.count("openOrders")).isEqualTo(fetchesAtStart + 1);
        assertThat(h.journaled(DomainEvent.ConnectionLost.class)).hasSize(1);
        assertThat(h.journaled(DomainEvent.ConnectionRestored.class)).hasSize(1);

        // the periodic run: nothing due before the interval, one run after it
        h.engine.tick();
        h.snapshot();
        assertThat(h.venue.count("openOrders")).isEqualTo(fetchesAtStart + 1);
        h.clock.advance(Duration.ofSeconds(300));
        h.engine.tick();
        org.awaitility.Awaitility.await().until(() -> h.venue.count("openOrders") == fetchesAtStart + 2);
        org.awaitility.Awaitility.await().until(() -> h.journaled(DomainEvent.ReconciliationCompleted.class).size() == 3);
        assertThat(h.journaled(DomainEvent.ReconciliationCompleted.class).get(2).summary().corrections()).isZero();
    }
}
