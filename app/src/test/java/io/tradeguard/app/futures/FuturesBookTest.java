package io.tradeguard.app.futures;

import io.tradeguard.core.engine.Command;
import io.tradeguard.core.engine.CommandResult;
import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.model.MarginType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.risk.RiskConfig;
import io.tradeguard.sim.SimAccount;
import io.tradeguard.sim.engine.Liquidity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.tradeguard.app.futures.SpotAndFuturesEngine.BTCUSDT;
import static io.tradeguard.app.futures.SpotAndFuturesEngine.ETHUSDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A futures market order is judged on the futures book, a spot one on the spot book, although the symbol is the same:
 * the real simulator's two books are made to disagree through its control API, and each order's slippage verdict
 * follows its own market's book (streamed by the real clients from {@code @depth20@100ms}).
 */
class FuturesBookTest {
    /** a thin house depth on both markets: 20 levels, 10 bips apart, 50 USDT each */
    private static final Liquidity THIN = new Liquidity(20, 10, new BigDecimal("50"));

    @Test
    void each_market_order_is_judged_on_its_own_markets_book(@TempDir Path dir) throws Exception {
        try (SpotAndFuturesEngine t = new SpotAndFuturesEngine(dir, RiskConfig.defaults(), MarginType.CROSSED, THIN)) {
            // a market maker rests 1 BTC at 50,005 in the futures book only, and 1 ETH at 3,000.30 in the spot book only
            SimAccount maker = t.sim.createAccount(Map.of("ETH", new BigDecimal("10")), Map.of("USDT", new BigDecimal("100000")));
            t.control("/sim/v1/external-order", "{\"api_key\":\"" + maker.apiKey() + "\",\"market\":\"futures\",\"symbol\":\"BTCUSDT\","
                    + "\"side\":\"SELL\",\"type\":\"LIMIT\",\"quantity\":\"1\",\"price\":\"50005\"}");
            t.control("/sim/v1/external-order", "{\"api_key\":\"" + maker.apiKey() + "\",\"market\":\"spot\",\"symbol\":\"ETHUSDT\","
                    + "\"side\":\"SELL\",\"type\":\"LIMIT\",\"quantity\":\"1\",\"price\":\"3000.30\"}");
            // and the account pays 0.04 % as futures taker (Binance's standard is 0.05 %; spot stays at 0.1 %)
            t.control("/sim/v1/fees", "{\"market\":\"futures\",\"maker\":\"0.0002\",\"taker\":\"0.0004\"}");
            // the engine follows both symbols on both markets (bids far below the market open the price and book streams)
            for (Symbol symbol : List.of(BTCUSDT, ETHUSDT)) {
                BigDecimal far = symbol.equals(BTCUSDT) ? new BigDecimal("48000") : new BigDecimal("2880");
                assertThat(t.submit(new Command.PlaceOrder(OrderIntent.limit(Market.SPOT, symbol, Side.BUY,
                        symbol.equals(BTCUSDT) ? new BigDecimal("0.001") : new BigDecimal("0.01"), far, OrderOrigin.MANUAL))))
                        .isInstanceOf(CommandResult.Accepted.class);
                assertThat(t.futuresLimit(symbol, Side.BUY, symbol.equals(BTCUSDT) ? "0.003" : "0.05", far.toPlainString(), null))
                        .isInstanceOf(CommandResult.Accepted.class);
            }
            awaitPrices(t);

            // BTCUSDT: 0.012 at market walks 12 thin spot levels (0.65 % above the last price, 0.5 % allowed) but fills
            // at 50,005 in the futures book (0.01 %)
            CommandResult futuresBtc = judged(t, Market.FUTURES, BTCUSDT, "0.012");
            assertThat(futuresBtc).as("the futures book has the depth").isInstanceOf(CommandResult.Accepted.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> t.position(Market.FUTURES, BTCUSDT).isPresent());
            assertThat(t.position(Market.FUTURES, BTCUSDT).orElseThrow().entryPrice()).isEqualByComparingTo("50005");
            CommandResult spotBtc = judged(t, Market.SPOT, BTCUSDT, "0.012");
            assertThat(spotBtc).as("the spot book is thin").isInstanceOfSatisfying(CommandResult.Rejected.class,
                    r -> assertThat(String.join(" ", r.reasons())).contains("too thin for a market order"));

            // ETHUSDT the other way round: the spot book has the depth, the futures book is thin
            CommandResult futuresEth = judged(t, Market.FUTURES, ETHUSDT, "0.2");
            assertThat(futuresEth).as("the futures book is thin").isInstanceOfSatisfying(CommandResult.Rejected.class,
                    r -> assertThat(String.join(" ", r.reasons())).contains("too thin for a market order"));
            CommandResult spotEth = judged(t, Market.SPOT, ETHUSDT, "0.2");
            assertThat(spotEth).as("the spot book has the depth").isInstanceOf(CommandResult.Accepted.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> t.events(DomainEvent.OrderFilled.class).stream()
                    .anyMatch(f -> f.order().market() == Market.SPOT && f.order().type() == OrderType.MARKET));
            assertThat(t.position(Market.SPOT, ETHUSDT).orElseThrow().entryPrice()).isEqualByComparingTo("3000.30");
            assertThat(t.events(DomainEvent.OrderSubmitted.class)).filteredOn(s -> s.order().type() == OrderType.MARKET)
                    .extracting(s -> s.order().market() + " " + s.order().symbol().value())
                    .containsExactlyInAnyOrder("FUTURES BTCUSDT", "SPOT ETHUSDT");

            // the fee estimates use each market's own rate, read when the contract's book stream opened
            assertThat(t.guards.takerFeeRate(Market.FUTURES, BTCUSDT)).isEqualByComparingTo("0.0004");
            assertThat(t.guards.takerFeeRate(Market.SPOT, BTCUSDT)).isEqualByComparingTo("0.001");
        }
    }

