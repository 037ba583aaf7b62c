package io.tradeguard.app.futures;

import io.tradeguard.core.engine.Command;
import io.tradeguard.core.engine.CommandResult;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.MarginType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.order.OrderInstructions;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.risk.Limit;
import io.tradeguard.core.risk.RiskConfig;
import io.tradeguard.core.risk.RiskVerdict;
import io.tradeguard.core.risk.RuleId;
import io.tradeguard.core.risk.RuleResult;
import io.tradeguard.core.venue.FuturesPosition;
import io.tradeguard.sim.SimAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.tradeguard.app.futures.SpotAndFuturesEngine.BTCUSDT;
import static io.tradeguard.app.futures.SpotAndFuturesEngine.ETHUSDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * In cross margin a futures entry's liquidation price is estimated for the position backed by the whole cross wallet
 * (binance-api.md §6.8), and an entry that adds to a position for the combined position: the real simulator's own
 * liquidation price (positionRisk) of the position that results agrees with the estimate to the cent.
 */
class CrossMarginLiquidationTest {

    /** Stops far from the entry are the point here: the size and loss limits, which would refuse them first, are off. */
    private static final RiskConfig WIDE_STOPS = RiskConfig.defaults().without(Limit.MAX_POSITION_SIZE_PCT)
            .without(Limit.MAX_POSITION_SIZE_USD).without(Limit.MAX_SYMBOL_EXPOSURE_PCT).without(Limit.DAILY_LOSS_LIMIT_PCT)
            .without(Limit.MAX_PORTFOLIO_HEAT);

