package io.tradeguard.core.guard;

import io.tradeguard.core.engine.Command;
import io.tradeguard.core.engine.CommandResult;
import io.tradeguard.core.engine.Engine;
import io.tradeguard.core.engine.EngineSettings;
import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.journal.InMemoryJournal;
import io.tradeguard.core.journal.JournalEntry;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.ExecutionType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.order.OcoLegIds;
import io.tradeguard.core.order.OrderInstructions;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.protection.PriceTrigger;
import io.tradeguard.core.protection.TrailingStop;
import io.tradeguard.core.risk.RiskConfig;
import io.tradeguard.core.testing.FakeVenue;
import io.tradeguard.core.testing.ManualClock;
import io.tradeguard.core.testing.Reports;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.core.venue.OcoRequest;
import io.tradeguard.core.venue.OcoResult;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.VenueError;
import io.tradeguard.core.venue.VenueEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.tradeguard.core.testing.Reports.BTCUSDT;
import static io.tradeguard.core.testing.Reports.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The guards and the engine with a venue that has OCO lists: native protection, its journal and its fallbacks. */
class NativeProtectionTest {
    private final ManualClock clock = ManualClock.at("2026-01-05T10:00:00Z");
    private final FakeVenue venue = new FakeVenue(clock);
    private final InMemoryJournal journal = new InMemoryJournal();
    private final List<DomainEvent> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
    private TradingGuards guards;
    private Engine engine;

