package io.tradeguard.app.futures;

import io.tradeguard.core.engine.Command;
import io.tradeguard.core.engine.CommandResult;
import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.guard.NativeBracket;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.model.MarginType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.order.OrderInstructions;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.risk.RiskConfig;
import io.tradeguard.core.venue.FuturesAccountEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.tradeguard.app.futures.SpotAndFuturesEngine.BTCUSDT;
import static io.tradeguard.app.futures.SpotAndFuturesEngine.ETHUSDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Native protection of USD-M futures positions against the real simulator: a reduce-only STOP_MARKET and
 * TAKE_PROFIT_MARKET algo order after every entry fill, the other cancelled by the engine when one works.
 */
class NativeFuturesProtectionTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** The simulator's open algo orders of the symbol, by type. */
    private static Map<OrderType, FuturesAccountEvent.AlgoOrder> algos(SpotAndFuturesEngine t, io.tradeguard.core.model.Symbol symbol) {
        try {
            return t.futures.openAlgoOrders(symbol).stream()
                    .collect(Collectors.toMap(FuturesAccountEvent.AlgoOrder::type, Function.identity()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitLive(SpotAndFuturesEngine t) {
        try {
            awaitLive0(t);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not live: " + t.guards.nativeBrackets() + "\n" + t.events.stream().map(Object::toString)
                    .collect(Collectors.joining("\n")), e);
        }
    }

    private static void awaitLive0(SpotAndFuturesEngine t) {
        await().atMost(WAIT).until(() -> !t.guards.nativeBrackets().isEmpty()
                && t.guards.nativeBrackets().stream().allMatch(b -> b.stage() == NativeBracket.Stage.LIVE));
    }

    private static BigDecimal tick(BigDecimal price) {
        return price.setScale(1, RoundingMode.HALF_UP);
    }

    @Test
    void a_long_at_10x_gets_reduce_only_stop_and_take_profit_algo_orders_and_the_take_profit_cancels_the_stop(@TempDir Path dir)
            throws Exception {
        try (SpotAndFuturesEngine t = new SpotAndFuturesEngine(dir, RiskConfig.defaults(), MarginType.ISOLATED)) {
            Position entered = t.enterFutures(BTCUSDT, Side.BUY, "0.01", "50100");
            assertThat(entered.leverage()).isEqualTo(10);
            awaitLive(t);
            await().atMost(WAIT).until(() -> algos(t, BTCUSDT).size() == 2);
            Map<OrderType, FuturesAccountEvent.AlgoOrder> open = algos(t, BTCUSDT);
            FuturesAccountEvent.AlgoOrder stop = open.get(OrderType.STOP_MARKET);
            FuturesAccountEvent.AlgoOrder target = open.get(OrderType.TAKE_PROFIT_MARKET);
            // defaults: 2 % under and 5 % over the entry, on the tick
            BigDecimal entry = entered.entryPrice();
            assertThat(stop.triggerPrice()).isEqualByComparingTo(tick(entry.multiply(new BigDecimal("0.98"))));
            assertThat(target.triggerPrice()).isEqualByComparingTo(tick(entry.multiply(new BigDecimal("1.05"))));
            for (FuturesAccountEvent.AlgoOrder a : List.of(stop, target)) {
                assertThat(a.side()).isEqualTo(Side.SELL);
                assertThat(a.reduceOnly()).isTrue();
                assertThat(a.closePosition()).isFalse();
                assertThat(a.quantity()).isEqualByComparingTo("0.01");
            }
            // journaled before sent, as orders of origin PROTECTION
            assertThat(t.events(DomainEvent.OrderSubmitted.class)).filteredOn(e -> e.order().origin() == OrderOrigin.PROTECTION)
                    .extracting(e -> e.order().clientOrderId()).contains(stop.clientAlgoId(), target.clientAlgoId());
            // the local bracket that covered the gap is gone
            assertThat(t.guards.activeTriggers()).isEmpty();

            t.futuresMark(BTCUSDT, target.triggerPrice().add(new BigDecimal("100")).toPlainString());
            DomainEvent.PositionClosed closed = t.awaitClosed(Market.FUTURES, BTCUSDT, WAIT);
            assertThat(closed.trade().exitReason()).containsIgnoringCase("take profit");
            assertThat(closed.trade().realizedPnl()).isPositive();
            await().atMost(WAIT).until(() -> algos(t, BTCUSDT).isEmpty());
            assertThat(t.futures.algoOrder(stop.clientAlgoId()).orElseThrow().status().name()).isEqualTo("CANCELED");
            assertThat(t.futures.position(BTCUSDT).isFlat()).isTrue();
            assertThat(t.guards.nativeBrackets()).isEmpty();
        }
    }

    @Test
    void a_short_closes_on_its_native_stop_loss_and_the_take_profit_is_cancelled(@TempDir Path dir) throws Exception {
        try (SpotAndFuturesEngine t = new SpotAndFuturesEngine(dir, RiskConfig.defaults(), MarginType.CROSSED)) {
            Position entered = t.enterFutures(ETHUSDT, Side.SELL, "0.1", "2990");
            awaitLive(t);
            await().atMost(WAIT).until(() -> algos(t, ETHUSDT).size() == 2);
            FuturesAccountEvent.AlgoOrder stop = algos(t, ETHUSDT).get(OrderType.STOP_MARKET);
            FuturesAccountEvent.AlgoOrder target = algos(t, ETHUSDT).get(OrderType.TAKE_PROFIT_MARKET);
            assertThat(stop.side()).isEqualTo(Side.BUY);
            assertThat(stop.triggerPrice()).isGreaterThan(entered.entryPrice());
            assertThat(target.triggerPrice()).isLessThan(entered.entryPrice());

            t.futuresMark(ETHUSDT, stop.triggerPrice().add(new BigDecimal("5")).toPlainString());
            DomainEvent.PositionClosed closed = t.awaitClosed(Market.FUTURES, ETHUSDT, WAIT);
            assertThat(closed.trade().exitReason()).containsIgnoringCase("stop loss");
            assertThat(closed.trade().realizedPnl()).isNegative();
            await().atMost(WAIT).until(() -> algos(t, ETHUSDT).isEmpty());
            assertThat(t.futures.algoOrder(target.clientAlgoId()).orElseThrow().status().name()).isEqualTo("CANCELED");
        }
    }

    @Test
    void protect_false_places_none(@TempDir Path dir) throws Exception {
        try (SpotAndFuturesEngine t = new SpotAndFuturesEngine(dir, RiskConfig.defaults(), MarginType.CROSSED)) {
            OrderIntent intent = OrderIntent.limit(Market.FUTURES, BTCUSDT, Side.BUY, new BigDecimal("0.01"),
                    new BigDecimal("50100"), OrderOrigin.MANUAL).withInstructions(OrderInstructions.DEFAULTS.withProtection(false, null, null, null));
            assertThat(t.submit(new Command.PlaceOrder(intent))).isInstanceOf(CommandResult.Accepted.class);
            await().atMost(WAIT).until(() -> t.position(Market.FUTURES, BTCUSDT).isPresent());
            // a later entry on another symbol is protected: once it is, the first one's absence is not a delay
            t.enterFutures(ETHUSDT, Side.BUY, "0.1", "3010");
            awaitLive(t);
            assertThat(algos(t, BTCUSDT)).isEmpty();
            assertThat(algos(t, ETHUSDT)).hasSize(2);
            assertThat(t.guards.nativeBrackets()).extracting(NativeBracket::symbol).containsExactly(ETHUSDT);
            assertThat(t.guards.activeTriggers()).noneMatch(tr -> tr.symbol().equals(BTCUSDT));
        }
    }

    @Test
    void a_restart_on_the_same_journal_knows_the_legs_and_still_cancels_the_sibling(@TempDir Path dir) throws Exception {
        try (SpotAndFuturesEngine t = new SpotAndFuturesEngine(dir, RiskConfig.defaults(), MarginType.ISOLATED)) {
            t.enterFutures(BTCUSDT, Side.BUY, "0.01", "50100");
            awaitLive(t);
            List<NativeBracket> before = t.guards.nativeBrackets();
            t.stopEngine();
            t.start();
            await().atMost(WAIT).until(() -> t.guards.nativeBrackets().equals(before));
            FuturesAccountEvent.AlgoOrder stop = algos(t, BTCUSDT).get(OrderType.STOP_MARKET);
            assertThat(stop.clientAlgoId()).isEqualTo(before.get(0).stopLossLeg());
            t.futuresMark(BTCUSDT, before.get(0).takeProfit().add(new BigDecimal("100")).toPlainString());
            assertThat(t.awaitClosed(Market.FUTURES, BTCUSDT, WAIT).trade().exitReason()).containsIgnoringCase("take profit");
            await().atMost(WAIT).until(() -> algos(t, BTCUSDT).isEmpty());
        }
    }

    @Test
    void a_further_entry_fill_resizes_both_legs(@TempDir Path dir) throws Exception {
        try (SpotAndFuturesEngine t = new SpotAndFuturesEngine(dir, RiskConfig.defaults(), MarginType.CROSSED)) {
            t.enterFutures(BTCUSDT, Side.BUY, "0.01", "50100");
            awaitLive(t);
            NativeBracket first = t.guards.nativeBrackets().get(0);
            assertThat(t.futuresLimit(BTCUSDT, Side.BUY, "0.01", "50100", null)).isInstanceOf(CommandResult.Accepted.class);
            await().atMost(WAIT).until(() -> t.guards.nativeBrackets().size() == 1
                    && t.guards.nativeBrackets().get(0).stage() == NativeBracket.Stage.LIVE
                    && t.guards.nativeBrackets().get(0).quantity().compareTo(new BigDecimal("0.02")) == 0);
            await().atMost(WAIT).until(() -> algos(t, BTCUSDT).size() == 2
                    && algos(t, BTCUSDT).values().stream().allMatch(a -> a.quantity().compareTo(new BigDecimal("0.02")) == 0));
            // the old pair is gone on the exchange, the local bracket that covered the gap too
            assertThat(t.futures.algoOrder(first.stopLossLeg()).orElseThrow().status().name()).isEqualTo("CANCELED");
            assertThat(t.futures.algoOrder(first.takeProfitLeg()).orElseThrow().status().name()).isEqualTo("CANCELED");
            assertThat(t.guards.activeTriggers()).isEmpty();
        }
    }

    @Test
    void a_trailing_stop_goes_as_trailing_stop_market_with_the_callback_rate_in_percent(@TempDir Path dir) throws Exception {
        try (SpotAndFuturesEngine t = new SpotAndFuturesEngine(dir, RiskConfig.defaults(), MarginType.CROSSED)) {
            OrderIntent intent = OrderIntent.limit(Market.FUTURES, BTCUSDT, Side.BUY, new BigDecimal("0.01"),
                    new BigDecimal("50100"), OrderOrigin.MANUAL)
                    .withInstructions(OrderInstructions.DEFAULTS.withProtection(true, null, null, new BigDecimal("0.015")));
            assertThat(t.submit(new Command.PlaceOrder(intent))).isInstanceOf(CommandResult.Accepted.class);
            awaitLive(t);
            await().atMost(WAIT).until(() -> algos(t, BTCUSDT).size() == 2);
            DomainEvent.OrderSubmitted trailing = t.events(DomainEvent.OrderSubmitted.class).stream()
                    .filter(e -> e.request().type() == OrderType.TRAILING_STOP_MARKET).findFirst().orElseThrow();
            assertThat(trailing.request().callbackRate()).isEqualByComparingTo("1.5");
            assertThat(trailing.request().reduceOnly()).isTrue();
            assertThat(algos(t, BTCUSDT)).containsOnlyKeys(OrderType.TRAILING_STOP_MARKET, OrderType.TAKE_PROFIT_MARKET);
        }
    }

    @Test
    void a_trailing_stop_outside_binances_callback_bounds_stays_local_and_says_so(@TempDir Path dir) throws Exception {
        try (SpotAndFuturesEngine t = new SpotAndFuturesEngine(dir, RiskConfig.defaults(), MarginType.CROSSED)) {
            OrderIntent intent = OrderIntent.limit(Market.FUTURES, BTCUSDT, Side.BUY, new BigDecimal("0.01"),
                    new BigDecimal("50100"), OrderOrigin.MANUAL)
                    .withInstructions(OrderInstructions.DEFAULTS.withProtection(true, null, null, new BigDecimal("0.2")));
            assertThat(t.submit(new Command.PlaceOrder(intent))).isInstanceOf(CommandResult.Accepted.class);
            await().atMost(WAIT).until(() -> t.events(DomainEvent.GuardStateSaved.class).stream()
                    .anyMatch(e -> e.why().contains("outside Binance's callbackRate bounds")));
            assertThat(t.guards.activeTriggers()).anyMatch(tr -> tr.symbol().equals(BTCUSDT));
            assertThat(t.guards.nativeBrackets()).isEmpty();
            assertThat(algos(t, BTCUSDT)).isEmpty();
        }
    }

    @Test
    void a_position_closed_by_hand_takes_both_legs_with_it(@TempDir Path dir) throws Exception {
        try (SpotAndFuturesEngine t = new SpotAndFuturesEngine(dir, RiskConfig.defaults(), MarginType.CROSSED)) {
            t.enterFutures(BTCUSDT, Side.BUY, "0.01", "50100");
            awaitLive(t);
            await().atMost(WAIT).until(() -> algos(t, BTCUSDT).size() == 2);
            assertThat(t.submit(new Command.ClosePosition(Market.FUTURES, BTCUSDT, OrderOrigin.MANUAL, "by hand")))
                    .isInstanceOf(CommandResult.Accepted.class);
            t.awaitClosed(Market.FUTURES, BTCUSDT, WAIT);
            await().atMost(WAIT).until(() -> algos(t, BTCUSDT).isEmpty());
            assertThat(t.guards.nativeBrackets()).isEmpty();
            assertThat(t.futures.position(BTCUSDT).isFlat()).isTrue();
        }
    }

    @Test
    void a_jump_through_the_stop_and_the_liquidation_price_exits_on_the_native_stop_and_leaves_no_leg(@TempDir Path dir)
            throws Exception {
        try (SpotAndFuturesEngine t = new SpotAndFuturesEngine(dir, RiskConfig.defaults(), MarginType.ISOLATED)) {
            t.enterFutures(BTCUSDT, Side.BUY, "0.01", "50100");
            awaitLive(t);
            await().atMost(WAIT).until(() -> algos(t, BTCUSDT).size() == 2);
            // one jump far below the isolated 10x liquidation price (about 45,300)
            t.control("/sim/v1/price", "{\"market\":\"futures\",\"symbol\":\"BTCUSDT\",\"price\":\"44000\",\"mark_price\":\"44000\"}");
            // the stop rests on the exchange and works on the mark crossing it, before the liquidation engine
            assertThat(t.awaitClosed(Market.FUTURES, BTCUSDT, WAIT).trade().exitReason()).containsIgnoringCase("stop loss");
            await().atMost(WAIT).until(() -> algos(t, BTCUSDT).isEmpty());
            assertThat(t.guards.nativeBrackets()).isEmpty();
            assertThat(t.futures.position(BTCUSDT).isFlat()).isTrue();
        }
    }
}