    @Test
    void a_cross_position_is_liquidated_where_the_cross_wallet_runs_out_and_the_venue_agrees(@TempDir Path dir) throws Exception {
        try (SpotAndFuturesEngine t = new SpotAndFuturesEngine(dir, WIDE_STOPS, MarginType.CROSSED)) {
            // given a futures wallet of 10,000 USDT in cross margin, a maker offering 1 BTC at 50,000 (the house asks are
            // above it), and the engine following BTCUSDT futures (its first order sets the margin type; its brackets are
            // read with the book stream)
            SimAccount maker = t.sim.createAccount(Map.of(), Map.of("USDT", new BigDecimal("100000")));
            t.control("/sim/v1/external-order", "{\"api_key\":\"" + maker.apiKey() + "\",\"market\":\"futures\",\"symbol\":\"BTCUSDT\","
                    + "\"side\":\"SELL\",\"type\":\"LIMIT\",\"quantity\":\"1\",\"price\":\"50000\"}");
            assertThat(t.futuresLimit(BTCUSDT, Side.BUY, "0.003", "48000", null)).isInstanceOf(CommandResult.Accepted.class);
            await().atMost(Duration.ofSeconds(15)).until(() -> !t.guards.maintenanceBrackets(BTCUSDT).isEmpty()
                    && t.snapshot().price(Market.FUTURES, BTCUSDT).isPresent()
                    && t.snapshot().balance(Market.FUTURES, Asset.USDT).isPresent());
            assertThat(t.guards.takerFeeRate(Market.FUTURES, BTCUSDT)).isEqualByComparingTo("0.0005");

            // when 0.4 BTC long at 50,000 (notional 20,000, first bracket: 0.4 %, cum 0) is judged: the entry's taker fee
            // 20,000 × 0.05 % = 10 leaves a cross wallet of 9,990, so LP = (9,990 − 0.4 × 50,000) / (0.4 × 0.004 − 0.4)
            // = −10,010 / −0.3984 = 25,125.50. As an isolated position at 10x it would be backed by 2,000 only and
            // liquidated at 50,000 × 0.9 / 0.996 = 45,180.72 (FuturesBookTest), so a stop at 44,000 would be refused.
            RiskVerdict wide = t.guards.preview(entry("0.4", "44000"), t.snapshot());
            assertThat(wide.results()).filteredOn(r -> r.rule() == RuleId.LIQUIDATION_DISTANCE)
                    .singleElement().isInstanceOf(RuleResult.Passed.class);
            RiskVerdict beyond = t.guards.preview(entry("0.4", "25000"), t.snapshot());
            assertThat(beyond.rejections()).singleElement().satisfies(r -> assertThat(r.reason())
                    .contains("stop-loss 25000", "liquidation price 25125.50", "cross margin", "cross wallet 9990.00")
                    .doesNotContain("not known"));
            assertThat(t.submit(new Command.PlaceOrder(entry("0.4", "25000")))).isInstanceOfSatisfying(CommandResult.Rejected.class,
                    r -> assertThat(String.join(" ", r.reasons())).contains("liquidation price 25125.50"));

            // then the entry with the stop at 44,000 is placed and filled, and the venue liquidates that position at 25,125.50
            assertThat(t.submit(new Command.PlaceOrder(entry("0.4", "44000")))).isInstanceOf(CommandResult.Accepted.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> t.position(Market.FUTURES, BTCUSDT)
                    .map(p -> p.size().compareTo(new BigDecimal("0.4")) == 0).orElse(false));
            assertThat(venueLiquidation(t, "0.4")).isCloseTo(new BigDecimal("25125.50"), within(new BigDecimal("0.01")));

            // adding 0.2 at 50,000 makes one long of 0.6 at 50,000 on a wallet of 9,990 − 5 (this order's fee) = 9,985:
            // LP = (9,985 − 30,000) / (0.6 × 0.004 − 0.6) = −20,015 / −0.5976 = 33,492.30 (notional there 20,095: first
            // bracket). The order alone would be liquidated at (9,985 − 10,000) / (0.0008 − 0.2) = 75.30, far below a stop
            // at 33,000; the position it makes is not.
            await().atMost(Duration.ofSeconds(10)).until(() -> t.snapshot().balance(Market.FUTURES, Asset.USDT)
                    .map(b -> b.total().compareTo(new BigDecimal("9990")) == 0).orElse(false));
            RiskVerdict added = t.guards.preview(entry("0.2", "33000"), t.snapshot());
            assertThat(added.rejections()).singleElement().satisfies(r -> assertThat(r.reason())
                    .contains("liquidation price 33492.30", "position of 0.6 after this order (average entry 50000.00)",
                            "cross wallet 9985.00"));
            assertThat(t.submit(new Command.PlaceOrder(entry("0.2", "40000")))).isInstanceOf(CommandResult.Accepted.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> t.position(Market.FUTURES, BTCUSDT)
                    .map(p -> p.size().compareTo(new BigDecimal("0.6")) == 0).orElse(false));
            assertThat(venueLiquidation(t, "0.6")).isCloseTo(new BigDecimal("33492.30"), within(new BigDecimal("0.01")));
        }
    }

