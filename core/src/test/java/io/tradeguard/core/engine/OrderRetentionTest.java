package io.tradeguard.core.engine;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.journal.InMemoryJournal;
import io.tradeguard.core.journal.JournalEntry;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.pretrade.AllowAllGate;
import io.tradeguard.core.pretrade.PreTradeGate;
import io.tradeguard.core.testing.FakeVenue;
import io.tradeguard.core.testing.ManualClock;
import io.tradeguard.core.venue.OrderRequest;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.SubmitResult;
import io.tradeguard.core.venue.VenueEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.tradeguard.core.testing.Reports.d;
import static io.tradeguard.core.testing.Reports.fill;
import static io.tradeguard.core.testing.Reports.status;
import static io.tradeguard.core.testing.Reports.trade;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settled orders leave the engine's memory after the retention (the journal keeps them); unsettled orders and
 * orders with fills still missing never do, and replaying the journal rebuilds the same orders.
 */
class OrderRetentionTest {

    private static final TradingState.Retention SMALL = new TradingState.Retention(3, Duration.ofMinutes(2), Duration.ofDays(7));

    private final ManualClock clock = ManualClock.at("2026-01-05T10:00:00Z");
    private final List<DomainEvent> journal = new ArrayList<>();
    private final List<OrderRequest> submitted = new ArrayList<>();
    private final List<OrderUpdate> fillReports = new ArrayList<>();
    private long venueIds = 100;
    private long tradeIds = 1;
    private final EngineCore core = newCore();

    private EngineCore newCore() {
        int[] counter = {0};
        EngineCore c = new EngineCore(EngineSettings.defaults(Market.SPOT).withTickInterval(null), new TradingState(),
                List.of(new AllowAllGate(PreTradeGate.Stage.RISK)),
                origin -> ClientOrderId.of("TG" + origin.code() + "-" + (++counter[0])), clock);
        c.instruments(List.of(FakeVenue.btcusdt()));
        c.state().retention(SMALL);
        return c;
    }

    private void handle(Inbound message) {
        EngineCore.Output out = core.handle(message);
        journal.addAll(out.events());
        out.effects().stream().filter(Effect.Submit.class::isInstance).map(e -> ((Effect.Submit) e).request())
                .forEach(submitted::add);
    }

    /** A limit order placed and acknowledged (NEW) by the venue. */
    private OrderUpdate resting(Side side) {
        handle(new Inbound.CommandIn(new Command.PlaceOrder(OrderIntent.limit(Market.SPOT,
                io.tradeguard.core.testing.Reports.BTCUSDT, side, d("1"), d("100"), OrderOrigin.MANUAL)),
                new CompletableFuture<>()));
        OrderRequest request = submitted.removeLast();
        OrderUpdate placed = status(request.clientOrderId().value(), ++venueIds, side, "1", "100", OrderStatus.NEW, "0",
                clock.instant());
        handle(new Inbound.SubmitAnswered(request.clientOrderId(), new SubmitResult.Accepted(placed)));
        return placed;
    }

    private OrderUpdate filled(OrderUpdate o) {
        OrderUpdate report = trade(o.clientOrderId().value(), o.venueOrderId(), o.side(), "1", "100", OrderStatus.FILLED,
                "1", fill(tradeIds++, "100", "1", "0.1", Asset.USDT, clock.instant()));
        handle(new Inbound.VenueIn(new VenueEvent.OrderUpdated(report)));
        fillReports.add(report);
        return report;
    }

