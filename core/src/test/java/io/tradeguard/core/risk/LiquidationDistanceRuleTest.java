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

    private static ProposedOrder order(Side side, int leverage, BigDecimal stop) {
        return new ProposedOrder(Market.FUTURES, BTC, side, OrderType.LIMIT, d("1"), d("100"), leverage, stop,
                Origin.SIGNAL, false, d("0.01"), d("0.01"));
    }
}
