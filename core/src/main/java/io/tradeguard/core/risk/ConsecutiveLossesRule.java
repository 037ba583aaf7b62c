package io.tradeguard.core.risk;

import java.math.BigDecimal;

/** After {@code max} losing round trips in a row (default 3) no new entry is allowed until a reset. */
record ConsecutiveLossesRule(int max) implements PreTradeRule {

    @Override
    public RuleId id() {
        return RuleId.CONSECUTIVE_LOSSES;
    }

    @Override
    public RuleResult check(OrderUnderCheck o) {
        int losses = o.context().consecutiveLosses();
        Measure measure = Measure.max(BigDecimal.valueOf(max), BigDecimal.valueOf(losses), Measure.Unit.COUNT);
        return losses < max ? new RuleResult.Passed(id(), measure)
                : new RuleResult.Rejected(id(), measure, "too many losing trades in a row; an admin reset resumes trading");
    }
}
