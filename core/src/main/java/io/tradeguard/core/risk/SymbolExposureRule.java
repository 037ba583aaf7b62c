package io.tradeguard.core.risk;

import java.math.BigDecimal;

/** What is already held on the symbol (every market, long and short) plus the order stays within a share of equity. */
record SymbolExposureRule(BigDecimal maxFraction, boolean autoAdjust) implements PreTradeRule {

    @Override
    public RuleId id() {
        return RuleId.SYMBOL_EXPOSURE;
    }

    @Override
    public RuleResult check(OrderUnderCheck o) {
        BigDecimal allowed = maxFraction.multiply(o.context().equity());
        BigDecimal held = o.context().portfolio().exposure(o.order().symbol());
        Measure measure = Measure.max(allowed, held.add(o.notional()), Measure.Unit.AMOUNT);
        return measure.within() ? new RuleResult.Passed(id(), measure)
                : o.reduceOrReject(id(), measure, allowed.subtract(held), o.price(), autoAdjust);
    }
}
