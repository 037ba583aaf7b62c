package io.tradeguard.core.risk;

import io.tradeguard.core.model.Side;
import io.tradeguard.core.venue.MaintenanceBracket;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * A futures entry's stop-loss must lie before its liquidation price: a stop beyond it never fires, because the
 * venue liquidates the position first. The liquidation price is estimated for a new isolated position with
 * Binance's documented one-way formula (binance-api.md §6.7), LP = (WB + cum − side·Q·EP) / (Q·MMR − side·Q), the
 * wallet WB the initial margin Q·EP/L, MMR and cum those of the symbol's maintenance bracket that holds the
 * position's notional at the liquidation price (when the notional at LP falls in another bracket than the one
 * tried, LP is computed again with that one). Without the symbol's brackets the rate is taken at
 * {@link #FALLBACK_MAINTENANCE_RATE}, above the first bracket of the default symbols. A cross position, backed by the
 * whole wallet, liquidates later still, so the estimate errs toward an earlier liquidation. Spot orders, exits and
 * orders without a stop-loss pass.
 */
record LiquidationDistanceRule() implements PreTradeRule {

    /** Maintenance rate assumed while the symbol's brackets are unknown (Binance's first BTCUSDT bracket is 0.4 %). */
    static final BigDecimal FALLBACK_MAINTENANCE_RATE = new BigDecimal("0.01");

    @Override
    public RuleId id() {
        return RuleId.LIQUIDATION_DISTANCE;
    }

    /** The estimated liquidation price of a new isolated position entered at {@code entry}, at the fallback rate. */
    static BigDecimal liquidationPrice(Side side, BigDecimal entry, int leverage) {
        return liquidationPrice(side, BigDecimal.ONE, entry, leverage, FALLBACK_MAINTENANCE_RATE, BigDecimal.ZERO);
    }

    /**
     * The estimated liquidation price of a new isolated position of {@code quantity} entered at {@code entry}, with
     * the maintenance bracket that holds its notional at that price; null when it cannot be liquidated (LP ≤ 0).
     */
    static BigDecimal liquidationPrice(Side side, BigDecimal quantity, BigDecimal entry, int leverage, List<MaintenanceBracket> brackets) {
        if (brackets.isEmpty()) {
            return liquidationPrice(side, quantity, entry, leverage, FALLBACK_MAINTENANCE_RATE, BigDecimal.ZERO);
        }
        MaintenanceBracket bracket = bracketOf(brackets, quantity.multiply(entry));
        BigDecimal price = null;
        // each try moves to the bracket of the notional at the price found; the brackets are few, so this ends
        for (int tries = 0; tries <= brackets.size(); tries++) {
            price = liquidationPrice(side, quantity, entry, leverage, bracket.maintMarginRatio(), bracket.maintAmount());
            if (price == null) {
                return null;
            }
            MaintenanceBracket at = bracketOf(brackets, quantity.multiply(price));
            if (at.equals(bracket)) {
                return price;
            }
            bracket = at;
        }
        return price;
    }

    /** LP = (Q·EP/L + cum − side·Q·EP) / (Q·MMR − side·Q); null when not positive. */
    static BigDecimal liquidationPrice(Side side, BigDecimal quantity, BigDecimal entry, int leverage, BigDecimal rate,
                                       BigDecimal cum) {
        BigDecimal sign = side == Side.BUY ? BigDecimal.ONE : BigDecimal.ONE.negate();
        BigDecimal notional = quantity.multiply(entry);
        BigDecimal wallet = notional.divide(BigDecimal.valueOf(leverage), MathContext.DECIMAL64);
        BigDecimal numerator = wallet.add(cum).subtract(sign.multiply(notional));
        BigDecimal denominator = quantity.multiply(rate).subtract(sign.multiply(quantity));
        BigDecimal price = numerator.divide(denominator, MathContext.DECIMAL64);
        return price.signum() > 0 ? price : null;
    }

    /** The bracket holding this notional: below the first floor the first, above the last cap the last. */
    private static MaintenanceBracket bracketOf(List<MaintenanceBracket> brackets, BigDecimal notional) {
        for (MaintenanceBracket b : brackets) {
            if (b.holds(notional)) {
                return b;
            }
        }
        return notional.compareTo(brackets.getFirst().notionalFloor()) < 0 ? brackets.getFirst() : brackets.getLast();
    }

    @Override
    public RuleResult check(OrderUnderCheck o) {
        BigDecimal stop = o.order().stopLoss();
        if (!o.futures() || stop == null) {
            return new RuleResult.Skipped(id(), RuleResult.Skipped.Why.NOT_APPLICABLE);
        }
        BigDecimal entry = o.price();
        List<MaintenanceBracket> brackets = o.context().brackets();
        BigDecimal liquidation = liquidationPrice(o.order().side(), o.order().quantity(), entry, o.order().leverage(), brackets);
        if (liquidation == null) {
            // a short's LP is always positive; a long at low leverage can have none: the stop always comes first
            return new RuleResult.Passed(id(), Measure.max(BigDecimal.ONE, entry.subtract(stop).abs().divide(entry,
                    MathContext.DECIMAL64), Measure.Unit.FRACTION));
        }
        BigDecimal toLiquidation = entry.subtract(liquidation).abs().divide(entry, MathContext.DECIMAL64);
        BigDecimal toStop = entry.subtract(stop).abs().divide(entry, MathContext.DECIMAL64);
        Measure measure = Measure.max(toLiquidation, toStop, Measure.Unit.FRACTION);
        boolean beyond = o.order().side() == Side.BUY ? stop.compareTo(liquidation) <= 0 : stop.compareTo(liquidation) >= 0;
        return !beyond ? new RuleResult.Passed(id(), measure)
                : new RuleResult.Rejected(id(), measure, "the stop-loss " + stop.toPlainString() + " lies beyond the estimated"
                        + " liquidation price " + liquidation.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString()
                        + " at " + o.order().leverage() + "x" + (brackets.isEmpty() ? " (maintenance brackets not known yet: "
                        + FALLBACK_MAINTENANCE_RATE.movePointRight(2).stripTrailingZeros().toPlainString() + " % assumed)" : "")
                        + ": the position would be liquidated before the stop fires; move the stop closer or lower the leverage");
    }
}
