package io.tradeguard.core.risk;

import io.tradeguard.core.model.Side;

import java.math.BigDecimal;

/**
 * The account can pay for the order: a spot buy needs its value plus the taker fee in free quote, a spot
 * sell needs the base quantity, a futures order needs the initial margin (value / leverage) plus the fee.
 */
record FreeBalanceRule(boolean autoAdjust) implements PreTradeRule {

    @Override
    public RuleId id() {
        return RuleId.FREE_BALANCE;
    }

    @Override
    public RuleResult check(OrderUnderCheck o) {
        BigDecimal perUnit;
        Measure.Unit unit = Measure.Unit.AMOUNT;
        BigDecimal feePerUnit = o.price().multiply(o.context().takerFeeRate());
        if (o.futures()) {
            perUnit = Leverage.margin(o.price(), o.order().leverage()).add(feePerUnit);
        } else if (o.order().side() == Side.BUY) {
            perUnit = o.price().add(feePerUnit);
        } else {
            perUnit = BigDecimal.ONE;
            unit = Measure.Unit.BASE_QUANTITY;
        }
        BigDecimal free = o.context().freeBalance();
        Measure measure = Measure.max(free, perUnit.multiply(o.quantity()), unit);
        return measure.within() ? new RuleResult.Passed(id(), measure)
                : o.reduceOrReject(id(), measure, free, perUnit, autoAdjust);
    }
}
