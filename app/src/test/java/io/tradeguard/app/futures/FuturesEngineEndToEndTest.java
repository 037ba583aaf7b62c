package io.tradeguard.app.futures;

import io.tradeguard.core.engine.Command;
import io.tradeguard.core.engine.CommandResult;
import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.ledger.ClosedTrade;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.ledger.PositionSide;
import io.tradeguard.core.model.MarginType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.order.OrderInstructions;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.risk.Limit;
import io.tradeguard.core.risk.RiskConfig;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.venue.FuturesPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.tradeguard.app.futures.SpotAndFuturesEngine.BTCUSDT;
import static io.tradeguard.app.futures.SpotAndFuturesEngine.ETHUSDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * USD-M futures in the engine, end to end: the real simulator on loopback, the real clients, one engine trading
 * spot and futures with one SQLite journal, the guards as the service wires them.
 */
class FuturesEngineEndToEndTest {

    /** The defaults, with room for the test's sizes (0.01 BTC at 50,000 is 500 USDT, inside the 1,000 USDT cap). */
    private static RiskConfig risk() {
        return RiskConfig.defaults();
    }

    @Test
    void long_and_short_at_10x_show_unrealized_pnl_and_the_venues_liquidation_price(@TempDir Path dir) throws Exception {
        try (SpotAndFuturesEngine t = new SpotAndFuturesEngine(dir, risk(), MarginType.ISOLATED)) {
            Position longBtc = t.enterFutures(BTCUSDT, Side.BUY, "0.01", "50100");
            Position shortEth = t.enterFutures(ETHUSDT, Side.SELL, "0.1", "2990");
            assertThat(longBtc.leverage()).isEqualTo(10);
            assertThat(longBtc.side()).isEqualTo(PositionSide.LONG);
            assertThat(shortEth.leverage()).isEqualTo(10);
            assertThat(shortEth.side()).isEqualTo(PositionSide.SHORT);
            // the venue was told: 10x isolated, before the first order
            FuturesPosition venueBtc = t.futures.position(BTCUSDT);
            assertThat(venueBtc.leverage()).isEqualTo(10);
            assertThat(venueBtc.marginType()).isEqualTo(MarginType.ISOLATED);

            t.futuresMark(BTCUSDT, "51000");
            t.futuresMark(ETHUSDT, "2900");
            TradingSnapshot s = t.snapshot();
            Position btc = s.position(Market.FUTURES, BTCUSDT).orElseThrow();
            Position eth = s.position(Market.FUTURES, ETHUSDT).orElseThrow();
            // the ledger's unrealized P&L is the price move minus the entry fee the wallet already paid
            BigDecimal btcMove = new BigDecimal("51000").subtract(btc.entryPrice()).multiply(new BigDecimal("0.01"));
            assertThat(btc.unrealizedPnl(new BigDecimal("51000"))).isEqualByComparingTo(btcMove.subtract(btc.openFees()));
            BigDecimal ethMove = eth.entryPrice().subtract(new BigDecimal("2900")).multiply(new BigDecimal("0.1"));
            assertThat(eth.unrealizedPnl(new BigDecimal("2900"))).isEqualByComparingTo(ethMove.subtract(eth.openFees()));
            assertThat(ethMove).isPositive();
            // the venue computes the same move
            FuturesPosition riskBtc = t.futures.position(BTCUSDT);
            assertThat(riskBtc.unrealizedPnl()).isEqualByComparingTo(btcMove);

            // isolated 10x: liquidation about 10 % below a long's entry and above a short's (maintenance margin and
            // fees take a little of it); the engine shows the venue's figure with the position
            FuturesPosition shownBtc = s.futuresPosition(BTCUSDT).orElseThrow();
            FuturesPosition shownEth = s.futuresPosition(ETHUSDT).orElseThrow();
            assertThat(shownBtc.liquidationPrice()).isBetween(btc.entryPrice().multiply(new BigDecimal("0.89")),
                    btc.entryPrice().multiply(new BigDecimal("0.92")));
            assertThat(shownEth.liquidationPrice()).isBetween(eth.entryPrice().multiply(new BigDecimal("1.08")),
                    eth.entryPrice().multiply(new BigDecimal("1.11")));
            // equity: spot wallet + futures wallet + the open price moves
            BigDecimal futuresWallet = s.balance(Market.FUTURES, io.tradeguard.core.model.Asset.USDT).orElseThrow().total();
            BigDecimal spotWallet = s.balance(Market.SPOT, io.tradeguard.core.model.Asset.USDT).orElseThrow().total();
            assertThat(s.equity()).isEqualByComparingTo(spotWallet.add(futuresWallet).add(btcMove).add(ethMove));
        }
    }