    @Test
    void another_cross_position_counts_with_its_maintenance_margin_and_unrealized_loss(@TempDir Path dir) throws Exception {
        try (SpotAndFuturesEngine t = new SpotAndFuturesEngine(dir, WIDE_STOPS, MarginType.CROSSED)) {
            // given a cross long of 5 ETH bought at 3,000 (taker fee 7.50: wallet 9,992.50), marked down to 2,800
            SimAccount maker = t.sim.createAccount(Map.of(), Map.of("USDT", new BigDecimal("100000")));
            t.control("/sim/v1/external-order", "{\"api_key\":\"" + maker.apiKey() + "\",\"market\":\"futures\",\"symbol\":\"ETHUSDT\","
                    + "\"side\":\"SELL\",\"type\":\"LIMIT\",\"quantity\":\"5\",\"price\":\"3000\"}");
            t.control("/sim/v1/external-order", "{\"api_key\":\"" + maker.apiKey() + "\",\"market\":\"futures\",\"symbol\":\"BTCUSDT\","
                    + "\"side\":\"SELL\",\"type\":\"LIMIT\",\"quantity\":\"1\",\"price\":\"50000\"}");
            // (bids far below the market make the engine follow both contracts and read their brackets first: without
            // them an entry is judged, cautiously, as isolated)
            assertThat(t.futuresLimit(BTCUSDT, Side.BUY, "0.003", "48000", null)).isInstanceOf(CommandResult.Accepted.class);
            assertThat(t.futuresLimit(ETHUSDT, Side.BUY, "0.05", "2500", null)).isInstanceOf(CommandResult.Accepted.class);
            await().atMost(Duration.ofSeconds(15)).until(() -> !t.guards.maintenanceBrackets(BTCUSDT).isEmpty()
                    && !t.guards.maintenanceBrackets(ETHUSDT).isEmpty());
            OrderIntent eth = OrderIntent.limit(Market.FUTURES, ETHUSDT, Side.BUY, new BigDecimal("5"), new BigDecimal("3000"),
                    OrderOrigin.MANUAL).withInstructions(OrderInstructions.DEFAULTS.withLeverage(10)
                    .withProtection(true, new BigDecimal("2000"), null, null));
            assertThat(t.submit(new Command.PlaceOrder(eth))).isInstanceOf(CommandResult.Accepted.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> t.position(Market.FUTURES, ETHUSDT).isPresent());
            t.futuresMark(ETHUSDT, "2800");
            await().atMost(Duration.ofSeconds(10)).until(() -> t.snapshot().balance(Market.FUTURES, Asset.USDT).map(b -> b.total().compareTo(new BigDecimal("9992.5")) == 0)
                    .orElse(false));

            // when 0.4 BTC long at 50,000 is judged: WB = 9,992.50 − 10 (this order's fee) = 9,982.50; ETH's notional at
            // mark 14,000 is its first bracket (0.4 %, cum 0): TMM1 = 56; UPNL1 = 5 × (2,800 − 3,000) = −1,000;
            // LP = (9,982.50 − 56 − 1,000 − 20,000) / (0.0016 − 0.4) = −11,073.50 / −0.3984 = 27,794.93, where the margin left
            // 8,982.50 + 0.4 × (27,794.93 − 50,000) = 100.47 = 56 + 0.4 × 27,794.93 × 0.4 %
            RiskVerdict beyond = t.guards.preview(entry("0.4", "27000"), t.snapshot());
            assertThat(beyond.rejections()).singleElement().satisfies(r -> assertThat(r.reason())
                    .contains("liquidation price 27794.93", "cross wallet 9982.50").doesNotContain("not known"));

            // then the venue liquidates the position the accepted entry makes at the same price
            assertThat(t.submit(new Command.PlaceOrder(entry("0.4", "44000")))).isInstanceOf(CommandResult.Accepted.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> t.position(Market.FUTURES, BTCUSDT).isPresent());
            assertThat(venueLiquidation(t, "0.4")).isCloseTo(new BigDecimal("27794.93"), within(new BigDecimal("0.01")));
        }
    }

    /** The simulator's liquidation price of the BTCUSDT position once it has that size (positionRisk). */
    private static BigDecimal venueLiquidation(SpotAndFuturesEngine t, String size) throws Exception {
        BigDecimal amount = new BigDecimal(size);
        await().atMost(Duration.ofSeconds(10)).until(() -> t.futures.position(BTCUSDT).amount().compareTo(amount) == 0);
        FuturesPosition venue = t.futures.position(BTCUSDT);
        assertThat(venue.marginType()).isEqualTo(MarginType.CROSSED);
        assertThat(venue.entryPrice()).isEqualByComparingTo("50000");
        return venue.liquidationPrice();
    }

    private static OrderIntent entry(String quantity, String stop) {
        return OrderIntent.limit(Market.FUTURES, BTCUSDT, Side.BUY, new BigDecimal(quantity), new BigDecimal("50000"), OrderOrigin.MANUAL)
                .withInstructions(OrderInstructions.DEFAULTS.withLeverage(10).withProtection(true, new BigDecimal(stop), null, null));
    }
}
