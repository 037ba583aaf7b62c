package io.tradeguard.core.engine;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.ExecutionType;
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
import io.tradeguard.core.venue.Balance;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.core.venue.OrderRequest;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.SubmitResult;
import io.tradeguard.core.venue.VenueError;
import io.tradeguard.core.venue.VenueEvent;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.tradeguard.core.testing.Reports.BTC;
import static io.tradeguard.core.testing.Reports.BTCUSDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.enumValues;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * The engine's decisions for random sequences of commands and venue messages (duplicates, late fills,
 * lost answers, cancels, halts): replaying the events rebuilds exactly the live state, and every
 * position equals the signed sum of the fills of its symbol.
 */
class EngineReplayPropertyTest {

    enum Kind { PLACE, ACCEPT, LOSE_ANSWER, NOT_PLACED, FILL, DUPLICATE, CANCEL, BALANCE, TICK, HALT, RESUME }

    record Action(Kind kind, int pick, int amount) {
    }

    Gen<List<Action>> actions() {
        return lists().of(enumValues(Kind.class).zip(integers().between(0, 50),
                integers().between(1, 10), Action::new)).ofSizeBetween(5, 80);
    }

    @Test
    void replayingTheEventsRebuildsTheStateAndPositionsMatchTheFills() {
        qt().withExamples(200).forAll(actions()).checkAssert(this::replayingTheEventsRebuildsTheStateAndPositionsMatchTheFills);
    }

    void replayingTheEventsRebuildsTheStateAndPositionsMatchTheFills(List<Action> actions) {
        ManualClock clock = ManualClock.at("2026-01-05T23:58:00Z"); // crosses midnight: day roll included
        int[] counter = {0};
        EngineCore core = new EngineCore(EngineSettings.defaults(Market.SPOT).withTickInterval(null), new TradingState(),
                List.of(new AllowAllGate(PreTradeGate.Stage.RISK)),
                origin -> ClientOrderId.of("TG" + origin.code() + "-" + (++counter[0])), clock);
        core.instruments(List.of(FakeVenue.btcusdt()));
        List<DomainEvent> journal = new ArrayList<>();
        Driver driver = new Driver(core, clock, journal);
        driver.handle(new Inbound.Accepting(true, new CompletableFuture<>()));

        for (Action action : actions) {
            driver.act(action);
        }

        TradingState replayed = new TradingState();
        journal.forEach(replayed::apply);
        assertThat(replayed.durable()).isEqualTo(core.state().durable());

        Map<String, BigDecimal> signed = new HashMap<>();
        for (Order order : core.state().allOrders()) {
            // duplicates were harmless: every trade once, never more than the order's quantity
            assertThat(order.fills()).extracting(Fill::tradeId).doesNotHaveDuplicates();
            if (order.quantity() != null) {
                assertThat(order.filledQuantity()).isLessThanOrEqualTo(order.quantity());
            }
            for (Fill fill : order.fills()) {
                // what the wallet gained or gave: a commission in BTC comes out of the BTC bought or on top of the BTC sold
                BigDecimal btcFee = BTC.equals(fill.commissionAsset()) ? fill.commission() : BigDecimal.ZERO;
                signed.merge(order.symbol().value(), order.side() == Side.BUY ? fill.quantity().subtract(btcFee)
                        : fill.quantity().add(btcFee).negate(), BigDecimal::add);
            }
        }
        BigDecimal expected = signed.getOrDefault(BTCUSDT.value(), BigDecimal.ZERO);
        Position position = core.state().position(Market.SPOT, BTCUSDT);
        assertThat(position == null ? BigDecimal.ZERO : position.quantity()).isEqualByComparingTo(expected);
    }

    /** Plays the venue's part: answers submits, fills and cancels orders, repeats reports. */
    private static final class Driver {
        private final EngineCore core;
        private final ManualClock clock;
        private final List<DomainEvent> journal;
        private final List<OrderRequest> unanswered = new ArrayList<>();
        private final List<OrderUpdate> live = new ArrayList<>();
        private final List<OrderUpdate> sent = new ArrayList<>();
        private long venueIds = 100;
        private long tradeIds = 1;

        Driver(EngineCore core, ManualClock clock, List<DomainEvent> journal) {
            this.core = core;
            this.clock = clock;
            this.journal = journal;
        }

        void handle(Inbound message) {
            EngineCore.Output out = core.handle(message);
            journal.addAll(out.events());
            for (Effect effect : out.effects()) {
                if (effect instanceof Effect.Submit s) {
                    unanswered.add(s.request());
                }
            }
        }

