package io.tradeguard.core.risk;

import io.tradeguard.core.model.Side;
import io.tradeguard.core.venue.MaintenanceBracket;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * A futures entry's stop-loss must lie before its liquidation price: a stop beyond it never fires, because the
 * venue liquidates the position first. The liquidation price is that of the position the entry leads to (the open
 * one with the order added, or a new one), by Binance's one-way formula (binance-api.md §6.8) in the symbol's margin
 * type: see {@link LiquidationEstimate}. An isolated position is backed by its own margin, Q·EP/L for a new one; a
 * cross one by the cross wallet less the other cross positions' maintenance margin, plus their unrealized P&amp;L,
 * which usually puts it much further away. MMR and cum are those of the symbol's maintenance bracket that holds
 * the position's notional at the liquidation price. Where a figure is not known (brackets, wallet, margin type) the
 * position is estimated as isolated, at {@link #FALLBACK_MAINTENANCE_RATE} without brackets, and the refusal says
 * so. Spot orders, exits and orders without a stop-loss pass.
 */
record LiquidationDistanceRule() implements PreTradeRule {

    /** Maintenance rate assumed while the symbol's brackets are unknown (Binance's first BTCUSDT bracket is 0.4 %). */
    static final BigDecimal FALLBACK_MAINTENANCE_RATE = LiquidationEstimate.FALLBACK_MAINTENANCE_RATE;

    @Override
    public RuleId id() {
        return RuleId.LIQUIDATION_DISTANCE;
    }

    /** The estimated liquidation price of a new isolated position entered at {@code entry}, at the fallback rate. */
    static BigDecimal liquidationPrice(Side side, BigDecimal entry, int leverage) {
        return liquidationPrice(side, BigDecimal.ONE, entry, leverage, List.of());
    }

    /**
     * The estimated liquidation price of a new isolated position of {@code quantity} entered at {@code entry}, with
     * the maintenance bracket that holds its notional at that price; null when it cannot be liquidated (LP ≤ 0).
     */
    static BigDecimal liquidationPrice(Side side, BigDecimal quantity, BigDecimal entry, int leverage, List<MaintenanceBracket> brackets) {
        return LiquidationEstimate.liquidationPrice(side, quantity, entry,
                LiquidationEstimate.initialMargin(quantity, entry, leverage), brackets);
    }

    @Override
    public RuleResult check(OrderUnderCheck o) {
        BigDecimal stop = o.order().stopLoss();
        if (!o.futures() || stop == null) {
            return new RuleResult.Skipped(id(), RuleResult.Skipped.Why.NOT_APPLICABLE);
        }
        BigDecimal entry = o.price();
        LiquidationEstimate estimate = LiquidationEstimate.of(o.order(), entry, o.context());
        if (estimate == null) {
            // only reduces the open position: nothing grows that could be liquidated sooner
            return new RuleResult.Skipped(id(), RuleResult.Skipped.Why.NOT_APPLICABLE);
        }
        BigDecimal liquidation = estimate.price();
        BigDecimal toStop = entry.subtract(stop).abs().divide(entry, MathContext.DECIMAL64);
        if (liquidation == null) {
            // a long at low leverage (or on a large cross wallet) can have none: the stop always comes first
            return new RuleResult.Passed(id(), Measure.max(BigDecimal.ONE, toStop, Measure.Unit.FRACTION));
        }
        BigDecimal toLiquidation = entry.subtract(liquidation).abs().divide(entry, MathContext.DECIMAL64);
        Measure measure = Measure.max(toLiquidation, toStop, Measure.Unit.FRACTION);
        if (liquidation.signum() == 0) {
            return new RuleResult.Rejected(id(), measure, "the cross wallet " + money(estimate.crossWallet())
                    + " cannot carry this short: the account would be liquidated at once");
        }
        boolean beyond = o.order().side() == Side.BUY ? stop.compareTo(liquidation) <= 0 : stop.compareTo(liquidation) >= 0;
        return !beyond ? new RuleResult.Passed(id(), measure) : new RuleResult.Rejected(id(), measure, refusal(o, stop, estimate));
    }

    private static String refusal(OrderUnderCheck o, BigDecimal stop, LiquidationEstimate estimate) {
        StringBuilder why = new StringBuilder("the stop-loss ").append(stop.toPlainString())
                .append(" lies beyond the estimated liquidation price ").append(money(estimate.price()));
        String position = estimate.adds() ? "the position of " + estimate.quantity().stripTrailingZeros().toPlainString()
                + " after this order (average entry " + money(estimate.entryPrice()) + ")" : null;
        if (estimate.cross()) {
            why.append(" in cross margin (cross wallet ").append(money(estimate.crossWallet()));
            if (position != null) {
                why.append(", ").append(position);
            }
            return why.append("): the position would be liquidated before the stop fires; move the stop closer or reduce"
                    + " the position (in cross margin the leverage does not move the liquidation price)").toString();
        }
        why.append(" at ").append(o.order().leverage()).append('x');
        if (position != null) {
            why.append(" of ").append(position);
        }
        if (estimate.assumed() != null) {
            why.append(" (").append(estimate.assumed()).append(')');
        }
        return why.append(": the position would be liquidated before the stop fires; move the stop closer or lower the leverage")
                .toString();
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