    @Test
    void the_liquidation_distance_is_judged_with_the_contracts_maintenance_bracket_from_the_venue(@TempDir Path dir) throws Exception {
        try (SpotAndFuturesEngine t = new SpotAndFuturesEngine(dir, RiskConfig.defaults(), MarginType.ISOLATED)) {
            // the engine follows BTCUSDT futures: the contract's brackets are read with its book stream
            assertThat(t.futuresLimit(BTCUSDT, Side.BUY, "0.003", "48000", null)).isInstanceOf(CommandResult.Accepted.class);
            await().atMost(Duration.ofSeconds(15)).until(() -> !t.guards.maintenanceBrackets(BTCUSDT).isEmpty()
                    && t.snapshot().price(Market.FUTURES, BTCUSDT).isPresent());
            var first = t.guards.maintenanceBrackets(BTCUSDT).getFirst();
            assertThat(first.maintMarginRatio()).isEqualByComparingTo("0.004");
            assertThat(first.notionalCap()).isEqualByComparingTo("50000");

            // 0.012 BTC long at 50,000, 10x (600 of notional, the first bracket: 0.4 %, cum 0): liquidated at
            // 50,000 × 0.9 / 0.996 = 45,180.72, where a 1 % rate would have said 45,454.55
            OrderIntent before = entry("45300");
            var passed = t.guards.preview(before, t.snapshot());
            assertThat(passed.results()).filteredOn(r -> r.rule() == io.tradeguard.core.risk.RuleId.LIQUIDATION_DISTANCE)
                    .singleElement().isInstanceOf(io.tradeguard.core.risk.RuleResult.Passed.class);
            var refused = t.guards.preview(entry("45150"), t.snapshot());
            assertThat(refused.rejections()).singleElement().satisfies(r -> assertThat(r.reason())
                    .contains("stop-loss 45150", "liquidation price 45180.72", "10x").doesNotContain("not known"));
            // and the engine refuses that entry before anything is sent
            assertThat(t.submit(new Command.PlaceOrder(entry("45150")))).isInstanceOfSatisfying(CommandResult.Rejected.class,
                    r -> assertThat(String.join(" ", r.reasons())).contains("liquidation price 45180.72"));
        }
    }

    private static OrderIntent entry(String stop) {
        return OrderIntent.limit(Market.FUTURES, BTCUSDT, Side.BUY, new BigDecimal("0.012"), new BigDecimal("50000"), OrderOrigin.MANUAL)
                .withInstructions(io.tradeguard.core.order.OrderInstructions.DEFAULTS.withLeverage(10)
                        .withProtection(true, new BigDecimal(stop), null, null));
    }

    /** Waits until the engine has a price of both symbols on both markets (spot trades come only when the price moves). */
    private static void awaitPrices(SpotAndFuturesEngine t) {
        int[] moves = {0};
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200)).until(() -> {
            boolean up = moves[0]++ % 2 == 0;
            // down and back only: never through the resting asks
            t.sim.setPrice("BTCUSDT", new BigDecimal(up ? "49999.99" : "50000"));
            t.sim.setPrice("ETHUSDT", new BigDecimal(up ? "2999.99" : "3000"));
            var s = t.snapshot();
            return s.price(Market.SPOT, BTCUSDT).isPresent() && s.price(Market.SPOT, ETHUSDT).isPresent()
                    && s.price(Market.FUTURES, BTCUSDT).isPresent() && s.price(Market.FUTURES, ETHUSDT).isPresent();
        });
        t.sim.setPrice("BTCUSDT", new BigDecimal("50000"));
        t.sim.setPrice("ETHUSDT", new BigDecimal("3000"));
    }

    /**
     * A market buy's verdict once the book of its market is known: the first orders may meet a book not streamed yet
     * (the stream opens with the price stream, in the background); any other answer is the verdict.
     */
    private static CommandResult judged(SpotAndFuturesEngine t, Market market, Symbol symbol, String quantity) {
        CommandResult[] last = {null};
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = t.submit(new Command.PlaceOrder(OrderIntent.market(market, symbol, Side.BUY, new BigDecimal(quantity),
                    OrderOrigin.MANUAL)));
            return !(last[0] instanceof CommandResult.Rejected r
                    && r.reasons().stream().anyMatch(reason -> reason.contains("order book of " + symbol.value() + " is unknown")));
        });
        return last[0];
    }
}
