package io.tradeguard.app.guard;

import io.tradeguard.app.engine.SimFixture;
import io.tradeguard.core.engine.Command;
import io.tradeguard.core.engine.CommandResult;
import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.guard.NativeBracket;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.order.OcoLegIds;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderInstructions;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.risk.RiskConfig;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.sim.SimAccount;
import io.tradeguard.sim.engine.Liquidity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spot protection on the exchange: after the entry fills, the stop-loss and take-profit rest on the simulator as
 * one OCO list; the simulator works one leg and cancels the other, and the engine follows.
 */
class NativeProtectionTest {

    @TempDir
    Path dir;

    private static List<OrderUpdate> openOnExchange(GuardedEngine g) throws Exception {
        return g.venue.openOrders(GuardedEngine.BTCUSDT);
    }

    private static OrderUpdate leg(List<OrderUpdate> open, OrderType type) {
        return open.stream().filter(o -> o.type() == type).findFirst().orElseThrow(() -> new AssertionError("no " + type + " in " + open));
    }

    private static NativeBracket liveBracket(GuardedEngine g) {
        await().atMost(Duration.ofSeconds(10)).until(() -> g.guards.nativeBrackets().stream()
                .anyMatch(b -> b.stage() == NativeBracket.Stage.LIVE));
        return g.guards.nativeBrackets().stream().filter(b -> b.stage() == NativeBracket.Stage.LIVE).findFirst().orElseThrow();
    }

    private static Order order(GuardedEngine g, io.tradeguard.core.model.ClientOrderId id) {
        return g.events(DomainEvent.OrderSubmitted.class).stream().map(DomainEvent.OrderSubmitted::order)
                .filter(o -> o.clientOrderId().equals(id)).findFirst().orElseThrow();
    }

    private static OrderStatus statusOf(GuardedEngine g, io.tradeguard.core.model.ClientOrderId id) {
        OrderStatus[] last = {null};
        g.events.forEach(e -> {
            Order o = switch (e) {
                case DomainEvent.OrderPlaced p -> p.order();
                case DomainEvent.OrderFilled f -> f.order();
                case DomainEvent.OrderPartiallyFilled f -> f.order();
                case DomainEvent.OrderCancelled c -> c.order();
                case DomainEvent.OrderExpired x -> x.order();
                case DomainEvent.OrderRejected r -> r.order();
                default -> null;
            };
            if (o != null && o.clientOrderId().equals(id)) {
                last[0] = o.status();
            }
        });
        return last[0];
    }