    /** A round trip: a buy and a sell of 1, each filled at once, a minute apart from the previous one. */
    private List<ClientOrderId> settleRoundTrips(int count) {
        List<ClientOrderId> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clock.advance(Duration.ofMinutes(1));
            for (Side side : List.of(Side.BUY, Side.SELL)) {
                ids.add(filled(resting(side)).clientOrderId());
            }
        }
        return ids;
    }

    private TradingState replayed() {
        TradingState state = new TradingState();
        state.retention(SMALL);
        journal.forEach(state::apply);
        return state;
    }

    @Test
    void settledOrdersBeyondTheRetentionLeaveMemoryAndAReplayRebuildsTheSameOrders() {
        handle(new Inbound.Accepting(true, new CompletableFuture<>()));
        List<ClientOrderId> ids = settleRoundTrips(6);

        TradingState state = core.state();
        // the 3 most recently settled and those settled within the last 2 minutes stay: the last three round trips
        assertThat(state.allOrders()).extracting(Order::clientOrderId).containsExactlyElementsOf(ids.subList(6, 12));
        assertThat(state.order(ids.getFirst())).isNull();
        assertThat(state.evictedOrders()).isEqualTo(6);
        // nothing lost: the journal has every order's final state, and the position is that of every fill
        assertThat(journal).filteredOn(DomainEvent.OrderFilled.class::isInstance).hasSize(12);
        // the order that left memory is found in the journal, final state and fill included (what the store projects)
        List<DomainEvent.OrderFilled> first = journal.stream().filter(DomainEvent.OrderFilled.class::isInstance)
                .map(DomainEvent.OrderFilled.class::cast).filter(e -> e.order().clientOrderId().equals(ids.getFirst())).toList();
        assertThat(first).singleElement().satisfies(e -> {
            assertThat(e.order().status()).isEqualTo(OrderStatus.FILLED);
            assertThat(e.order().filledQuantity()).isEqualByComparingTo("1");
            assertThat(e.fill().quantity()).isEqualByComparingTo("1");
        });
        assertThat(state.positions()).isEmpty();

        TradingState rebuilt = replayed();
        assertThat(rebuilt.durable()).isEqualTo(state.durable());
        assertThat(rebuilt.evictedOrders()).isEqualTo(6);
    }

    @Test
    void aReportOfASettledOrderThatLeftMemoryIsNotAdoptedAndPostedAgain() {
        handle(new Inbound.Accepting(true, new CompletableFuture<>()));
        List<ClientOrderId> ids = settleRoundTrips(6);
        ClientOrderId firstBuy = ids.getFirst();
        assertThat(core.state().order(firstBuy)).isNull();
        TradingState.Durable before = core.state().durable();
        int events = journal.size();

        // the venue delivers the first buy's fill again, long after (a re-delivery, a late query answer)
        OrderUpdate again = fillReports.getFirst();
        assertThat(again.clientOrderId()).isEqualTo(firstBuy);
        clock.advance(Duration.ofMinutes(30));
        handle(new Inbound.VenueIn(new VenueEvent.OrderUpdated(again)));
        // and its plain status report too
        handle(new Inbound.VenueIn(new VenueEvent.OrderUpdated(status(firstBuy.value(), again.venueOrderId(), Side.BUY,
                "1", "100", OrderStatus.FILLED, "1", clock.instant()))));

        // without the forgotten ids this adopted the order as a stranger's and bought 1 BTC a second time
        assertThat(journal).hasSize(events);
        assertThat(core.state().durable()).isEqualTo(before);
        assertThat(core.state().positions()).isEmpty();
        assertThat(core.lateReportsOfForgottenOrders()).isEqualTo(2);
        // a replay knows the same forgotten orders
        assertThat(replayed().settledAndForgotten(firstBuy)).isTrue();
        assertThat(replayed().settledAndForgotten(ids.getLast())).isFalse(); // still in memory

        // an order the engine never knew is still adopted
        OrderUpdate stranger = trade("web_manual_1", 999, Side.BUY, "1", "100", OrderStatus.FILLED, "1",
                fill(900, "100", "1", "0.1", Asset.USDT, clock.instant()));
        handle(new Inbound.VenueIn(new VenueEvent.OrderUpdated(stranger)));
        assertThat(journal.subList(events, journal.size())).anyMatch(DomainEvent.OrderAdopted.class::isInstance);
        assertThat(core.state().order(ClientOrderId.of("web_manual_1"))).isNotNull();
    }

    @Test
    void anOrderInDoubtKeepsEverySettledOrderItsReconciliationCouldMeetAndNeverLeavesItself() {
        handle(new Inbound.Accepting(true, new CompletableFuture<>()));
        OrderUpdate open = resting(Side.BUY);
        List<ClientOrderId> ids = settleRoundTrips(6);

        // reconciliation fetches trades from a minute before the open order: every order settled since is kept
        assertThat(core.state().allOrders()).extracting(Order::clientOrderId)
                .contains(open.clientOrderId()).containsAll(ids);
        assertThat(core.state().evictedOrders()).isZero();

        clock.advance(Duration.ofMinutes(10));
        filled(open);
        clock.advance(Duration.ofMinutes(10));
        ClientOrderId last = filled(resting(Side.SELL)).clientOrderId();
        // once settled, the formerly open order leaves like any other: the 3 most recent remain
        assertThat(core.state().allOrders()).extracting(Order::clientOrderId)
                .containsExactlyInAnyOrder(ids.get(11), open.clientOrderId(), last);
        assertThat(replayed().durable()).isEqualTo(core.state().durable());
    }

    @Test
    void aTerminalOrderWithFillsStillMissingStaysUntilTheyArrive() {
        handle(new Inbound.Accepting(true, new CompletableFuture<>()));
        OrderUpdate o = resting(Side.BUY);
        // the venue says FILLED, but its trade never came: the engine must keep the order to apply the fill later
        handle(new Inbound.VenueIn(new VenueEvent.OrderUpdated(status(o.clientOrderId().value(), o.venueOrderId(),
                Side.BUY, "1", "100", OrderStatus.FILLED, "1", clock.instant()))));
        assertThat(core.state().order(o.clientOrderId()).missingFills()).isTrue();
        settleRoundTrips(6);
        clock.advance(Duration.ofMinutes(30));
        settleRoundTrips(2);
        assertThat(core.state().order(o.clientOrderId())).isNotNull();

        filled(o); // the missing trade, late
        assertThat(core.state().order(o.clientOrderId()).missingFills()).isFalse();
        clock.advance(Duration.ofMinutes(10));
        settleRoundTrips(2);
        assertThat(core.state().order(o.clientOrderId())).isNull();
        assertThat(replayed().durable()).isEqualTo(core.state().durable());
    }

    @Test
    void anEngineStartedOnTheJournalRebuildsTheBoundedView() throws Exception {
        handle(new Inbound.Accepting(true, new CompletableFuture<>()));
        // the default retention keeps 1,000 settled orders: settle more, over more than 2 minutes
        for (int i = 0; i < 520; i++) {
            clock.advance(Duration.ofSeconds(1));
            for (Side side : List.of(Side.BUY, Side.SELL)) {
                filled(resting(side));
            }
        }
        TradingState live = new TradingState(); // the default retention, as the engine uses it
        journal.forEach(live::apply);
        assertThat(live.evictedOrders()).isEqualTo(40);
        assertThat(live.allOrders()).hasSize(1_000);

        InMemoryJournal store = new InMemoryJournal();
        List<JournalEntry> entries = new ArrayList<>();
        for (DomainEvent event : journal) {
            entries.add(new JournalEntry(entries.size() + 1, event));
        }
        store.append(entries);
        Engine engine = Engine.builder(new FakeVenue(clock), store).settings(EngineSettings.defaults(Market.SPOT)
                .withTickInterval(null).withCancelOpenOrdersOnStop(false)).clock(clock)
                .gates(List.of(new AllowAllGate(PreTradeGate.Stage.RISK))).build();
        engine.start();
        try {
            // the start adds its own events (balances, the day's figures), no order ones
            TradingState.Durable started = engine.durableState();
            assertThat(started.orders()).containsExactlyElementsOf(live.allOrders());
            assertThat(started.positions()).isEqualTo(live.durable().positions());
        } finally {
            engine.stop("test over");
        }
    }
}