    private void start() throws Exception {
        venue.enableOco();
        venue.setBalance(Asset.USDT, "10000", "0");
        guards = TradingGuards.create(RiskConfig.defaults(), clock);
        guards.restore(journal);
        engine = Engine.builder(guards.watch(venue), journal).settings(EngineSettings.defaults(Market.SPOT).withTickInterval(null))
                .gates(guards.gates()).listener(guards.listener()).listener(e -> heard.add(e.event()))
                .priceWatcher(guards.priceWatcher()).clock(clock).build();
        guards.bind(engine::submit);
        engine.start();
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop("test over");
        }
    }

    private CommandResult submit(Command command) throws Exception {
        return engine.submit(command).get(5, TimeUnit.SECONDS);
    }

    /** A limit buy of 1 BTC at 100 that fills at once (commission 0.001 BTC: the holding is 0.999). */
    private void enter(OrderInstructions instructions) throws Exception {
        CommandResult placed = submit(new Command.PlaceOrder(OrderIntent.limit(Market.SPOT, BTCUSDT, Side.BUY, d("1"), d("100"),
                OrderOrigin.MANUAL).withInstructions(instructions)));
        assertThat(placed).isInstanceOf(CommandResult.Accepted.class);
        ClientOrderId id = ((CommandResult.Accepted) placed).order();
        await().atMost(Duration.ofSeconds(5)).until(() -> venue.submitted().size() == 1);
        Fill fill = Reports.fill(1, "100", "1", "0.001", Reports.BTC, clock.instant());
        venue.emit(new VenueEvent.OrderUpdated(Reports.trade(id.value(), 1, Side.BUY, "1", "100", OrderStatus.FILLED, "1", fill)));
    }

    private static OrderUpdate legReport(OcoRequest.Leg leg, OrderStatus status, ExecutionType type, String filled, Fill fill,
                                         java.time.Instant at) {
        return new OrderUpdate(Market.SPOT, BTCUSDT, 900 + (leg.type() == OrderType.STOP_LOSS ? 1 : 2), leg.clientOrderId(),
                Side.SELL, leg.type(), null, status, type, d("0.999"), null, leg.stopPrice(), d(filled),
                fill == null ? BigDecimal.ZERO : fill.price().multiply(fill.quantity()), fill, null, 77, false, at, at);
    }

    private List<DomainEvent> events() {
        return journal.entries().stream().map(JournalEntry::event).toList();
    }

    @Test
    void bothLegsAreJournaledBeforeTheListIsSentAndALegThatFillsClosesThePosition() throws Exception {
        start();
        // the legs must be in the journal when the request leaves
        venue.scriptOco(request -> {
            List<ClientOrderId> journaled = events().stream().filter(e -> e instanceof DomainEvent.OrderSubmitted)
                    .map(e -> ((DomainEvent.OrderSubmitted) e).order().clientOrderId()).toList();
            assertThat(journaled).contains(request.above().clientOrderId(), request.below().clientOrderId());
            return venue.acceptOco(request);
        });
        enter(OrderInstructions.DEFAULTS);

        await().atMost(Duration.ofSeconds(5)).until(() -> venue.ocos().size() == 1);
        OcoRequest oco = venue.ocos().getFirst();
        assertThat(oco.side()).isEqualTo(Side.SELL);
        assertThat(oco.quantity()).isEqualByComparingTo("0.999");
        assertThat(oco.above().type()).isEqualTo(OrderType.TAKE_PROFIT);
        assertThat(oco.above().stopPrice()).isEqualByComparingTo("105");
        assertThat(oco.below().type()).isEqualTo(OrderType.STOP_LOSS);
        assertThat(oco.below().stopPrice()).isEqualByComparingTo("98");
        assertThat(oco.above().clientOrderId()).isEqualTo(OcoLegIds.takeProfit(oco.listClientOrderId()));
        assertThat(oco.below().clientOrderId()).isEqualTo(OcoLegIds.stopLoss(oco.listClientOrderId()));
        await().atMost(Duration.ofSeconds(5)).until(() -> guards.nativeBrackets().stream()
                .anyMatch(b -> b.stage() == NativeBracket.Stage.LIVE && oco.listClientOrderId().equals(b.listClientOrderId())));
        assertThat(guards.activeTriggers()).isEmpty();
        // the heat rule sees the native stop
        assertThat(events()).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(DomainEvent.GuardStateSaved.class,
                s -> assertThat(s.state().nativeBrackets()).isNotEmpty()));

        // when the take-profit leg fills and the exchange expires the stop-loss leg
        Fill exit = Reports.fill(2, "105", "0.999", "0.1", Asset.USDT, clock.instant());
        venue.emit(new VenueEvent.OrderUpdated(legReport(oco.above(), OrderStatus.FILLED, ExecutionType.TRADE, "0.999", exit, clock.instant())));
        venue.emit(new VenueEvent.OrderUpdated(legReport(oco.below(), OrderStatus.EXPIRED, ExecutionType.EXPIRED, "0", null, clock.instant())));
        venue.emit(new VenueEvent.OrderListUpdated(Market.SPOT, BTCUSDT, 77, oco.listClientOrderId().value(), "ALL_DONE",
                "ALL_DONE", clock.instant(), clock.instant()));

        // then the position is closed by the take profit, both legs are final, nothing is armed locally
        await().atMost(Duration.ofSeconds(5)).until(() -> events().stream().anyMatch(e -> e instanceof DomainEvent.PositionClosed));
        DomainEvent.PositionClosed closed = (DomainEvent.PositionClosed) events().stream()
                .filter(e -> e instanceof DomainEvent.PositionClosed).findFirst().orElseThrow();
        assertThat(closed.trade().exitReason()).isEqualTo("PROTECTION: take profit");
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.snapshot().get().orders().isEmpty());
        await().atMost(Duration.ofSeconds(5)).until(() -> guards.nativeBrackets().isEmpty());
        assertThat(guards.activeTriggers()).isEmpty();
        // and the list being done asked nothing more of the venue: both legs had their own reports
        assertThat(venue.count("query")).isZero();
    }

    @Test
    void aListTheVenueRefusesLeavesBothLegsRejectedAndArmsTheLocalBracketSayingWhy() throws Exception {
        start();
        venue.scriptOco(request -> new OcoResult.Rejected(new VenueError(VenueError.Kind.REJECTED, -2010, 400,
                "The relationship of the prices for the orders is not correct.", null)));
        enter(OrderInstructions.DEFAULTS);

        await().atMost(Duration.ofSeconds(5)).until(() -> guards.activeTriggers().size() == 2);
        assertThat(events()).filteredOn(e -> e instanceof DomainEvent.OrderRejected).hasSize(2)
                .allSatisfy(e -> assertThat(((DomainEvent.OrderRejected) e).reason()).contains("OCO rejected by the venue"));
        assertThat(guards.nativeBrackets()).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> events().stream().anyMatch(e -> e instanceof DomainEvent.GuardStateSaved s
                && s.why().contains("could not be placed") && s.why().contains("local stop-loss/take-profit armed instead")));
        assertThat(guards.activeTriggers()).filteredOn(t -> t instanceof PriceTrigger p && p.kind() == PriceTrigger.Kind.STOP_LOSS)
                .singleElement().satisfies(t -> assertThat(((PriceTrigger) t).triggerPrice()).isEqualByComparingTo("98"));
    }

    @Test
    void anOrdersOwnPricesAndTrailingStopShapeTheList() throws Exception {
        start();
        enter(new OrderInstructions(null, true, null, d("120"), d("0.03"), null, null));

        await().atMost(Duration.ofSeconds(5)).until(() -> venue.ocos().size() == 1);
        OcoRequest oco = venue.ocos().getFirst();
        assertThat(oco.above().stopPrice()).isEqualByComparingTo("120");
        // a trailing stop-loss leg: 3 % = 300 BIPS behind the best price, no fixed stop
        assertThat(oco.below().type()).isEqualTo(OrderType.STOP_LOSS);
        assertThat(oco.below().trailingDelta()).isEqualTo(300);
        assertThat(oco.below().stopPrice()).isNull();
        await().atMost(Duration.ofSeconds(5)).until(() -> events().stream().anyMatch(e -> e instanceof DomainEvent.OrderSubmitted s
                && s.order().clientOrderId().equals(oco.below().clientOrderId()) && s.order().reason().equals("trailing stop")));
    }

    @Test
    void withoutOcoListsTheTrailingStopIsLocal() throws Exception {
        venue.setBalance(Asset.USDT, "10000", "0");
        guards = TradingGuards.create(RiskConfig.defaults(), clock);
        engine = Engine.builder(guards.watch(venue), journal).settings(EngineSettings.defaults(Market.SPOT).withTickInterval(null))
                .gates(guards.gates()).listener(guards.listener()).listener(e -> heard.add(e.event()))
                .priceWatcher(guards.priceWatcher()).clock(clock).build();
        guards.bind(engine::submit);
        engine.start();
        enter(new OrderInstructions(null, true, null, null, d("0.02"), null, null));

        await().atMost(Duration.ofSeconds(5)).until(() -> guards.activeTriggers().size() == 2);
        assertThat(venue.ocos()).isEmpty();
        assertThat(guards.activeTriggers()).anySatisfy(t -> assertThat(t).isInstanceOfSatisfying(TrailingStop.class,
                s -> assertThat(s.deltaBips()).isEqualTo(200)));
    }

    @Test
    void protectFalseLeavesThePositionUnprotected() throws Exception {
        start();
        enter(OrderInstructions.DEFAULTS.withProtection(false, null, null, null));
        await().atMost(Duration.ofSeconds(5)).until(() -> heard.stream().anyMatch(e -> e instanceof DomainEvent.PositionOpened));
        // the guards heard the opening before this listener: a command sent now is handled after anything the guards sent about the opening
        assertThat(submit(new Command.Reconcile())).isInstanceOf(CommandResult.Accepted.class);
        assertThat(venue.ocos()).isEmpty();
        assertThat(guards.activeTriggers()).isEmpty();
        assertThat(guards.nativeBrackets()).isEmpty();
    }
}