    @Test
    void the_entry_gets_a_native_oco_and_whichever_leg_works_the_exchange_cancels_the_other_and_the_position_closes()
            throws Exception {
        try (GuardedEngine g = new GuardedEngine(dir, RiskConfig.defaults())) {
            // given a long entered at ~50000
            g.priceSeen("50000");
            Position entry = g.enterLong("0.01", "50100");
            BigDecimal avg = entry.entryPrice();
            BigDecimal sl = avg.multiply(new BigDecimal("0.98")).setScale(2, RoundingMode.CEILING);
            BigDecimal tp = avg.multiply(new BigDecimal("1.05")).setScale(2, RoundingMode.FLOOR);

            // then an OCO rests on the exchange: TAKE_PROFIT above, STOP_LOSS below, for the whole holding
            NativeBracket bracket = liveBracket(g);
            List<OrderUpdate> open = openOnExchange(g);
            assertThat(open).hasSize(2);
            OrderUpdate tpLeg = leg(open, OrderType.TAKE_PROFIT);
            OrderUpdate slLeg = leg(open, OrderType.STOP_LOSS);
            assertThat(tpLeg.orderListId()).isNotNegative().isEqualTo(slLeg.orderListId());
            assertThat(tpLeg.stopPrice()).isEqualByComparingTo(tp);
            assertThat(slLeg.stopPrice()).isEqualByComparingTo(sl);
            assertThat(tpLeg.side()).isEqualTo(Side.SELL);
            assertThat(tpLeg.quantity()).isEqualByComparingTo(entry.size()).isEqualByComparingTo("0.00999");
            assertThat(tpLeg.clientOrderId()).isEqualTo(OcoLegIds.takeProfit(bracket.listClientOrderId()));
            // and both legs were journaled before the list went out, as orders of origin PROTECTION
            assertThat(order(g, tpLeg.clientOrderId()).origin()).isEqualTo(OrderOrigin.PROTECTION);
            assertThat(order(g, slLeg.clientOrderId()).reason()).isEqualTo("stop loss");
            // and no local trigger doubles them
            assertThat(g.guards.activeTriggers()).isEmpty();

            // when the price rises through the take-profit
            g.price(tp.add(new BigDecimal("10")).toPlainString());
            // then the take-profit leg sells the holding, the exchange cancels the stop-loss leg, the position closes
            await().atMost(Duration.ofSeconds(10)).until(() -> g.events(DomainEvent.PositionClosed.class).size() == 1);
            assertThat(g.position()).isEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(g, slLeg.clientOrderId()) != null
                    && statusOf(g, slLeg.clientOrderId()).isTerminal());
            assertThat(statusOf(g, tpLeg.clientOrderId())).isEqualTo(OrderStatus.FILLED);
            assertThat(statusOf(g, slLeg.clientOrderId())).isIn(OrderStatus.EXPIRED, OrderStatus.CANCELED);
            DomainEvent.PositionClosed closed = g.events(DomainEvent.PositionClosed.class).getLast();
            assertThat(closed.trade().exitReason()).contains("take profit");
            assertThat(closed.trade().realizedPnl()).isPositive();
            assertThat(openOnExchange(g)).isEmpty();
            await().atMost(Duration.ofSeconds(5)).until(() -> g.guards.nativeBrackets().isEmpty());
            assertThat(SimFixture.total(g.venue, "BTC")).isEqualByComparingTo("0");

            // given a second long, now at the higher price
            Position second = g.enterLong("0.01", tp.add(new BigDecimal("200")).toPlainString());
            NativeBracket again = liveBracket(g);
            assertThat(again.listClientOrderId()).isNotEqualTo(bracket.listClientOrderId());
            BigDecimal sl2 = second.entryPrice().multiply(new BigDecimal("0.98")).setScale(2, RoundingMode.CEILING);
            OrderUpdate slLeg2 = leg(openOnExchange(g), OrderType.STOP_LOSS);
            OrderUpdate tpLeg2 = leg(openOnExchange(g), OrderType.TAKE_PROFIT);
            assertThat(slLeg2.stopPrice()).isEqualByComparingTo(sl2);
            // when the price falls through the stop-loss
            g.price(sl2.subtract(new BigDecimal("10")).toPlainString());
            // then the stop-loss leg sells, the take-profit leg is cancelled by the exchange, the position closes
            await().atMost(Duration.ofSeconds(10)).until(() -> g.events(DomainEvent.PositionClosed.class).size() == 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(g, tpLeg2.clientOrderId()) != null
                    && statusOf(g, tpLeg2.clientOrderId()).isTerminal());
            assertThat(statusOf(g, slLeg2.clientOrderId())).isEqualTo(OrderStatus.FILLED);
            assertThat(g.events(DomainEvent.PositionClosed.class).getLast().trade().exitReason()).contains("stop loss");
            assertThat(openOnExchange(g)).isEmpty();
        }
    }

    @Test
    void an_orders_own_prices_are_used_protect_false_places_none_and_a_close_by_hand_cancels_the_oco_first() throws Exception {
        try (GuardedEngine g = new GuardedEngine(dir, RiskConfig.defaults())) {
            g.priceSeen("50000");
            // given an entry that asks for its own stop-loss and take-profit
            OrderIntent own = OrderIntent.limit(Market.SPOT, GuardedEngine.BTCUSDT, Side.BUY, new BigDecimal("0.01"),
                    new BigDecimal("50100"), OrderOrigin.MANUAL)
                    .withInstructions(new OrderInstructions(null, true, new BigDecimal("48000"), new BigDecimal("55000.5"), null, null, null));
            assertThat(g.submit(new Command.PlaceOrder(own))).isInstanceOf(CommandResult.Accepted.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> g.position().isPresent());
            // then the OCO carries exactly those prices
            liveBracket(g);
            List<OrderUpdate> open = openOnExchange(g);
            assertThat(leg(open, OrderType.STOP_LOSS).stopPrice()).isEqualByComparingTo("48000");
            assertThat(leg(open, OrderType.TAKE_PROFIT).stopPrice()).isEqualByComparingTo("55000.5");

            // when the position is closed by hand, although the OCO locks every coin of it
            CommandResult close = g.submit(new Command.ClosePosition(Market.SPOT, GuardedEngine.BTCUSDT, OrderOrigin.MANUAL, "by hand"));
            assertThat(close).isInstanceOf(CommandResult.Accepted.class);
            // then the OCO is cancelled first and the holding sold whole
            await().atMost(Duration.ofSeconds(10)).until(() -> !g.events(DomainEvent.PositionClosed.class).isEmpty());
            assertThat(g.position()).isEmpty();
            assertThat(openOnExchange(g)).isEmpty();
            assertThat(g.events(DomainEvent.PositionClosed.class).getLast().trade().exitReason()).contains("by hand");
            await().atMost(Duration.ofSeconds(5)).until(() -> SimFixture.total(g.venue, "BTC").signum() == 0);
            await().atMost(Duration.ofSeconds(5)).until(() -> g.guards.nativeBrackets().isEmpty());
            // and nothing fell back to a local bracket
            assertThat(g.guards.activeTriggers()).isEmpty();

            // given an entry that asks for no protection
            long legsBefore = g.events(DomainEvent.OrderSubmitted.class).stream()
                    .filter(s -> OcoLegIds.isLeg(s.order().clientOrderId())).count();
            OrderIntent bare = OrderIntent.limit(Market.SPOT, GuardedEngine.BTCUSDT, Side.BUY, new BigDecimal("0.01"),
                    new BigDecimal("50100"), OrderOrigin.MANUAL)
                    .withInstructions(OrderInstructions.DEFAULTS.withProtection(false, null, null, null));
            assertThat(g.submit(new Command.PlaceOrder(bare))).isInstanceOf(CommandResult.Accepted.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> g.events(DomainEvent.PositionOpened.class).size() == 2);
            // then no protection is placed: (the guards have seen the opening, so a reconciliation asked now is
            // handled after any command they sent about it)
            int reconciled = g.events(DomainEvent.ReconciliationCompleted.class).size();
            assertThat(g.submit(new Command.Reconcile())).isInstanceOf(CommandResult.Accepted.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> g.events(DomainEvent.ReconciliationCompleted.class).size() > reconciled);
            assertThat(openOnExchange(g)).isEmpty();
            // (unprotected, the whole position counts as at risk: the daily-loss rule now refuses a further entry)
            assertThat(g.events(DomainEvent.OrderSubmitted.class).stream()
                    .filter(s -> OcoLegIds.isLeg(s.order().clientOrderId())).count()).isEqualTo(legsBefore);
            assertThat(g.guards.nativeBrackets()).isEmpty();
            assertThat(g.guards.activeTriggers()).isEmpty();
        }
    }

    @Test
    void a_restarted_engine_knows_the_legs_and_closes_the_position_when_one_works() throws Exception {
        try (GuardedEngine g = new GuardedEngine(dir, RiskConfig.defaults())) {
            g.priceSeen("50000");
            Position entry = g.enterLong("0.01", "50100");
            NativeBracket bracket = liveBracket(g);

            // when the engine restarts on the same journal
            g.restartEngine();

            // then the new guards know the bracket, and the new engine both legs as open orders
            assertThat(g.guards.nativeBrackets()).singleElement()
                    .satisfies(b -> assertThat(b.listClientOrderId()).isEqualTo(bracket.listClientOrderId()));
            List<io.tradeguard.core.model.ClientOrderId> legs = List.of(OcoLegIds.takeProfit(bracket.listClientOrderId()),
                    OcoLegIds.stopLoss(bracket.listClientOrderId()));
            assertThat(g.snapshot().orders()).filteredOn(o -> legs.contains(o.clientOrderId()))
                    .hasSize(2).allSatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.NEW));
            assertThat(g.position()).isPresent();

            // when the take-profit works after the restart
            g.priceSeen("50000");
            g.price(bracket.takeProfit().add(new BigDecimal("10")).toPlainString());
            // then the restarted engine closes the position with the exit reason of the leg
            await().atMost(Duration.ofSeconds(10)).until(() -> !g.events(DomainEvent.PositionClosed.class).isEmpty());
            assertThat(g.position()).isEmpty();
            assertThat(g.events(DomainEvent.PositionClosed.class).getLast().trade().exitReason()).contains("take profit");
            assertThat(g.events(DomainEvent.PositionClosed.class).getLast().trade().quantity()).isEqualByComparingTo(entry.size());
            await().atMost(Duration.ofSeconds(10)).until(() -> g.snapshot().orders().stream()
                    .noneMatch(o -> legs.contains(o.clientOrderId())));
        }
    }

    @Test
    void a_partial_entry_fill_is_protected_at_once_and_the_oco_is_replaced_for_the_full_size_when_the_rest_fills()
            throws Exception {
        // a market without the simulator's own depth: the only sellers are another account's orders
        try (GuardedEngine g = new GuardedEngine(dir, RiskConfig.defaults(), true, Liquidity.none())) {
            SimAccount seller = g.sim.createAccount(Map.of("BTC", new BigDecimal("1")));
            g.priceSeen("50000");
            g.externalOrder(seller, "{\"market\":\"spot\",\"symbol\":\"BTCUSDT\",\"side\":\"SELL\",\"type\":\"LIMIT\","
                    + "\"time_in_force\":\"GTC\",\"quantity\":\"0.004\",\"price\":\"50000\"}");
            // given a buy of 0.01 that finds only 0.004 for sale
            assertThat(g.buyLimit("0.01", "50000")).isInstanceOf(CommandResult.Accepted.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> g.position().isPresent());
            // then the part that filled (0.004 less the BTC commission) is protected by an OCO
            NativeBracket first = liveBracket(g);
            assertThat(first.quantity()).isEqualByComparingTo("0.00399");
            assertThat(openOnExchange(g)).filteredOn(o -> OcoLegIds.isLeg(o.clientOrderId())).hasSize(2)
                    .allSatisfy(o -> assertThat(o.quantity()).isEqualByComparingTo("0.00399"));

            // when the rest of the entry fills
            g.externalOrder(seller, "{\"market\":\"spot\",\"symbol\":\"BTCUSDT\",\"side\":\"SELL\",\"type\":\"LIMIT\","
                    + "\"time_in_force\":\"GTC\",\"quantity\":\"0.006\",\"price\":\"50000\"}");
            // then the OCO is replaced by one for the whole holding
            await().atMost(Duration.ofSeconds(15)).until(() -> g.guards.nativeBrackets().stream()
                    .anyMatch(b -> b.stage() == NativeBracket.Stage.LIVE && b.quantity().compareTo(new BigDecimal("0.00999")) == 0));
            await().atMost(Duration.ofSeconds(5)).until(() -> openOnExchange(g).stream().filter(o -> OcoLegIds.isLeg(o.clientOrderId()))
                    .allMatch(o -> o.quantity().compareTo(new BigDecimal("0.00999")) == 0));
            assertThat(openOnExchange(g)).filteredOn(o -> OcoLegIds.isLeg(o.clientOrderId())).hasSize(2);
            // and the first list was cancelled (both legs), the gap covered by the local bracket, which is gone again
            assertThat(statusOf(g, OcoLegIds.takeProfit(first.listClientOrderId()))).isEqualTo(OrderStatus.CANCELED);
            assertThat(statusOf(g, OcoLegIds.stopLoss(first.listClientOrderId()))).isIn(OrderStatus.CANCELED, OrderStatus.EXPIRED);
            assertThat(g.events(DomainEvent.GuardStateSaved.class)).anyMatch(s -> s.why().contains("a local bracket covers the gap"));
            await().atMost(Duration.ofSeconds(5)).until(() -> g.guards.activeTriggers().isEmpty());
        }
    }

    @Test
    void a_trailing_stop_asked_by_the_order_rests_on_the_exchange_follows_the_rise_and_sells_on_the_pullback() throws Exception {
        try (GuardedEngine g = new GuardedEngine(dir, RiskConfig.defaults())) {
            g.priceSeen("50000");
            // given an entry that asks for a 1 % trailing stop instead of the fixed stop-loss
            OrderIntent trailing = OrderIntent.limit(Market.SPOT, GuardedEngine.BTCUSDT, Side.BUY, new BigDecimal("0.01"),
                    new BigDecimal("50100"), OrderOrigin.MANUAL)
                    .withInstructions(new OrderInstructions(null, true, null, new BigDecimal("60000"), new BigDecimal("0.01"), null, null));
            assertThat(g.submit(new Command.PlaceOrder(trailing))).isInstanceOf(CommandResult.Accepted.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> g.position().isPresent());
            // then the OCO's stop-loss leg is the exchange's trailing stop (100 BIPS), the take-profit the order's own
            NativeBracket bracket = liveBracket(g);
            assertThat(bracket.trailingDeltaBips()).isEqualTo(100);
            assertThat(bracket.stopLoss()).isNull();
            List<OrderUpdate> open = openOnExchange(g);
            assertThat(leg(open, OrderType.STOP_LOSS).clientOrderId()).isEqualTo(OcoLegIds.stopLoss(bracket.listClientOrderId()));
            assertThat(leg(open, OrderType.TAKE_PROFIT).stopPrice()).isEqualByComparingTo("60000");
            assertThat(g.guards.activeTriggers()).isEmpty();

            // when the price rises to 53000 and pulls back less than 1 %: nothing happens
            for (String p : List.of("50500", "51000", "52000", "53000", "52600")) {
                g.priceSeen(p);
            }
            assertThat(g.position()).isPresent();
            // when it pulls back past 1 % of the high (53000 × 0.99 = 52470)
            g.price("52400");
            // then the exchange's trailing stop sells the holding, and the engine closes the position
            await().atMost(Duration.ofSeconds(10)).until(() -> !g.events(DomainEvent.PositionClosed.class).isEmpty());
            DomainEvent.PositionClosed closed = g.events(DomainEvent.PositionClosed.class).getLast();
            assertThat(closed.trade().exitReason()).contains("trailing stop");
            assertThat(closed.trade().exitPrice()).isBetween(new BigDecimal("52400").multiply(new BigDecimal("0.995")), new BigDecimal("52470"));
            await().atMost(Duration.ofSeconds(10)).until(() -> openOnExchange(g).isEmpty());
        }
    }

    @Test
    void an_emergency_stop_cancels_the_oco_and_flattens_the_holding_it_locked() throws Exception {
        try (GuardedEngine g = new GuardedEngine(dir, RiskConfig.defaults())) {
            g.priceSeen("50000");
            g.enterLong("0.01", "50100");
            liveBracket(g);
            assertThat(openOnExchange(g)).hasSize(2);

            // when the emergency stop is pressed while the OCO locks every coin of the position
            assertThat(g.submit(new Command.EmergencyStop("test: flatten everything"))).isInstanceOf(CommandResult.Accepted.class);

            // then the OCO is cancelled, the holding sold whole, and trading halted
            await().atMost(Duration.ofSeconds(15)).until(() -> g.position().isEmpty() && openOnExchange(g).isEmpty());
            await().atMost(Duration.ofSeconds(5)).until(() -> SimFixture.total(g.venue, "BTC").signum() == 0);
            assertThat(g.snapshot().halted()).isTrue();
            assertThat(g.guards.nativeBrackets()).isEmpty();
            assertThat(g.guards.activeTriggers()).isEmpty();
        }
    }
}
