package io.tradeguard.core.risk;

import java.math.BigDecimal;

/**
 * Portfolio heat: the sum of the losses every open position would take at its stop, plus this order's
 * worst loss, stays within a share of equity (default 30 %).
 */
record PortfolioHeatRule(BigDecimal maxFraction, boolean autoAdjust) implements PreTradeRule {

    @Override
    public RuleId id() {
        return RuleId.PORTFOLIO_HEAT;
    }

    @Override
    public RuleResult check(OrderUnderCheck o) {
        BigDecimal allowed = maxFraction.multiply(o.context().equity());
        BigDecimal heat = o.context().portfolio().lossToStops();
        Measure measure = Measure.max(allowed, heat.add(o.worstLoss()), Measure.Unit.AMOUNT);
        return measure.within() ? new RuleResult.Passed(id(), measure)
                : o.reduceOrReject(id(), measure, allowed.subtract(heat), o.worstLossPerUnit(), autoAdjust);
    }
}
