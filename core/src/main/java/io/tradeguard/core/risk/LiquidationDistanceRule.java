package io.tradeguard.core.risk;

import io.tradeguard.core.model.Side;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A futures entry's stop-loss must lie before its liquidation price: a stop beyond it never fires, because the
 * venue liquidates the position first. The liquidation price is estimated for a new isolated position with
 * Binance's documented formula, LP = (WB − side·Q·EP) / (Q·MMR − side·Q) with the wallet WB the initial margin
 * Q·EP/L, which gives EP·(1 − 1/L)/(1 − MMR) for a long and EP·(1 + 1/L)/(1 + MMR) for a short. The maintenance
 * rate is taken at {@link #MAINTENANCE_RATE}, above the first bracket of the default symbols, so the estimate
 * errs toward an earlier liquidation (a cross position, backed by the whole wallet, liquidates later still).
 * Spot orders, exits and orders without a stop-loss pass.
 */
record LiquidationDistanceRule() implements PreTradeRule {

    /** Estimated maintenance margin rate (Binance's first BTCUSDT bracket is 0.4 %, others up to 1 %). */
    static final BigDecimal MAINTENANCE_RATE = new BigDecimal("0.01");

    @Override
    public RuleId id() {
        return RuleId.LIQUIDATION_DISTANCE;
    }

    /** The estimated liquidation price of a new isolated position entered at {@code entry}. */
    static BigDecimal liquidationPrice(Side side, BigDecimal entry, int leverage) {
        BigDecimal inverse = BigDecimal.ONE.divide(BigDecimal.valueOf(leverage), MathContext.DECIMAL64);
        return side == Side.BUY
                ? entry.multiply(BigDecimal.ONE.subtract(inverse)).divide(BigDecimal.ONE.subtract(MAINTENANCE_RATE), MathContext.DECIMAL64)
                : entry.multiply(BigDecimal.ONE.add(inverse)).divide(BigDecimal.ONE.add(MAINTENANCE_RATE), MathContext.DECIMAL64);
    }

    @Override
    public RuleResult check(OrderUnderCheck o) {
        BigDecimal stop = o.order().stopLoss();
        if (!o.futures() || stop == null) {
            return new RuleResult.Skipped(id(), RuleResult.Skipped.Why.NOT_APPLICABLE);
        }
        BigDecimal entry = o.price();
        BigDecimal liquidation = liquidationPrice(o.order().side(), entry, o.order().leverage());
        BigDecimal toLiquidation = entry.subtract(liquidation).abs().divide(entry, MathContext.DECIMAL64);
        BigDecimal toStop = entry.subtract(stop).abs().divide(entry, MathContext.DECIMAL64);
        Measure measure = Measure.max(toLiquidation, toStop, Measure.Unit.FRACTION);
        boolean beyond = o.order().side() == Side.BUY ? stop.compareTo(liquidation) <= 0 : stop.compareTo(liquidation) >= 0;
        return !beyond ? new RuleResult.Passed(id(), measure)
                : new RuleResult.Rejected(id(), measure, "the stop-loss " + stop.toPlainString() + " lies beyond the estimated"
                        + " liquidation price " + liquidation.setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString()
                        + " at " + o.order().leverage() + "x: the position would be liquidated before the stop fires;"
                        + " move the stop closer or lower the leverage");
    }
}
