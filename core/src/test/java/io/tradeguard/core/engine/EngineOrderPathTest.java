package io.tradeguard.core.engine;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.journal.JournalEntry;
import io.tradeguard.core.ledger.ClosedTrade;
import io.tradeguard.core.ledger.PositionSide;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.pretrade.GateDecision;
import io.tradeguard.core.pretrade.PreTradeGate;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.testing.FakeVenue;
import io.tradeguard.core.testing.ManualClock;
import io.tradeguard.core.journal.InMemoryJournal;
import io.tradeguard.core.venue.VenueEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.tradeguard.core.testing.Reports.BTCUSDT;
import static io.tradeguard.core.testing.Reports.d;
import static io.tradeguard.core.testing.Reports.fill;
import static io.tradeguard.core.testing.Reports.trade;
import static org.assertj.core.api.Assertions.assertThat;

class EngineOrderPathTest {
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

    private void report(ClientOrderId id, Side side, String quantity, OrderStatus status, String cumulative,
                        long tradeId, String price, String fillQty, String commission, Asset asset) {
        Order order = h.awaitOrder(id, o -> o.venueOrderId() != null);
        h.venue.emit(new VenueEvent.OrderUpdated(trade(id.value(), order.venueOrderId(), side, quantity, price, status,
                cumulative, fill(tradeId, price, fillQty, commission, asset, h.clock.instant()))));
    }

    @Test
    void theIntentIsJournaledBeforeTheRequestLeaves() throws Exception {
        h = EngineHarness.started();
        List<Boolean> journaledAtSend = new CopyOnWriteArrayList<>();
        h.venue.beforeSubmit(request -> journaledAtSend.add(h.journal.entries().stream()
                .map(JournalEntry::event)
                .anyMatch(e -> e instanceof DomainEvent.OrderSubmitted s
                        && s.request().clientOrderId().equals(request.clientOrderId()))));

        ClientOrderId id = h.place(buyLimit("1", "100"));

        Order placed = h.awaitOrder(id, o -> o.status() == OrderStatus.NEW);
        assertThat(journaledAtSend).containsExactly(true);
        assertThat(id.value()).startsWith("TGM-");
        assertThat(h.venue.submitted()).singleElement().satisfies(r -> assertThat(r.clientOrderId()).isEqualTo(id));
        assertThat(placed.origin()).isEqualTo(OrderOrigin.MANUAL);
        assertThat(h.journaled(DomainEvent.OrderPlaced.class)).hasSize(1);
    }

    @Test
    void aRefusedCheckSendsNothingAndSaysWhy() throws Exception {
        ManualClock clock = ManualClock.at("2026-01-05T10:00:00Z");
        PreTradeGate tooBig = new PreTradeGate() {
            public Stage stage() {
                return Stage.RISK;
            }

            public String name() {
                return "max-size";
            }

            public GateDecision check(OrderIntent intent, TradingSnapshot state) {
                return intent.quantity().compareTo(d("5")) > 0
                        ? GateDecision.Reject.because("the order is larger than the 5 BTC allowed per order")
                        : GateDecision.PASS;
            }
        };
        h = new EngineHarness(clock, new FakeVenue(clock), new InMemoryJournal(), List.of(tooBig), EngineHarness.settings());
        h.engine.start();

        CommandResult result = h.submit(buyLimit("6", "100"));

        assertThat(result).isEqualTo(new CommandResult.Rejected(List.of("the order is larger than the 5 BTC allowed per order")));
        assertThat(h.venue.count("submit")).isZero();
        assertThat(h.journaled(DomainEvent.OrderDenied.class)).singleElement()
                .satisfies(d -> assertThat(d.reasons()).containsExactly("the order is larger than the 5 BTC allowed per order"));
    }

    @Test
    void duplicateAndLateExecutionReportsAreHarmless() throws Exception {
        h = EngineHarness.started();
        ClientOrderId id = h.place(buyLimit("1", "100"));

        report(id, Side.BUY, "1", OrderStatus.PARTIALLY_FILLED, "0.4", 1, "100", "0.4", "0.04", Asset.USDT);
        report(id, Side.BUY, "1", OrderStatus.PARTIALLY_FILLED, "0.4", 1, "100", "0.4", "0.04", Asset.USDT);
        report(id, Side.BUY, "1", OrderStatus.FILLED, "1", 2, "100", "0.6", "0.06", Asset.USDT);
        report(id, Side.BUY, "1", OrderStatus.PARTIALLY_FILLED, "0.4", 1, "100", "0.4", "0.04", Asset.USDT);

        Order filled = h.awaitOrder(id, o -> o.status() == OrderStatus.FILLED);
        TradingSnapshot state = h.snapshot();
        assertThat(filled.filledQuantity()).isEqualByComparingTo("1");
        assertThat(state.position(Market.SPOT, BTCUSDT)).hasValueSatisfying(p -> {
            assertThat(p.quantity()).isEqualByComparingTo("1");
            assertThat(p.openFees()).isEqualByComparingTo("0.10");
        });
        assertThat(h.journaled(DomainEvent.OrderPartiallyFilled.class)).hasSize(1);
        assertThat(h.journaled(DomainEvent.OrderFilled.class)).hasSize(1);
    }