    @Test
    void leverage_above_the_cap_is_refused_with_a_clear_message_and_nothing_is_sent(@TempDir Path dir) throws Exception {
        try (SpotAndFuturesEngine t = new SpotAndFuturesEngine(dir, risk(), MarginType.CROSSED)) {
            CommandResult over = t.futuresLimit(BTCUSDT, Side.BUY, "0.01", "50100", 15);
            assertThat(over).isInstanceOf(CommandResult.Rejected.class);
            assertThat(String.join("; ", ((CommandResult.Rejected) over).reasons()))
                    .contains("leverage 15x", "above the cap of 10x");
            CommandResult hard = t.futuresLimit(BTCUSDT, Side.BUY, "0.01", "50100", 25);
            assertThat(String.join("; ", ((CommandResult.Rejected) hard).reasons())).contains("cap of 10x");
            assertThat(t.events(DomainEvent.OrderSubmitted.class)).isEmpty();
            assertThat(t.futures.position(BTCUSDT).leverage()).isNotEqualTo(15).isNotEqualTo(25);
            // within the cap it goes through at the asked leverage
            CommandResult five = t.futuresLimit(BTCUSDT, Side.BUY, "0.01", "50100", 5);
            assertThat(five).isInstanceOf(CommandResult.Accepted.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> t.position(Market.FUTURES, BTCUSDT).isPresent());
            assertThat(t.position(Market.FUTURES, BTCUSDT).orElseThrow().leverage()).isEqualTo(5);
            assertThat(t.futures.position(BTCUSDT).leverage()).isEqualTo(5);
        }
    }

    @Test
    void a_stop_loss_exits_reduce_only(@TempDir Path dir) throws Exception {
        try (SpotAndFuturesEngine t = new SpotAndFuturesEngine(dir, risk(), MarginType.CROSSED)) {
            Position entered = t.enterFutures(BTCUSDT, Side.BUY, "0.01", "50100");
            // the default stop-loss lies 2 % under the entry
            t.futuresMark(BTCUSDT, "48500");
            DomainEvent.PositionClosed closed = t.awaitClosed(Market.FUTURES, BTCUSDT, Duration.ofSeconds(15));
            assertThat(closed.market()).isEqualTo(Market.FUTURES);
            assertThat(closed.trade().exitReason()).contains("PROTECTION");
            DomainEvent.OrderSubmitted exit = t.events(DomainEvent.OrderSubmitted.class).stream()
                    .filter(e -> e.order().origin() == OrderOrigin.PROTECTION).findFirst().orElseThrow();
            assertThat(exit.request().reduceOnly()).isTrue();
            assertThat(exit.request().market()).isEqualTo(Market.FUTURES);
            assertThat(closed.trade().realizedPnl()).isNegative();
            assertThat(t.futures.position(BTCUSDT).isFlat()).isTrue();
            assertThat(entered.leverage()).isEqualTo(10);
        }
    }

    @Test
    void a_position_the_simulator_liquidates_is_closed_with_exit_reason_liquidation(@TempDir Path dir) throws Exception {
        try (SpotAndFuturesEngine t = new SpotAndFuturesEngine(dir, risk(), MarginType.ISOLATED)) {
            // unprotected: a native stop-loss on the exchange would work on the same jump before the liquidation
            OrderIntent entry = OrderIntent.limit(Market.FUTURES, BTCUSDT, Side.BUY, new BigDecimal("0.01"),
                    new BigDecimal("50100"), OrderOrigin.MANUAL).withInstructions(OrderInstructions.DEFAULTS.withProtection(false, null, null, null));
            assertThat(t.submit(new Command.PlaceOrder(entry))).isInstanceOf(CommandResult.Accepted.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> t.position(Market.FUTURES, BTCUSDT).isPresent());
            // one jump far below the isolated 10x liquidation price (about 45,300)
            t.control("/sim/v1/price", "{\"market\":\"futures\",\"symbol\":\"BTCUSDT\",\"price\":\"44000\",\"mark_price\":\"44000\"}");
            ClosedTrade trade = t.awaitClosed(Market.FUTURES, BTCUSDT, Duration.ofSeconds(15)).trade();
            assertThat(trade.exitReason()).isEqualTo("LIQUIDATION");
            assertThat(trade.market()).isEqualTo(Market.FUTURES);
            assertThat(trade.realizedPnl()).isNegative();
            assertThat(t.events(DomainEvent.OrderAdopted.class)).anyMatch(e -> e.order().clientOrderId().value().startsWith("autoclose-"));
            assertThat(t.futures.position(BTCUSDT).isFlat()).isTrue();
        }
    }