        void act(Action a) {
            clock.advance(Duration.ofSeconds(a.amount()));
            switch (a.kind()) {
                case PLACE -> handle(new Inbound.CommandIn(new Command.PlaceOrder(OrderIntent.limit(Market.SPOT, BTCUSDT,
                        a.pick() % 2 == 0 ? Side.BUY : Side.SELL, BigDecimal.valueOf(a.amount()), BigDecimal.valueOf(100 + a.pick()),
                        OrderOrigin.MANUAL)), new CompletableFuture<>()));
                case ACCEPT, LOSE_ANSWER, NOT_PLACED -> {
                    if (unanswered.isEmpty()) {
                        return;
                    }
                    OrderRequest r = unanswered.remove(a.pick() % unanswered.size());
                    SubmitResult result = switch (a.kind()) {
                        case ACCEPT -> {
                            OrderUpdate placed = update(r, ++venueIds, OrderStatus.NEW, ExecutionType.NEW, BigDecimal.ZERO, null);
                            live.add(placed);
                            yield new SubmitResult.Accepted(placed);
                        }
                        case LOSE_ANSWER -> new SubmitResult.Unknown(new VenueError(VenueError.Kind.UNKNOWN_OUTCOME, 0, 0, "timeout", null));
                        default -> new SubmitResult.NotPlaced(new VenueError(VenueError.Kind.SERVER, 0, 503, "unavailable", null));
                    };
                    handle(new Inbound.SubmitAnswered(r.clientOrderId(), result));
                }
                case FILL -> {
                    if (live.isEmpty()) {
                        return;
                    }
                    int index = a.pick() % live.size();
                    OrderUpdate o = live.get(index);
                    BigDecimal remaining = o.quantity().subtract(o.filledQuantity());
                    BigDecimal qty = remaining.min(BigDecimal.valueOf(a.amount()).movePointLeft(1).max(new BigDecimal("0.1")));
                    BigDecimal cumulative = o.filledQuantity().add(qty);
                    boolean full = cumulative.compareTo(o.quantity()) == 0;
                    Fill fill = new Fill(tradeIds++, priceOf(o.price()), qty, new BigDecimal("0.001"),
                            a.pick() % 3 == 0 ? BTC : Asset.USDT, false, clock.instant());
                    OrderUpdate report = update(o, o.venueOrderId(), full ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED,
                            ExecutionType.TRADE, cumulative, fill);
                    if (full) {
                        live.remove(index);
                    } else {
                        live.set(index, report);
                    }
                    sent.add(report);
                    handle(new Inbound.VenueIn(new VenueEvent.OrderUpdated(report)));
                }
                case DUPLICATE -> {
                    if (!sent.isEmpty()) {
                        handle(new Inbound.VenueIn(new VenueEvent.OrderUpdated(sent.get(a.pick() % sent.size()))));
                    }
                }
                case CANCEL -> {
                    if (live.isEmpty()) {
                        return;
                    }
                    OrderUpdate o = live.remove(a.pick() % live.size());
                    handle(new Inbound.CancelAnswered(o.clientOrderId(),
                            update(o, o.venueOrderId(), OrderStatus.CANCELED, ExecutionType.CANCELED, o.filledQuantity(), null), null));
                }
                case BALANCE -> handle(new Inbound.VenueIn(new VenueEvent.BalancesUpdated(Market.SPOT, List.of(
                        new Balance(Market.SPOT, Asset.USDT, BigDecimal.valueOf(1000 + a.pick()), BigDecimal.ZERO)),
                        clock.instant(), clock.instant())));
                case TICK -> handle(new Inbound.Tick());
                case HALT -> handle(new Inbound.CommandIn(new Command.EmergencyStop("random halt"), new CompletableFuture<>()));
                case RESUME -> handle(new Inbound.CommandIn(new Command.ResumeTrading("admin"), new CompletableFuture<>()));
            }
        }

        /** market orders (the emergency flatten) fill at 100 */
        private static BigDecimal priceOf(BigDecimal limit) {
            return limit == null ? BigDecimal.valueOf(100) : limit;
        }

        private OrderUpdate update(OrderRequest r, long venueId, OrderStatus status, ExecutionType type, BigDecimal filled, Fill fill) {
            return new OrderUpdate(r.market(), r.symbol(), venueId, r.clientOrderId(), r.side(), r.type(), r.timeInForce(),
                    status, type, r.quantity(), r.price(), null, filled, filled.multiply(priceOf(r.price())), fill, null, -1, false,
                    clock.instant(), clock.instant());
        }

        private OrderUpdate update(OrderUpdate o, long venueId, OrderStatus status, ExecutionType type, BigDecimal filled, Fill fill) {
            return new OrderUpdate(o.market(), o.symbol(), venueId, o.clientOrderId(), o.side(), o.type(), o.timeInForce(),
                    status, type, o.quantity(), o.price(), null, filled, filled.multiply(priceOf(o.price())), fill, null, -1, false,
                    clock.instant(), clock.instant());
        }
    }
}
