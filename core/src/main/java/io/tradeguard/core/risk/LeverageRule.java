package io.tradeguard.core.risk;

import java.math.BigDecimal;

/**
 * Futures leverage within the configured cap (default 10x); when that limit is switched off the hard cap
 * of 20x still applies. Spot orders have leverage 1 and always pass.
 */
record LeverageRule(int cap) implements PreTradeRule {

    LeverageRule {
        if (cap < 1 || cap > RiskConfig.HARD_MAX_LEVERAGE) {
            throw new IllegalArgumentException("leverage cap must be 1.." + RiskConfig.HARD_MAX_LEVERAGE + ", was " + cap);
        }
    }

    @Override
    public RuleId id() {
        return RuleId.LEVERAGE;
    }

    @Override
    public RuleResult check(OrderUnderCheck o) {
        int leverage = o.order().leverage();
        Measure measure = Measure.max(BigDecimal.valueOf(cap), BigDecimal.valueOf(leverage), Measure.Unit.LEVERAGE);
        return leverage <= cap ? new RuleResult.Passed(id(), measure)
                : new RuleResult.Rejected(id(), measure, "leverage " + leverage + "x is above the cap of " + cap
                        + "x; lower the order's leverage to " + cap + "x or less");
    }
}