    @Test
    void funding_lands_in_the_positions_and_the_days_pnl_and_in_the_closed_trade(@TempDir Path dir) throws Exception {
        try (SpotAndFuturesEngine t = new SpotAndFuturesEngine(dir, risk(), MarginType.CROSSED)) {
            t.enterFutures(BTCUSDT, Side.BUY, "0.01", "50100");
            t.futuresMark(BTCUSDT, "50000");
            BigDecimal dayBefore = t.snapshot().daily().realizedPnl();
            // a long pays 0.01 × 50,000 × 0.001 = 0.5 USDT
            t.control("/sim/v1/funding", "{\"symbol\":\"BTCUSDT\",\"rate\":\"0.001\",\"apply\":true}");
            // the listeners hear an event once it is durable
            await().atMost(Duration.ofSeconds(10)).until(() -> !t.events(DomainEvent.FundingPaid.class).isEmpty());
            DomainEvent.FundingPaid paid = t.events(DomainEvent.FundingPaid.class).getFirst();
            assertThat(paid.amount()).isEqualByComparingTo("-0.5");
            assertThat(paid.symbol()).isEqualTo(BTCUSDT);
            Position withFunding = t.position(Market.FUTURES, BTCUSDT).orElseThrow();
            assertThat(withFunding.funding()).isEqualByComparingTo("-0.5");
            assertThat(withFunding.realizedPnl()).isEqualByComparingTo("-0.5");
            assertThat(t.snapshot().daily().realizedPnl()).isEqualByComparingTo(dayBefore.subtract(new BigDecimal("0.5")));

            CommandResult close = t.submit(new Command.ClosePosition(Market.FUTURES, BTCUSDT, OrderOrigin.MANUAL, "test"));
            assertThat(close).isInstanceOf(CommandResult.Accepted.class);
            ClosedTrade trade = t.awaitClosed(Market.FUTURES, BTCUSDT, Duration.ofSeconds(10)).trade();
            assertThat(trade.funding()).isEqualByComparingTo("-0.5");
            BigDecimal gross = trade.exitPrice().subtract(trade.entryPrice()).multiply(trade.quantity());
            assertThat(trade.realizedPnl()).isEqualByComparingTo(gross.subtract(trade.fees()).add(trade.funding()));
            DomainEvent.OrderSubmitted exit = t.events(DomainEvent.OrderSubmitted.class).getLast();
            assertThat(exit.request().reduceOnly()).isTrue();
        }
    }

    @Test
    void funding_of_several_cross_positions_lands_in_each_symbols_position(@TempDir Path dir) throws Exception {
        try (SpotAndFuturesEngine t = new SpotAndFuturesEngine(dir, risk(), MarginType.CROSSED)) {
            t.enterFutures(BTCUSDT, Side.BUY, "0.01", "50100");
            t.enterFutures(ETHUSDT, Side.SELL, "0.1", "2990");
            t.futuresMark(BTCUSDT, "50000");
            t.futuresMark(ETHUSDT, "3000");
            BigDecimal dayBefore = t.snapshot().daily().realizedPnl();
            // cross: the venue's FUNDING_FEE updates name no position; the income history says who paid what.
            // the BTC long pays 0.01 × 50,000 × 0.001 = 0.5, the ETH short receives 0.1 × 3,000 × 0.002 = 0.6
            t.control("/sim/v1/funding", "{\"symbol\":\"BTCUSDT\",\"rate\":\"0.001\",\"apply\":true}");
            t.control("/sim/v1/funding", "{\"symbol\":\"ETHUSDT\",\"rate\":\"0.002\",\"apply\":true}");
            await().atMost(Duration.ofSeconds(10)).until(() -> t.events(DomainEvent.FundingPaid.class).size() >= 2);
            List<DomainEvent.FundingPaid> paid = t.events(DomainEvent.FundingPaid.class);
            assertThat(paid).hasSize(2);
            assertThat(paid).anySatisfy(p -> {
                assertThat(p.symbol()).isEqualTo(BTCUSDT);
                assertThat(p.amount()).isEqualByComparingTo("-0.5");
                assertThat(p.position()).isNotNull();
            });
            assertThat(paid).anySatisfy(p -> {
                assertThat(p.symbol()).isEqualTo(ETHUSDT);
                assertThat(p.amount()).isEqualByComparingTo("0.6");
                assertThat(p.position()).isNotNull();
            });
            TradingSnapshot s = t.snapshot();
            assertThat(s.position(Market.FUTURES, BTCUSDT).orElseThrow().funding()).isEqualByComparingTo("-0.5");
            assertThat(s.position(Market.FUTURES, ETHUSDT).orElseThrow().funding()).isEqualByComparingTo("0.6");
            assertThat(s.daily().realizedPnl()).isEqualByComparingTo(dayBefore.add(new BigDecimal("0.1")));
        }
    }

