package io.tradeguard.core.risk;

import java.math.BigDecimal;

/** The order's value is at most an absolute amount of quote (default 1,000 USDT). */
record PositionSizeCapRule(BigDecimal cap, boolean autoAdjust) implements PreTradeRule {

    @Override
    public RuleId id() {
        return RuleId.POSITION_SIZE_CAP;
    }

    @Override
    public RuleResult check(OrderUnderCheck o) {
        Measure measure = Measure.max(cap, o.notional(), Measure.Unit.AMOUNT);
        return measure.within() ? new RuleResult.Passed(id(), measure)
                : o.reduceOrReject(id(), measure, cap, o.price(), autoAdjust);
    }
}
