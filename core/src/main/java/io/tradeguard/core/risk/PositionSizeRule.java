package io.tradeguard.core.risk;

import java.math.BigDecimal;

/** The order's value is at most a share of equity (default 10 %). */
record PositionSizeRule(BigDecimal maxFraction, boolean autoAdjust) implements PreTradeRule {

    @Override
    public RuleId id() {
        return RuleId.POSITION_SIZE;
    }

    @Override
    public RuleResult check(OrderUnderCheck o) {
        BigDecimal allowed = maxFraction.multiply(o.context().equity());
        Measure measure = Measure.max(allowed, o.notional(), Measure.Unit.AMOUNT);
        return measure.within() ? new RuleResult.Passed(id(), measure)
                : o.reduceOrReject(id(), measure, allowed, o.price(), autoAdjust);
    }
}