    @Test
    void spot_and_futures_positions_live_side_by_side_and_a_restart_rebuilds_both(@TempDir Path dir) throws Exception {
        try (SpotAndFuturesEngine t = new SpotAndFuturesEngine(dir, risk(), MarginType.CROSSED)) {
            CommandResult spotBuy = t.submit(new Command.PlaceOrder(io.tradeguard.core.order.OrderIntent.limit(Market.SPOT,
                    BTCUSDT, Side.BUY, new BigDecimal("0.01"), new BigDecimal("50100"), OrderOrigin.MANUAL)));
            assertThat(spotBuy).isInstanceOf(CommandResult.Accepted.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> t.position(Market.SPOT, BTCUSDT).isPresent());
            t.enterFutures(BTCUSDT, Side.SELL, "0.01", "49900");
            t.futuresMark(BTCUSDT, "49000");
            TradingSnapshot before = t.snapshot();
            Position spot = before.position(Market.SPOT, BTCUSDT).orElseThrow();
            Position futures = before.position(Market.FUTURES, BTCUSDT).orElseThrow();
            assertThat(spot.leverage()).isEqualTo(1);
            assertThat(spot.side()).isEqualTo(PositionSide.LONG);
            assertThat(futures.leverage()).isEqualTo(10);
            assertThat(futures.side()).isEqualTo(PositionSide.SHORT);
            // one symbol, two markets, two prices
            assertThat(before.price(Market.FUTURES, BTCUSDT).orElseThrow()).isEqualByComparingTo("49000");
            assertThat(before.price(Market.SPOT, BTCUSDT).orElseThrow()).isNotEqualByComparingTo("49000");
            assertThat(before.instrument(Market.FUTURES, BTCUSDT)).isPresent();
            assertThat(before.instrument(Market.SPOT, BTCUSDT)).isPresent();

            t.stopEngine();
            t.start();
            TradingSnapshot after = t.snapshot();
            assertThat(after.positions()).containsExactlyInAnyOrderElementsOf(before.positions());
            assertThat(after.position(Market.FUTURES, BTCUSDT)).contains(futures);
            assertThat(after.position(Market.SPOT, BTCUSDT)).contains(spot);
            // the restarted engine trades both again: an emergency stop flattens both, the futures short reduce-only
            // (the manual price feed trades only when told: a spot trade gives the restarted engine its spot price, once
            // its price stream is open, so trade until it has one)
            int[] moves = {0};
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
                t.control("/sim/v1/price", "{\"market\":\"spot\",\"symbol\":\"BTCUSDT\",\"price\":\""
                        + (moves[0]++ % 2 == 0 ? "50000" : "50001") + "\"}");
                return t.snapshot().price(Market.FUTURES, BTCUSDT).isPresent() && t.snapshot().price(Market.SPOT, BTCUSDT).isPresent();
            });
            assertThat(t.submit(new Command.EmergencyStop("test"))).isInstanceOf(CommandResult.Accepted.class);
            t.awaitClosed(Market.FUTURES, BTCUSDT, Duration.ofSeconds(10));
            DomainEvent.OrderSubmitted futuresExit = t.events(DomainEvent.OrderSubmitted.class).stream()
                    .filter(e -> e.order().market() == Market.FUTURES).reduce((x, y) -> y).orElseThrow();
            assertThat(futuresExit.request().reduceOnly()).isTrue();
            assertThat(futuresExit.request().side()).isEqualTo(Side.BUY);
            t.awaitClosed(Market.SPOT, BTCUSDT, Duration.ofSeconds(10));
            assertThat(t.futures.position(BTCUSDT).isFlat()).isTrue();
            List<ClosedTrade> closed = t.events(DomainEvent.PositionClosed.class).stream().map(DomainEvent.PositionClosed::trade).toList();
            assertThat(closed).extracting(ClosedTrade::market).containsExactlyInAnyOrder(Market.FUTURES, Market.SPOT);
        }
    }
}
