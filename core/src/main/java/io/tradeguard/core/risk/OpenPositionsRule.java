package io.tradeguard.core.risk;

import java.math.BigDecimal;

/** An order that would open a new position may not take the count past the maximum (default 10). */
record OpenPositionsRule(int max) implements PreTradeRule {

    @Override
    public RuleId id() {
        return RuleId.OPEN_POSITIONS;
    }

    @Override
    public RuleResult check(OrderUnderCheck o) {
        Portfolio portfolio = o.context().portfolio();
        ProposedOrder order = o.order();
        boolean opensNew = !portfolio.hasPosition(order.market(), order.symbol(), order.side());
        int after = portfolio.size() + (opensNew ? 1 : 0);
        Measure measure = Measure.max(BigDecimal.valueOf(max), BigDecimal.valueOf(after), Measure.Unit.COUNT);
        return after <= max ? new RuleResult.Passed(id(), measure)
                : new RuleResult.Rejected(id(), measure, "close a position before opening another");
    }
}