    @Test
    void aFillReportedAfterTheCancelStillReachesThePosition() throws Exception {
        h = EngineHarness.started();
        ClientOrderId id = h.place(buyLimit("1", "100"));
        h.awaitOrder(id, o -> o.status() == OrderStatus.NEW);

        assertThat(h.submit(new Command.CancelOrder(id, "changed my mind"))).isInstanceOf(CommandResult.Accepted.class);
        h.awaitOrder(id, o -> o.status() == OrderStatus.CANCELED);
        report(id, Side.BUY, "1", OrderStatus.PARTIALLY_FILLED, "0.3", 7, "100", "0.3", "0", null);

        TradingSnapshot state = h.awaitSnapshot(s -> s.position(Market.SPOT, BTCUSDT).isPresent());
        assertThat(state.position(Market.SPOT, BTCUSDT).orElseThrow().quantity()).isEqualByComparingTo("0.3");
        assertThat(h.order(id).orElseThrow().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(h.journaled(DomainEvent.OrderAnomaly.class)).isEmpty();
    }

    @Test
    void aRoundTripWithBnbCommissionsRealizesTheHandCalculatedPnl() throws Exception {
        h = EngineHarness.started();
        Symbol bnb = Symbol.of("BNBUSDT");
        h.venue.emit(new VenueEvent.PriceTick(Market.SPOT, bnb, d("300"), false, h.clock.instant(), h.clock.instant()));
        ClientOrderId buy = h.place(buyLimit("2", "100"));
        report(buy, Side.BUY, "2", OrderStatus.FILLED, "2", 1, "100", "2", "0.0005", Asset.BNB);
        h.awaitOrder(buy, o -> o.status() == OrderStatus.FILLED);

        ClientOrderId sell = h.place(new Command.PlaceOrder(OrderIntent.limit(Market.SPOT, BTCUSDT, Side.SELL, d("2"),
                d("110"), OrderOrigin.MANUAL)));
        report(sell, Side.SELL, "2", OrderStatus.FILLED, "2", 2, "110", "2", "0.0006", Asset.BNB);

        TradingSnapshot state = h.awaitSnapshot(s -> s.position(Market.SPOT, BTCUSDT).isEmpty() && s.daily().tradeCount() == 1);
        ClosedTrade trade = h.journaled(DomainEvent.PositionClosed.class).get(0).trade();
        // fees 0.0005 × 300 = 0.15 and 0.0006 × 300 = 0.18; 220 − 200 − 0.15 − 0.18 = 19.67
        assertThat(trade.realizedPnl()).isEqualByComparingTo("19.67");
        assertThat(trade.fees()).isEqualByComparingTo("0.33");
        assertThat(trade.side()).isEqualTo(PositionSide.LONG);
        assertThat(trade.exitReason()).isEqualTo("MANUAL");
        assertThat(state.daily().realizedPnl()).isEqualByComparingTo("19.67");
        assertThat(state.daily().wins()).isEqualTo(1);
    }

    @Test
    void aCommissionInAnUnpricedAssetIsReportedNotGuessed() throws Exception {
        h = EngineHarness.started();
        ClientOrderId buy = h.place(buyLimit("1", "100"));
        report(buy, Side.BUY, "1", OrderStatus.FILLED, "1", 1, "100", "1", "0.0005", Asset.BNB);

        h.awaitSnapshot(s -> s.position(Market.SPOT, BTCUSDT).isPresent());
        assertThat(h.journaled(DomainEvent.CommissionUnpriced.class)).singleElement()
                .satisfies(e -> assertThat(e.amount()).isEqualByComparingTo("0.0005"));
    }

    @Test
    void anEmergencyStopCancelsFlattensAndHaltsUntilResumed() throws Exception {
        h = EngineHarness.started();
        h.venue.emit(new VenueEvent.BalancesUpdated(Market.SPOT, List.of(
                new io.tradeguard.core.venue.Balance(Market.SPOT, io.tradeguard.core.testing.Reports.BTC, d("1"), d("0"))),
                h.clock.instant(), h.clock.instant()));
        ClientOrderId buy = h.place(buyLimit("1", "100"));
        report(buy, Side.BUY, "1", OrderStatus.FILLED, "1", 1, "100", "1", "0", null);
        ClientOrderId resting = h.place(buyLimit("1", "90"));
        h.awaitOrder(resting, o -> o.status() == OrderStatus.NEW);

        CommandResult result = h.submit(new Command.EmergencyStop("drawdown 10%"));

        assertThat(result).isInstanceOf(CommandResult.Accepted.class);
        h.awaitOrder(resting, o -> o.status() == OrderStatus.CANCELED);
        org.awaitility.Awaitility.await().until(() -> h.venue.submitted().size() == 3); // buy, resting, flatten
        assertThat(h.venue.submitted()).last().satisfies(r -> {
            assertThat(r.side()).isEqualTo(Side.SELL);
            assertThat(r.quantity()).isEqualByComparingTo("1");
            assertThat(r.clientOrderId().value()).startsWith("TGP-");
        });
        CommandResult refused = h.submit(buyLimit("1", "100"));
        assertThat(refused).isInstanceOfSatisfying(CommandResult.Rejected.class,
                r -> assertThat(r.reasons().get(0)).contains("halted").contains("drawdown 10%"));

        assertThat(h.submit(new Command.ResumeTrading("admin"))).isInstanceOf(CommandResult.Accepted.class);
        assertThat(h.submit(buyLimit("1", "100"))).isInstanceOf(CommandResult.Accepted.class);
    }

    @Test
    void aCancelAllCatchesAnOrderTheVenueHasNotAcknowledgedYet() throws Exception {
        h = EngineHarness.started();
        java.util.concurrent.CountDownLatch answer = new java.util.concurrent.CountDownLatch(1);
        h.venue.scriptSubmit(r -> {
            try {
                answer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            var placed = new io.tradeguard.core.venue.OrderUpdate(r.market(), r.symbol(), 999, r.clientOrderId(), r.side(),
                    r.type(), r.timeInForce(), OrderStatus.NEW, io.tradeguard.core.model.ExecutionType.NEW, r.quantity(),
                    r.price(), null, java.math.BigDecimal.ZERO, java.math.BigDecimal.ZERO, null, null, -1, false,
                    h.clock.instant(), h.clock.instant());
            h.venue.putOrder(placed);
            return new io.tradeguard.core.venue.SubmitResult.Accepted(placed);
        });
        ClientOrderId id = h.place(buyLimit("1", "100"));
        org.awaitility.Awaitility.await().until(() -> h.venue.count("submit") == 1);

        h.submit(new Command.EmergencyStop("stop everything"));
        assertThat(h.venue.count("cancel")).isZero(); // a cancel must not overtake its order
        answer.countDown();

        h.awaitOrder(id, o -> o.status() == OrderStatus.CANCELED);
        assertThat(h.venue.calls()).filteredOn(c -> c.method().equals("cancel")).singleElement()
                .satisfies(c -> assertThat(c.argument()).isEqualTo(id));
    }

    @Test
    void theEngineFollowsThePricesOfItsSymbolsAndMarksPositionsWithThem() throws Exception {
        h = EngineHarness.started();
        ClientOrderId buy = h.place(buyLimit("2", "100"));
        report(buy, Side.BUY, "2", OrderStatus.FILLED, "2", 1, "100", "2", "0.2", Asset.USDT);
        org.awaitility.Awaitility.await().until(() -> h.venue.calls().stream()
                .anyMatch(c -> c.method().equals("subscribePrices") && ((java.util.Set<?>) c.argument()).contains(BTCUSDT)));

        h.venue.tick(BTCUSDT, "110");

        TradingSnapshot state = h.awaitSnapshot(s -> s.price(BTCUSDT).map(p -> p.compareTo(d("110")) == 0).orElse(false));
        // 2 × 110 − 200 − 0.2 entry fee
        assertThat(state.position(Market.SPOT, BTCUSDT).orElseThrow().unrealizedPnl(state.price(BTCUSDT).orElseThrow()))
                .isEqualByComparingTo("19.8");
    }

    @Test
    void closingASpotLongSellsNoMoreThanTheWalletHolds() throws Exception {
        h = EngineHarness.started();
        assertThat(h.submit(new Command.ClosePosition(Market.SPOT, BTCUSDT, OrderOrigin.MANUAL, "")))
                .isEqualTo(new CommandResult.Rejected(List.of("there is no open position in BTCUSDT on spot")));
        ClientOrderId buy = h.place(buyLimit("1", "100"));
        // the commission was paid in BTC: the position is what the wallet got, 1 − 0.001 = 0.999
        report(buy, Side.BUY, "1", OrderStatus.FILLED, "1", 1, "100", "1", "0.001", io.tradeguard.core.testing.Reports.BTC);
        // and 0.099 of it is locked by another order: 0.9 is free to sell
        h.venue.emit(new VenueEvent.BalancesUpdated(Market.SPOT, List.of(new io.tradeguard.core.venue.Balance(Market.SPOT,
                io.tradeguard.core.testing.Reports.BTC, d("0.9"), d("0.099"))), h.clock.instant(), h.clock.instant()));
        TradingSnapshot held = h.awaitSnapshot(s -> s.balance(Market.SPOT, io.tradeguard.core.testing.Reports.BTC).isPresent()
                && s.position(Market.SPOT, BTCUSDT).isPresent());
        assertThat(held.position(Market.SPOT, BTCUSDT).orElseThrow().quantity()).isEqualByComparingTo("0.999");

        ClientOrderId close = h.place(new Command.ClosePosition(Market.SPOT, BTCUSDT, OrderOrigin.MANUAL, "take it off"));

        org.awaitility.Awaitility.await().until(() -> h.venue.submitted().size() == 2); // sent after journaling
        assertThat(h.venue.submitted()).last().satisfies(r -> {
            assertThat(r.clientOrderId()).isEqualTo(close);
            assertThat(r.side()).isEqualTo(Side.SELL);
            assertThat(r.type()).isEqualTo(io.tradeguard.core.model.OrderType.MARKET);
            assertThat(r.quantity()).isEqualByComparingTo("0.9");
            assertThat(r.reduceOnly()).isFalse(); // not a spot parameter
        });
        assertThat(h.order(close).orElseThrow().reason()).isEqualTo("take it off");
    }

    @Test
    void aSignalIsJournaledAndTradesWithOriginSignal() throws Exception {
        h = EngineHarness.started();
        OrderIntent manual = OrderIntent.limit(Market.SPOT, BTCUSDT, Side.BUY, d("1"), d("100"), OrderOrigin.MANUAL);
        OrderIntent signal = OrderIntent.limit(Market.SPOT, BTCUSDT, Side.BUY, d("1"), d("100"), OrderOrigin.SIGNAL);

        assertThat(h.submit(new Command.Signal("sig-1", manual))).isInstanceOf(CommandResult.Rejected.class);
        ClientOrderId id = h.place(new Command.Signal("sig-2", signal));

        assertThat(id.value()).startsWith("TGS-");
        assertThat(h.journaled(DomainEvent.SignalReceived.class)).extracting(DomainEvent.SignalReceived::signalId)
                .containsExactly("sig-1", "sig-2");
        // the request leaves on an I/O thread after the caller has its answer: wait for it to be sent
        h.awaitOrder(id, o -> o.venueOrderId() != null);
        assertThat(h.venue.count("submit")).isEqualTo(1);
    }

    @Test
    void anOrderForAnotherMarketIsRefused() throws Exception {
        h = EngineHarness.started();

        CommandResult result = h.submit(new Command.PlaceOrder(OrderIntent.limit(Market.FUTURES, BTCUSDT, Side.BUY,
                d("1"), d("100"), OrderOrigin.MANUAL)));

        assertThat(result).isInstanceOfSatisfying(CommandResult.Rejected.class,
                r -> assertThat(r.reasons()).containsExactly("this engine trades spot, not futures"));
        assertThat(h.venue.count("submit")).isZero();
    }

    @Test
    void stoppingCancelsOpenOrders() throws Exception {
        h = EngineHarness.started();
        ClientOrderId id = h.place(buyLimit("1", "100"));
        h.awaitOrder(id, o -> o.status() == OrderStatus.NEW);

        h.engine.stop("maintenance");

        assertThat(h.venue.calls()).anyMatch(c -> c.method().equals("cancel") && c.argument().equals(id));
        assertThat(h.journaled(DomainEvent.OrderCancelled.class)).hasSize(1);
        assertThat(h.journaled(DomainEvent.EngineStopped.class)).hasSize(1);
        assertThat(h.engine.submit(buyLimit("1", "100")).get()).isInstanceOf(CommandResult.Rejected.class);
        h = null;
    }

    @Test
    void eventsReachListenersInSequenceOnceDurable() throws Exception {
        h = EngineHarness.started();
        ClientOrderId id = h.place(buyLimit("1", "100"));
        h.awaitOrder(id, o -> o.status() == OrderStatus.NEW);

        List<Long> sequences = h.heard.stream().map(JournalEntry::sequence).toList();
        assertThat(sequences).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
        assertThat(sequences.get(0)).isEqualTo(1L);
        assertThat((long) sequences.size()).isLessThanOrEqualTo(h.journal.lastSequence());
        Instant now = h.clock.instant();
        assertThat(h.heard).allSatisfy(e -> assertThat(e.event().time()).isEqualTo(now));
    }
}
