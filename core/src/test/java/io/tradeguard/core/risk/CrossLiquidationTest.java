package io.tradeguard.core.risk;

import io.tradeguard.core.model.MarginType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.MaintenanceBracket;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static io.tradeguard.core.risk.Fixtures.*;
import static io.tradeguard.core.risk.LiquidationDistanceRuleTest.BTC_BRACKETS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The liquidation estimate of a cross position, and of an entry that adds to or reverses an open position, worked
 * out by hand from binance-api.md §6.8: LP = (WB − TMM1 + UPNL1 + cum − side·Q·EP) / (Q·MMR − side·Q). Each
 * expected number is checked in its comment: at LP the margin left equals the maintenance margin.
 */
class CrossLiquidationTest {
    private static final Symbol SOL = Symbol.of("SOLUSDT");
    /** ETHUSDT-like brackets: cum of level n = floor × (MMR_n − MMR_n−1) + cum_n−1: 10,000 × 0.15 % = 15, 100,000 × 0.35 % + 15 = 365. */
    private static final List<MaintenanceBracket> ETH_BRACKETS = List.of(
            new MaintenanceBracket(1, 100, d("0"), d("10000"), d("0.005"), d("0")),
            new MaintenanceBracket(2, 75, d("10000"), d("100000"), d("0.0065"), d("15")),
            new MaintenanceBracket(3, 50, d("100000"), d("500000"), d("0.01"), d("365")));

    private final LiquidationDistanceRule rule = new LiquidationDistanceRule();

