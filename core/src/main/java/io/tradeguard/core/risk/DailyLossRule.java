package io.tradeguard.core.risk;

import java.math.BigDecimal;

/**
 * Today's loss in the worst case stays within the daily limit: the realized P&L since the start of the
 * day, plus what every open position would realize at its stop (with the fees of its round trip), plus
 * this order's worst loss. Counting the
 * open positions' stops means that, as long as exits happen at their stops, the day's realized loss cannot
 * pass the limit; a gap through a stop can push it past by at most that one position's extra loss.
 *
 * @param value            the limit: a fraction of start-of-day equity, or an absolute amount
 * @param ofStartEquity    whether {@code value} is a fraction of start-of-day equity
 */
record DailyLossRule(RuleId id, BigDecimal value, boolean ofStartEquity, boolean autoAdjust) implements PreTradeRule {

    DailyLossRule {
        if (id != RuleId.DAILY_LOSS && id != RuleId.DAILY_LOSS_CAP) {
            throw new IllegalArgumentException("not a daily loss rule: " + id);
        }
    }

    @Override
    public RuleResult check(OrderUnderCheck o) {
        RiskContext context = o.context();
        BigDecimal allowed = ofStartEquity ? value.multiply(context.startOfDayEquity()) : value;
        Portfolio portfolio = context.portfolio();
        BigDecimal committed = context.realizedPnlToday().add(portfolio.pnlAtStops()).negate()
                .add(context.takerFeeRate().multiply(portfolio.feeBase()));
        Measure measure = Measure.max(allowed, committed.add(o.worstLoss()), Measure.Unit.AMOUNT);
        if (measure.within()) {
            return new RuleResult.Passed(id, measure);
        }
        if (committed.compareTo(allowed) >= 0) {
            return new RuleResult.Rejected(id, measure,
                    "the daily loss limit is used up by today's losses and the open positions' stops; no new entries until 00:00 UTC");
        }
        return o.reduceOrReject(id, measure, allowed.subtract(committed), o.worstLossPerUnit(), autoAdjust);
    }
}
