package io.tradeguard.core.risk;

import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * A market order's expected average fill, walking the book (asks for a buy, bids for a sell), may differ
 * from the last price by at most a fraction (default 0.5 %) against the order. Over it the order is
 * rejected or, per configuration, sent as a limit order at the last price ± the limit.
 */
record SlippageRule(BigDecimal maxFraction, SlippageAction action) implements PreTradeRule {
    private static final MathContext RATIO = new MathContext(8, RoundingMode.HALF_EVEN);

    @Override
    public RuleId id() {
        return RuleId.SLIPPAGE;
    }

    @Override
    public RuleResult check(OrderUnderCheck o) {
        ProposedOrder order = o.order();
        if (order.type() != OrderType.MARKET) {
            return new RuleResult.Skipped(id(), RuleResult.Skipped.Why.NOT_APPLICABLE);
        }
        OrderBookView book = o.context().book();
        if (book == null) {
            return new RuleResult.Rejected(id(), null, "the order book of " + order.symbol()
                    + " is unknown (no fresh book from the exchange), so the fill of a market order cannot be estimated;"
                    + " use a limit order or try again when the book is known");
        }
        boolean buy = order.side() == Side.BUY;
        List<BookLevel> levels = buy ? book.asks() : book.bids();
        BigDecimal remaining = order.quantity();
        BigDecimal cost = BigDecimal.ZERO;
        for (int i = 0; i < levels.size() && remaining.signum() > 0; i++) {
            BookLevel level = levels.get(i);
            BigDecimal take = remaining.min(level.quantity());
            cost = cost.add(take.multiply(level.price()));
            remaining = remaining.subtract(take);
        }
        if (remaining.signum() > 0) {
            return new RuleResult.Rejected(id(), null, "the visible book holds only "
                    + order.quantity().subtract(remaining).stripTrailingZeros().toPlainString() + " of the "
                    + order.quantity().stripTrailingZeros().toPlainString() + " wanted; use a limit order or a smaller quantity");
        }
        BigDecimal last = o.context().lastPrice();
        BigDecimal reference = last.multiply(order.quantity());
        BigDecimal adverse = buy ? cost.subtract(reference) : reference.subtract(cost);
        // in money, so that no division is needed: the cost above the last price against the allowed cost
        Measure measure = Measure.max(maxFraction.multiply(reference), adverse.max(BigDecimal.ZERO), Measure.Unit.AMOUNT);
        if (measure.within()) {
            return new RuleResult.Passed(id(), measure);
        }
        String share = adverse.divide(reference, RATIO).movePointRight(2).stripTrailingZeros().toPlainString() + "% against "
                + maxFraction.movePointRight(2).stripTrailingZeros().toPlainString() + "% allowed";
        return switch (action) {
            case REJECT -> new RuleResult.Rejected(id(), measure, share + "; the book is too thin for a market order of this size");
            case CONVERT_TO_LIMIT -> new RuleResult.ConvertedToLimit(id(), measure, worstAllowedPrice(buy, last, order.tickSize()));
        };
    }

    /** Last price moved by the limit against the order, rounded to the tick towards the last price. */
    private BigDecimal worstAllowedPrice(boolean buy, BigDecimal last, BigDecimal tick) {
        BigDecimal price = buy ? last.multiply(BigDecimal.ONE.add(maxFraction)) : last.multiply(BigDecimal.ONE.subtract(maxFraction));
        if (tick.signum() == 0) {
            return price;
        }
        RoundingMode towardsLast = buy ? RoundingMode.FLOOR : RoundingMode.CEILING;
        return price.divide(tick, 0, towardsLast).multiply(tick);
    }
}
