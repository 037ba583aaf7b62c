package io.tradeguard.core.risk;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.tradeguard.core.risk.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class LiquidationDistanceRuleTest {
    private final LiquidationDistanceRule rule = new LiquidationDistanceRule();
    private final RiskContext context = ctx().build();

    @Test
    void estimateFollowsBinancesIsolatedFormula() {
        // long 10x at 50,000 with MMR 1 %: 50,000 × (1 − 0.1) / (1 − 0.01) = 45,454.545…
        assertThat(LiquidationDistanceRule.liquidationPrice(Side.BUY, d("50000"), 10).setScale(3, java.math.RoundingMode.HALF_EVEN))
                .isEqualByComparingTo("45454.545");
        // short 10x at 50,000: 50,000 × 1.1 / 1.01 = 54,455.445…
        assertThat(LiquidationDistanceRule.liquidationPrice(Side.SELL, d("50000"), 10).setScale(3, java.math.RoundingMode.HALF_EVEN))
                .isEqualByComparingTo("54455.446");
    }

    @Test
    void longStopAtJustBeforeAndBeyondTheLiquidation() {
        BigDecimal liquidation = LiquidationDistanceRule.liquidationPrice(Side.BUY, d("100"), 10); // 90.909…
        assertThat(check(rule, order(Side.BUY, 10, liquidation), context)).isInstanceOf(RuleResult.Rejected.class);
        assertThat(check(rule, order(Side.BUY, 10, d("90.90")), context)).isInstanceOf(RuleResult.Rejected.class);
        assertThat(check(rule, order(Side.BUY, 10, d("90.91")), context)).isInstanceOf(RuleResult.Passed.class);
        RuleResult rejected = check(rule, order(Side.BUY, 10, d("85")), context);
        assertThat(rejected.reason()).contains("stop-loss 85", "liquidation price 90.91", "10x");
    }

    @Test
    void shortStopAtJustBeforeAndBeyondTheLiquidation() {
        // short 5x at 100: 100 × 1.2 / 1.01 = 118.8118…
        assertThat(check(rule, order(Side.SELL, 5, d("118.81")), context)).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(rule, order(Side.SELL, 5, d("118.82")), context)).isInstanceOf(RuleResult.Rejected.class);
    }

    @Test
    void spotAndOrdersWithoutStopAreNotJudged() {
        ProposedOrder spot = new ProposedOrder(Market.SPOT, BTC, Side.BUY, OrderType.LIMIT, d("1"), d("100"), 1, d("50"),
                Origin.SIGNAL, false, d("0.01"), d("0.01"));
        assertThat(check(rule, spot, context)).isInstanceOf(RuleResult.Skipped.class);
        assertThat(check(rule, order(Side.BUY, 20, null), context)).isInstanceOf(RuleResult.Skipped.class);
    }

    /** BTCUSDT's first five maintenance brackets as Binance publishes them (and the simulator ships them). */
    static final java.util.List<io.tradeguard.core.venue.MaintenanceBracket> BTC_BRACKETS = java.util.List.of(
            bracket(1, 125, "0", "50000", "0.004", "0"),
            bracket(2, 100, "50000", "500000", "0.005", "50"),
            bracket(3, 50, "500000", "8000000", "0.01", "2550"),
            bracket(4, 20, "8000000", "50000000", "0.025", "122550"),
            bracket(5, 10, "50000000", "80000000", "0.05", "1372550"));

    private static io.tradeguard.core.venue.MaintenanceBracket bracket(int n, int leverage, String floor, String cap, String rate, String cum) {
        return new io.tradeguard.core.venue.MaintenanceBracket(n, leverage, d(floor), d(cap), d(rate), d(cum));
    }

    private static BigDecimal lp(Side side, String quantity, String entry, int leverage) {
        return LiquidationDistanceRule.liquidationPrice(side, d(quantity), d(entry), leverage, BTC_BRACKETS)
                .setScale(2, java.math.RoundingMode.HALF_EVEN);
    }

    @Test
    void theBracketOfTheNotionalGivesTheRateAndTheMaintenanceAmount() {
        // binance-api.md §6.7's worked check: 1 BTC at 10,000, 10x, first bracket (0.4 %, cum 0):
        // (1,000 − 10,000) / (0.004 − 1) = 9,036.14 long; (1,000 + 10,000) / (0.004 + 1) = 10,956.18 short
        assertThat(lp(Side.BUY, "1", "10000", 10)).isEqualByComparingTo("9036.14");
        assertThat(lp(Side.SELL, "1", "10000", 10)).isEqualByComparingTo("10956.18");
        // 2 BTC at 50,000, 10x: notional 100,000 is the second bracket (0.5 %, cum 50):
        // (10,000 + 50 − 100,000) / (2 × 0.005 − 2) = 45,201.01; there the maintenance margin 90,402.01 × 0.5 % − 50
        // = 402.01 equals the margin left, 10,000 + 2 × (45,201.01 − 50,000)
        assertThat(lp(Side.BUY, "2", "50000", 10)).isEqualByComparingTo("45201.01");
        // 200 BTC at 50,000, 10x: 10,000,000 is the fourth bracket (2.5 %, cum 122,550):
        // (1,000,000 + 122,550 − 10,000,000) / (200 × 0.025 − 200) = 45,525.38
        assertThat(lp(Side.BUY, "200", "50000", 10)).isEqualByComparingTo("45525.38");
    }

    @Test
    void aNotionalThatFallsIntoAnotherBracketAtTheLiquidationPriceIsComputedAgainWithThatOne() {
        // 1 BTC at 60,000, 2x: entered in the second bracket, (30,000 + 50 − 60,000) / (0.005 − 1) = 30,100.50, but
        // 30,100 of notional is the first bracket's: (30,000 − 60,000) / (0.004 − 1) = 30,120.48, where the maintenance
        // margin 30,120.48 × 0.4 % = 120.48 equals the margin left, 30,000 + (30,120.48 − 60,000)
        assertThat(lp(Side.BUY, "1", "60000", 2)).isEqualByComparingTo("30120.48");
        // a short's notional grows towards its liquidation: 9 BTC at 50,000, 10x is 450,000 (second bracket), at
        // (45,000 + 50 + 450,000) / (9 × 0.005 + 9) = 54,731.90 it is 492,587 (still the second)
        assertThat(lp(Side.SELL, "9", "50000", 10)).isEqualByComparingTo("54731.90");
        // 1x long: no liquidation price at all (the margin covers the whole notional)
        assertThat(LiquidationDistanceRule.liquidationPrice(Side.BUY, d("1"), d("10000"), 1, BTC_BRACKETS)).isNull();
    }

    @Test
    void theRuleJudgesTheStopAgainstTheBracketsEstimate() {
        RiskContext withBrackets = ctx().brackets(BTC_BRACKETS).build();
        RiskContext without = ctx().build();
        // 2 BTC long at 10x, stop 45,300: beyond the 1 % estimate (45,454.55), before the bracket's (45,201.01)
        ProposedOrder small = sized(Side.BUY, "2", "50000", 10, "45300");
        assertThat(check(rule, small, without)).isInstanceOf(RuleResult.Rejected.class);
        assertThat(check(rule, small, withBrackets)).isInstanceOf(RuleResult.Passed.class);
        // 200 BTC: the fourth bracket liquidates at 45,525.38, earlier than the 1 % estimate; a stop at 45,500 never fires
        ProposedOrder large = sized(Side.BUY, "200", "50000", 10, "45500");
        assertThat(check(rule, large, without)).isInstanceOf(RuleResult.Passed.class);
        RuleResult refused = check(rule, large, withBrackets);
        assertThat(refused).isInstanceOf(RuleResult.Rejected.class);
        assertThat(refused.reason()).contains("stop-loss 45500", "liquidation price 45525.38", "10x").doesNotContain("not known");
        assertThat(check(rule, sized(Side.BUY, "2", "50000", 10, "44000"), without).reason())
                .contains("brackets not known yet: 1 % assumed");
    }

    private static ProposedOrder sized(Side side, String quantity, String price, int leverage, String stop) {
        return new ProposedOrder(Market.FUTURES, BTC, side, OrderType.LIMIT, d(quantity), d(price), leverage, d(stop),
                Origin.SIGNAL, false, d("0.001"), d("0.1"));
    }

    private static ProposedOrder order(Side side, int leverage, BigDecimal stop) {
        return new ProposedOrder(Market.FUTURES, BTC, side, OrderType.LIMIT, d("1"), d("100"), leverage, stop,
                Origin.SIGNAL, false, d("0.01"), d("0.01"));
    }
}
