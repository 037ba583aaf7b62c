package io.tradeguard.core.learning;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.guard.GuardState;
import io.tradeguard.core.protection.PriceTrigger;
import io.tradeguard.core.safety.CircuitBreakerState;
import io.tradeguard.core.ledger.LedgerFill;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.ledger.PositionMath;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.ExecutionType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderInstructions;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.core.venue.OrderUpdate;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ManualTradeDetectorTest {

    private static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
    private static final Symbol ETHUSDT = Symbol.of("ETHUSDT");
    private static final Asset USDT = Asset.of("USDT");
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final ManualTradeDetector detector = new ManualTradeDetector();
    private final List<LearningRecord> produced = new ArrayList<>();
    private Position position;

    private static Order order(String id, Symbol symbol, Side side, OrderType type, BigDecimal stopPrice,
                               OrderOrigin origin, String reason) {
        OrderIntent intent = new OrderIntent(Market.SPOT, symbol, side, type,
                type == OrderType.MARKET ? null : TimeInForce.GTC, new BigDecimal("0.01"), null,
                type == OrderType.MARKET ? null : new BigDecimal("50000"), stopPrice, null, null, null, false, false,
                origin == OrderOrigin.EXTERNAL ? OrderOrigin.MANUAL : origin, reason, null);
        if (origin == OrderOrigin.EXTERNAL) {
            // found on the venue by reconciliation or the stream, as the engine adopts it
            return Order.adopted(new OrderUpdate(Market.SPOT, symbol, 900, ClientOrderId.of(id), side, type,
                    intent.timeInForce(), OrderStatus.NEW, ExecutionType.NEW, intent.quantity(), intent.price(),
                    stopPrice, BigDecimal.ZERO, BigDecimal.ZERO, null, null, -1, false, T0, T0),
                    OrderOrigin.EXTERNAL, T0);
        }
        return Order.pending(intent, ClientOrderId.of(id), T0);
    }

    /** Feeds an order's fill the way the engine journals it: the fill, then the position change it caused. */
    private void fill(Order order, String price, String fee, long tradeId, Instant at) {
        Fill fill = new Fill(tradeId, new BigDecimal(price), new BigDecimal("0.01"), new BigDecimal(fee), USDT, false, at);
        feed(new DomainEvent.OrderFilled(order, fill, at));
        String exitReason = order.reason().isEmpty() ? order.origin().name() : order.origin() + ": " + order.reason();
        LedgerFill lf = new LedgerFill(Market.SPOT, order.symbol(), Asset.of(order.symbol().value().replace("USDT", "")),
                USDT, order.side(), fill.quantity(), fill.price(), fill.commission(), tradeId, at, exitReason);
        PositionMath.Outcome o = PositionMath.apply(position, lf, 1);
        if (o.closed() != null) {
            feed(new DomainEvent.PositionClosed(Market.SPOT, order.symbol(), position, o.closed(), o.realized(), at));
        } else if (position == null) {
            feed(new DomainEvent.PositionOpened(o.after(), at));
        } else {
            feed(new DomainEvent.PositionUpdated(o.after(), o.realized(), at));
        }
        position = o.after();
    }

    private void feed(DomainEvent e) {
        produced.addAll(detector.accept(e));
    }

    @Test
    void a_position_closed_by_an_external_sell_yields_a_record_with_net_pnl_and_the_engines_exits() {
        // the signal's strategy and confidence travel with its order (journaled with OrderSubmitted)
        Order entry = Order.pending(OrderIntent.market(Market.SPOT, BTCUSDT, Side.BUY, new BigDecimal("0.01"), OrderOrigin.SIGNAL)
                .withReason("signal sig-1")
                .withInstructions(OrderInstructions.DEFAULTS.withSource("ma-cross", new BigDecimal("0.82"))), ClientOrderId.of("TGS1"), T0);
        fill(entry, "50000", "0.5", 1, T0);
        feed(new DomainEvent.OrderPlaced(order("TGP1", BTCUSDT, Side.SELL, OrderType.STOP_LOSS_LIMIT,
                new BigDecimal("49000"), OrderOrigin.PROTECTION, "stop-loss"), T0));
        feed(new DomainEvent.OrderPlaced(order("TGP2", BTCUSDT, Side.SELL, OrderType.TAKE_PROFIT_LIMIT,
                new BigDecimal("52500"), OrderOrigin.PROTECTION, "take-profit"), T0));
        assertThat(produced).isEmpty();

        Order external = order("web_abc", BTCUSDT, Side.SELL, OrderType.MARKET, null, OrderOrigin.EXTERNAL, "");
        feed(new DomainEvent.OrderAdopted(external, T0.plusSeconds(60)));
        fill(external, "51000", "0.51", 2, T0.plusSeconds(90));

        assertThat(produced).hasSize(1);
        LearningRecord r = produced.get(0);
        assertThat(r.manualClosure()).isTrue();
        assertThat(r.reason()).isEqualTo("MANUAL_INTERVENTION");
        assertThat(r.fullyClosed()).isTrue();
        assertThat(r.symbol()).isEqualTo(BTCUSDT);
        assertThat(r.externalOrderId()).isEqualTo("web_abc");
        assertThat(r.entryPrice()).isEqualByComparingTo("50000");
        assertThat(r.exitPrice()).isEqualByComparingTo("51000");
        assertThat(r.quantity()).isEqualByComparingTo("0.01");
        // (51000 - 50000) * 0.01 - 0.5 - 0.51
        assertThat(r.realizedPnl()).isEqualByComparingTo("8.99");
        assertThat(r.strategy()).isEqualTo("ma-cross");
        assertThat(r.confidence()).isEqualByComparingTo("0.82");
        assertThat(r.duration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(r.stopLoss()).isEqualByComparingTo("49000");
        assertThat(r.stopLossDistance()).isEqualByComparingTo(new BigDecimal("-2000").divide(new BigDecimal("51000"),
                new java.math.MathContext(16)));
        assertThat(r.takeProfit()).isEqualByComparingTo("52500");
        assertThat(detector.counters()).isEqualTo(new ManualTradeDetector.Counters(1, 1, 0));
        assertThat(detector.records()).containsExactly(r);
    }

    @Test
    void an_external_order_where_we_hold_nothing_is_unmatched_and_our_own_closes_are_not_records() {
        Order entry = order("TGM1", BTCUSDT, Side.BUY, OrderType.MARKET, null, OrderOrigin.MANUAL, "manual by alice");
        fill(entry, "50000", "0.5", 1, T0);
        Order ownExit = order("TGM2", BTCUSDT, Side.SELL, OrderType.MARKET, null, OrderOrigin.MANUAL, "manual by alice");
        fill(ownExit, "50500", "0.5", 2, T0.plusSeconds(5));
        assertThat(produced).isEmpty();

        position = null;
        Order elsewhere = order("ios_1", ETHUSDT, Side.BUY, OrderType.MARKET, null, OrderOrigin.EXTERNAL, "");
        fill(elsewhere, "3000", "0.03", 3, T0.plusSeconds(10));

        assertThat(produced).isEmpty();
        assertThat(detector.counters()).isEqualTo(new ManualTradeDetector.Counters(1, 0, 1));
    }

    @Test
    void a_liquidation_by_the_venue_is_not_a_manual_trade() {
        Order entry = order("TGM1", BTCUSDT, Side.BUY, OrderType.MARKET, null, OrderOrigin.MANUAL, "manual by alice");
        fill(entry, "50000", "0.5", 1, T0);
        Order liquidation = order("autoclose-1700000000000", BTCUSDT, Side.SELL, OrderType.MARKET, null,
                OrderOrigin.EXTERNAL, "");
        feed(new DomainEvent.OrderAdopted(liquidation, T0.plusSeconds(60)));
        fill(liquidation, "45000", "0.45", 2, T0.plusSeconds(61));

        assertThat(produced).isEmpty();
        assertThat(detector.counters()).isEqualTo(new ManualTradeDetector.Counters(0, 0, 0));
    }

    @Test
    void a_partial_external_reduce_is_a_record_that_leaves_the_position_open() {
        Order entry = order("TGM1", BTCUSDT, Side.BUY, OrderType.MARKET, null, OrderOrigin.MANUAL, "manual by alice");
        fill(entry, "50000", "0.5", 1, T0);
        fill(entry, "50000", "0.5", 2, T0); // 0.02 held
        Order external = order("web_x", BTCUSDT, Side.SELL, OrderType.MARKET, null, OrderOrigin.EXTERNAL, "");
        fill(external, "49000", "0.49", 3, T0.plusSeconds(30));

        assertThat(produced).hasSize(1);
        LearningRecord r = produced.get(0);
        assertThat(r.fullyClosed()).isFalse();
        assertThat(r.quantity()).isEqualByComparingTo("0.01");
        // (49000 - 50000) * 0.01 - half of the 1.0 entry fees - 0.49
        assertThat(r.realizedPnl()).isEqualByComparingTo("-10.99");
        assertThat(r.strategy()).isEqualTo("MANUAL: manual by alice");
        assertThat(r.confidence()).isNull();
        assertThat(r.stopLoss()).isNull();
        assertThat(detector.counters()).isEqualTo(new ManualTradeDetector.Counters(1, 1, 0));
    }

    @Test
    void the_engines_exits_at_the_time_come_from_the_guards_local_bracket_when_no_protective_order_works_on_the_venue() {
        Order entry = order("TGM1", BTCUSDT, Side.BUY, OrderType.MARKET, null, OrderOrigin.MANUAL, "manual by alice");
        fill(entry, "50000", "0.5", 1, T0);
        // the guards arm a local stop-loss / take-profit for the position and save their state in the journal
        String group = position.positionId();
        feed(new DomainEvent.GuardStateSaved(new GuardState(null, CircuitBreakerState.closed(), List.of(
                new PriceTrigger(group + ":sl", Market.SPOT, BTCUSDT, Side.SELL, new BigDecimal("0.01"),
                        PriceTrigger.Kind.STOP_LOSS, new BigDecimal("49000"), group),
                new PriceTrigger(group + ":tp", Market.SPOT, BTCUSDT, Side.SELL, new BigDecimal("0.01"),
                        PriceTrigger.Kind.TAKE_PROFIT, new BigDecimal("52500"), group)), List.of()), "armed", T0));

        Order external = order("web_abc", BTCUSDT, Side.SELL, OrderType.MARKET, null, OrderOrigin.EXTERNAL, "");
        fill(external, "50000", "0.5", 2, T0.plusSeconds(10));

        assertThat(produced).hasSize(1);
        LearningRecord r = produced.get(0);
        assertThat(r.stopLoss()).isEqualByComparingTo("49000");
        assertThat(r.stopLossDistance()).isEqualByComparingTo("-0.02");
        assertThat(r.takeProfit()).isEqualByComparingTo("52500");
        assertThat(r.takeProfitDistance()).isEqualByComparingTo("0.05");
        assertThat(r.strategy()).isEqualTo("MANUAL: manual by alice");
    }
}