    @Test
    void aCrossLongWithoutOtherPositionsIsBackedByTheWholeWallet() {
        // wallet 10,000, long 0.4 BTC at 50,000 (notional 20,000: first bracket, 0.4 %, cum 0):
        // LP = (10,000 − 0.4 × 50,000) / (0.4 × 0.004 − 0.4) = −10,000 / −0.3984 = 25,100.40;
        // there the margin left 10,000 + 0.4 × (25,100.40 − 50,000) = 40.16 = 0.4 × 25,100.40 × 0.4 % (notional 10,040: first bracket)
        RiskContext cross = crossContext("10000").build();
        assertThat(lp(btc(Side.BUY, "0.4", "50000", "44000"), cross)).isEqualByComparingTo("25100.40");
        // isolated at 10x the same order is backed by 2,000 only: (2,000 − 20,000) / −0.3984 = 45,180.72
        RiskContext isolated = ctx().brackets(BTC_BRACKETS).futuresMargin(FuturesMargin.NEW_ISOLATED).build();
        assertThat(lp(btc(Side.BUY, "0.4", "50000", "44000"), isolated)).isEqualByComparingTo("45180.72");

        // a stop at 44,000: refused as isolated, accepted in cross
        assertThat(check(rule, btc(Side.BUY, "0.4", "50000", "44000"), isolated)).isInstanceOf(RuleResult.Rejected.class);
        assertThat(check(rule, btc(Side.BUY, "0.4", "50000", "44000"), cross)).isInstanceOf(RuleResult.Passed.class);
        // a stop at 25,000 lies beyond the cross liquidation price
        RuleResult refused = check(rule, btc(Side.BUY, "0.4", "50000", "25000"), cross);
        assertThat(refused).isInstanceOf(RuleResult.Rejected.class);
        assertThat(refused.reason()).contains("stop-loss 25000", "liquidation price 25100.40", "cross margin", "cross wallet 10000.00")
                .doesNotContain("not known", "10x");
        assertThat(check(rule, btc(Side.BUY, "0.4", "50000", "25100.41"), cross)).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(rule, btc(Side.BUY, "0.4", "50000", "25100.40"), cross)).isInstanceOf(RuleResult.Rejected.class);
    }

    @Test
    void theEntrysTakerFeeComesOutOfTheCrossWallet() {
        // fee 0.05 % of 20,000 = 10: WB 9,990, LP = (9,990 − 20,000) / −0.3984 = 25,125.50
        RiskContext cross = crossContext("10000").fee("0.0005").build();
        assertThat(lp(btc(Side.BUY, "0.4", "50000", "44000"), cross)).isEqualByComparingTo("25125.50");
    }

    @Test
    void aCrossShort() {
        // short 0.4 BTC at 50,000, wallet 10,000: LP = (10,000 + 20,000) / (0.0016 + 0.4) = 30,000 / 0.4016 = 74,701.20;
        // there 10,000 − 0.4 × (74,701.20 − 50,000) = 119.52 = 29,880.48 × 0.4 %
        RiskContext cross = crossContext("10000").build();
        assertThat(lp(btc(Side.SELL, "0.4", "50000", "60000"), cross)).isEqualByComparingTo("74701.20");
        assertThat(check(rule, btc(Side.SELL, "0.4", "50000", "74701.19"), cross)).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(rule, btc(Side.SELL, "0.4", "50000", "74701.20"), cross).reason()).contains("liquidation price 74701.20");
        // isolated at 10x it would be (2,000 + 20,000) / 0.4016 = 54,780.88: a stop at 60,000 never fires there
        RiskContext isolated = ctx().brackets(BTC_BRACKETS).build();
        assertThat(check(rule, btc(Side.SELL, "0.4", "50000", "60000"), isolated)).isInstanceOf(RuleResult.Rejected.class);
        assertThat(check(rule, btc(Side.SELL, "0.4", "50000", "60000"), cross)).isInstanceOf(RuleResult.Passed.class);
    }

    @Test
    void otherCrossPositionsCountWithTheirMaintenanceMarginAndUnrealizedPnlAndIsolatedWalletsAreNotCross() {
        // wallet 10,000 of which 500 is SOLUSDT's isolated wallet: cross wallet 9,500;
        // ETHUSDT cross long 5 at 3,000 marked 2,800: UPNL1 = 5 × (2,800 − 3,000) = −1,000, notional 14,000 is ETH's second
        // bracket: TMM1 = 14,000 × 0.65 % − 15 = 76;
        // LP = (9,500 − 76 − 1,000 − 20,000) / −0.3984 = −11,576 / −0.3984 = 29,056.22;
        // there 9,500 − 1,000 + 0.4 × (29,056.22 − 50,000) = 122.49 = 76 + 0.4 × 29,056.22 × 0.4 %
        FuturesMargin account = new FuturesMargin(MarginType.CROSSED, d("10000"), List.of(
                position(ETH, Side.BUY, "5", "3000", "2800", 10, MarginType.CROSSED, null, ETH_BRACKETS),
                position(SOL, Side.SELL, "50", "100", "100", 10, MarginType.ISOLATED, "500", List.of())));
        RiskContext cross = ctx().brackets(BTC_BRACKETS).futuresMargin(account).build();
        assertThat(LiquidationEstimate.othersMaintenance(account, BTC)).isEqualByComparingTo("76");
        assertThat(LiquidationEstimate.othersUnrealizedPnl(account, BTC)).isEqualByComparingTo("-1000");
        assertThat(lp(btc(Side.BUY, "0.4", "50000", "30000"), cross)).isEqualByComparingTo("29056.22");
        assertThat(check(rule, btc(Side.BUY, "0.4", "50000", "29000"), cross).reason())
                .contains("liquidation price 29056.22", "cross wallet 9500.00");
    }

    @Test
    void addingToACrossLongEstimatesTheCombinedPosition() {
        // open: long 0.2 at 48,000; the order buys 0.2 at 52,000: one long of 0.4 at (9,600 + 10,400) / 0.4 = 50,000,
        // so LP = 25,100.40 as in the first case. The order alone would say (10,000 − 10,400) / (0.0008 − 0.2) = 2,008.03.
        FuturesMargin account = new FuturesMargin(MarginType.CROSSED, d("10000"), List.of(
                position(BTC, Side.BUY, "0.2", "48000", "52000", 10, MarginType.CROSSED, null, BTC_BRACKETS)));
        RiskContext cross = ctx().brackets(BTC_BRACKETS).futuresMargin(account).build();
        LiquidationEstimate estimate = LiquidationEstimate.of(btc(Side.BUY, "0.2", "52000", "20000"), d("52000"), cross);
        assertThat(estimate.adds()).isTrue();
        assertThat(estimate.quantity()).isEqualByComparingTo("0.4");
        assertThat(estimate.entryPrice()).isEqualByComparingTo("50000");
        assertThat(estimate.price().setScale(2, RoundingMode.HALF_EVEN)).isEqualByComparingTo("25100.40");
        assertThat(lp(btc(Side.BUY, "0.2", "52000", "20000"), crossContext("10000").build())).isEqualByComparingTo("2008.03");
        // a stop at 25,000 would have passed for the order alone; for the position it makes, it lies beyond
        RuleResult refused = check(rule, btc(Side.BUY, "0.2", "52000", "25000"), cross);
        assertThat(refused.reason()).contains("liquidation price 25100.40", "position of 0.4 after this order (average entry 50000.00)");
    }

    @Test
    void addingToAnIsolatedShortKeepsItsMarginAndAddsTheOrders() {
        // open: short 1 at 50,000 at 5x, isolated wallet 10,000; the order sells 1 at 60,000 at 5x (margin 12,000):
        // one short of 2 at 55,000 backed by 22,000; notional 110,000 is the second bracket (0.5 %, cum 50):
        // LP = (22,000 + 50 + 110,000) / (0.01 + 2) = 132,050 / 2.01 = 65,696.52;
        // there 22,000 − 2 × (65,696.52 − 55,000) = 606.97 = 131,393.03 × 0.5 % − 50
        FuturesMargin account = new FuturesMargin(MarginType.ISOLATED, d("30000"), List.of(
                position(BTC, Side.SELL, "1", "50000", "60000", 5, MarginType.ISOLATED, "10000", BTC_BRACKETS)));
        RiskContext isolated = ctx().brackets(BTC_BRACKETS).futuresMargin(account).build();
        ProposedOrder sell = btc(Side.SELL, "1", "60000", "68000", 5);
        assertThat(lp(sell, isolated)).isEqualByComparingTo("65696.52");
        // the order alone: (12,000 + 50 + 60,000) / 1.005 = 71,691.54, where a stop at 68,000 would still fire
        assertThat(lp(sell, ctx().brackets(BTC_BRACKETS).build())).isEqualByComparingTo("71691.54");
        assertThat(check(rule, sell, ctx().brackets(BTC_BRACKETS).build())).isInstanceOf(RuleResult.Passed.class);
        RuleResult refused = check(rule, sell, isolated);
        assertThat(refused.reason()).contains("liquidation price 65696.52", "at 5x", "position of 2 after this order (average entry 55000.00)")
                .doesNotContain("not known");

        // margin added to the position earlier counts: wallet 12,000 → (24,000 + 50 + 110,000) / 2.01 = 66,691.54
        FuturesMargin topped = new FuturesMargin(MarginType.ISOLATED, d("30000"), List.of(
                position(BTC, Side.SELL, "1", "50000", "60000", 5, MarginType.ISOLATED, "12000", BTC_BRACKETS)));
        assertThat(lp(sell, ctx().brackets(BTC_BRACKETS).futuresMargin(topped).build())).isEqualByComparingTo("66691.54");
        // not known: its initial margin at its leverage (50,000 / 5 = 10,000) is assumed, and the refusal says so
        FuturesMargin unknown = new FuturesMargin(MarginType.ISOLATED, null, List.of(
                position(BTC, Side.SELL, "1", "50000", "60000", 5, MarginType.ISOLATED, null, BTC_BRACKETS)));
        RiskContext guessed = ctx().brackets(BTC_BRACKETS).futuresMargin(unknown).build();
        assertThat(lp(sell, guessed)).isEqualByComparingTo("65696.52");
        assertThat(check(rule, sell, guessed).reason()).contains("isolated margin is not known yet: its initial margin at 5x assumed");
    }

    @Test
    void aReversalIsANewPositionOfTheRemainderWithTheClosedPartsPnlInTheWallet() {
        // open: cross long 0.1 at 45,000; the order sells 0.5 at 50,000: 0.1 closes (+500 into the wallet), 0.4 opens short;
        // LP = (10,500 + 20,000) / 0.4016 = 75,946.22; there 10,500 − 0.4 × 25,946.22 = 121.51 = 30,378.49 × 0.4 %
        FuturesMargin account = new FuturesMargin(MarginType.CROSSED, d("10000"), List.of(
                position(BTC, Side.BUY, "0.1", "45000", "50000", 10, MarginType.CROSSED, null, BTC_BRACKETS)));
        RiskContext cross = ctx().brackets(BTC_BRACKETS).futuresMargin(account).build();
        LiquidationEstimate estimate = LiquidationEstimate.of(btc(Side.SELL, "0.5", "50000", "60000"), d("50000"), cross);
        assertThat(estimate.adds()).isFalse();
        assertThat(estimate.side()).isEqualTo(Side.SELL);
        assertThat(estimate.quantity()).isEqualByComparingTo("0.4");
        assertThat(estimate.crossWallet()).isEqualByComparingTo("10500");
        assertThat(estimate.price().setScale(2, RoundingMode.HALF_EVEN)).isEqualByComparingTo("75946.22");
        // an order that only reduces the position grows nothing: not judged
        assertThat(check(rule, btc(Side.SELL, "0.1", "50000", "60000"), cross)).isInstanceOf(RuleResult.Skipped.class);
    }

    @Test
    void whereACrossFigureIsNotKnownTheCautiousIsolatedEstimateStandsAndTheRefusalSaysWhy() {
        ProposedOrder order = btc(Side.BUY, "0.4", "50000", "44000");
        // no wallet balance: isolated at 10x, 45,180.72
        RiskContext noWallet = ctx().brackets(BTC_BRACKETS).futuresMargin(new FuturesMargin(MarginType.CROSSED, null, List.of())).build();
        assertThat(lp(order, noWallet)).isEqualByComparingTo("45180.72");
        assertThat(check(rule, order, noWallet).reason())
                .contains("liquidation price 45180.72", "estimated as an isolated position: the cross-margin estimate needs the futures wallet balance, not known yet");
        // another cross position without brackets: its maintenance margin cannot be known
        FuturesMargin noEthBrackets = new FuturesMargin(MarginType.CROSSED, d("10000"), List.of(
                position(ETH, Side.BUY, "5", "3000", "2800", 10, MarginType.CROSSED, null, List.of())));
        assertThat(check(rule, order, ctx().brackets(BTC_BRACKETS).futuresMargin(noEthBrackets).build()).reason())
                .contains("needs the maintenance brackets of ETHUSDT, not known yet", "45180.72");
        // the symbol's own brackets missing: isolated at the 1 % fallback, 50,000 × 0.9 / 0.99 = 45,454.55
        RiskContext noBrackets = ctx().futuresMargin(new FuturesMargin(MarginType.CROSSED, d("10000"), List.of())).build();
        assertThat(check(rule, order, noBrackets).reason()).contains("45454.55", "needs the maintenance brackets of BTCUSDT, not known yet",
                "brackets not known yet: 1 % assumed");
        // the margin type itself not known
        RiskContext noType = ctx().brackets(BTC_BRACKETS).futuresMargin(new FuturesMargin(null, d("10000"), List.of())).build();
        assertThat(check(rule, order, noType).reason()).contains("the margin type of BTCUSDT is not known yet", "45180.72");
    }

    @Test
    void aCrossWalletAlreadySpentLiquidatesAShortAtOnce() {
        // wallet 100, ETH cross long 5 at 3,000 marked 1,000: UPNL1 −10,000, TMM1 5,000 × 0.5 % = 25;
        // LP = (100 − 25 − 10,000 + 20,000) / 0.4016 = 25,087 — positive: the short still has room
        FuturesMargin deep = new FuturesMargin(MarginType.CROSSED, d("100"), List.of(
                position(ETH, Side.BUY, "5", "3000", "1000", 10, MarginType.CROSSED, null, ETH_BRACKETS)));
        assertThat(lp(btc(Side.SELL, "0.4", "50000", "52000"), ctx().brackets(BTC_BRACKETS).futuresMargin(deep).build()))
                .isEqualByComparingTo("25087.15");
        // ETH marked 10: UPNL1 −14,950, TMM1 0.25: LP = (100 − 0.25 − 14,950 + 20,000) / 0.4016 = 12,823.08 and a short
        // 0.01 at 50,000 has (100 − 0.25 − 14,950 + 500) < 0: liquidated at once
        FuturesMargin spent = new FuturesMargin(MarginType.CROSSED, d("100"), List.of(
                position(ETH, Side.BUY, "5", "3000", "10", 10, MarginType.CROSSED, null, ETH_BRACKETS)));
        RuleResult refused = check(rule, btc(Side.SELL, "0.01", "50000", "52000"), ctx().brackets(BTC_BRACKETS).futuresMargin(spent).build());
        assertThat(refused).isInstanceOf(RuleResult.Rejected.class);
        assertThat(refused.reason()).contains("liquidated at once");
    }

    private static Ctx crossContext(String wallet) {
        return ctx().brackets(BTC_BRACKETS).futuresMargin(new FuturesMargin(MarginType.CROSSED, d(wallet), List.of()));
    }

    private static BigDecimal lp(ProposedOrder order, RiskContext context) {
        return LiquidationEstimate.of(order, order.limitPrice(), context).price().setScale(2, RoundingMode.HALF_EVEN);
    }

    private static MarginPosition position(Symbol symbol, Side side, String quantity, String entry, String mark, int leverage,
                                           MarginType type, String isolatedWallet, List<MaintenanceBracket> brackets) {
        return new MarginPosition(symbol, side, d(quantity), d(entry), d(mark), leverage, type,
                isolatedWallet == null ? null : d(isolatedWallet), brackets);
    }

    private static ProposedOrder btc(Side side, String quantity, String price, String stop) {
        return btc(side, quantity, price, stop, 10);
    }

    private static ProposedOrder btc(Side side, String quantity, String price, String stop, int leverage) {
        return new ProposedOrder(Market.FUTURES, BTC, side, OrderType.LIMIT, d(quantity), d(price), leverage, d(stop),
                Origin.SIGNAL, false, d("0.001"), d("0.1"));
    }
}
