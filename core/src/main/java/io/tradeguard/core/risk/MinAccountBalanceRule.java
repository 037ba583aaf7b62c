package io.tradeguard.core.risk;

import java.math.BigDecimal;

/** No new entry once equity is below the minimum (default 100 USDT). */
record MinAccountBalanceRule(BigDecimal minimum) implements PreTradeRule {

    @Override
    public RuleId id() {
        return RuleId.MIN_ACCOUNT_BALANCE;
    }

    @Override
    public RuleResult check(OrderUnderCheck o) {
        Measure measure = new Measure(minimum, o.context().equity(), Measure.Unit.AMOUNT, true);
        return measure.within() ? new RuleResult.Passed(id(), measure)
                : new RuleResult.Rejected(id(), measure, "the account is below its minimum balance");
    }
}
