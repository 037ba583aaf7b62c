package io.tradeguard.sim.futures;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The formulas of binance-api.md §6.8, in decimals, nothing else. Quantities are signed (+ long, − short
 * in one-way mode); results that need a division are rounded half-up to {@link #SCALE} decimals.
 */
public final class Margin {
    /** Decimals of every derived amount or price (Binance shows 8). */
    public static final int SCALE = 8;

    private Margin() {
    }

    public static BigDecimal round(BigDecimal v) {
        return v.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** positionSize × direction × (mark − entry), with the size signed. */
    public static BigDecimal unrealizedPnl(BigDecimal amt, BigDecimal entry, BigDecimal mark) {
        return amt.multiply(mark.subtract(entry));
    }

    /** |amt| × price: the position's notional at that price. */
    public static BigDecimal notional(BigDecimal amt, BigDecimal price) {
        return amt.abs().multiply(price);
    }

    /** notional × IMR = notional / leverage. */
    public static BigDecimal initialMargin(BigDecimal amt, BigDecimal price, int leverage) {
        return round(notional(amt, price).divide(BigDecimal.valueOf(leverage), SCALE + 4, RoundingMode.HALF_UP));
    }

    /** notional × MMR − cum, from the bracket of the notional. */
    public static BigDecimal maintenanceMargin(Brackets brackets, String symbol, BigDecimal amt, BigDecimal mark) {
        BigDecimal n = notional(amt, mark);
        if (n.signum() == 0) {
            return BigDecimal.ZERO;
        }
        Brackets.Bracket b = brackets.forNotional(symbol, n);
        return n.multiply(b.maintMarginRatio()).subtract(b.cum());
    }

    /** unrealized P&amp;L / (|amt| × mark × IMR), as a ratio (−0.5 = −50 %). */
    public static BigDecimal roe(BigDecimal amt, BigDecimal entry, BigDecimal mark, int leverage) {
        BigDecimal im = notional(amt, mark).divide(BigDecimal.valueOf(leverage), SCALE + 8, RoundingMode.HALF_UP);
        if (im.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return unrealizedPnl(amt, entry, mark).divide(im, SCALE, RoundingMode.HALF_UP);
    }

    /**
     * Liquidation price of a one-way position (§6.8):
     * LP = (WB − TMM1 + UPNL1 + cum − side × q × EP) / (q × MMR − side × q), with the bracket chosen so that
     * the notional at LP lies in it. {@code walletBalance} is the isolated wallet (isolated) or the cross
     * wallet balance (cross); {@code otherMaint}/{@code otherUpnl} are those of every other cross position
     * (0 when isolated). Returns 0 when there is no position or no positive price.
     */
    public static BigDecimal liquidationPrice(Brackets brackets, String symbol, BigDecimal amt, BigDecimal entry,
                                              BigDecimal walletBalance, BigDecimal otherMaint, BigDecimal otherUpnl) {
        if (amt.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal q = amt.abs();
        BigDecimal side = BigDecimal.valueOf(amt.signum());
        BigDecimal sideQ = side.multiply(q);
        BigDecimal base = walletBalance.subtract(otherMaint).add(otherUpnl).subtract(sideQ.multiply(entry));
        BigDecimal fallback = null;
        for (Brackets.Bracket b : brackets.of(symbol)) {
            BigDecimal denominator = q.multiply(b.maintMarginRatio()).subtract(sideQ);
            if (denominator.signum() == 0) {
                continue;
            }
            BigDecimal lp = base.add(b.cum()).divide(denominator, SCALE + 4, RoundingMode.HALF_UP);
            if (lp.signum() <= 0) {
                return BigDecimal.ZERO;
            }
            BigDecimal n = q.multiply(lp);
            if (fallback == null) {
                fallback = lp;
            }
            if (n.compareTo(b.notionalFloor()) >= 0 && n.compareTo(b.notionalCap()) < 0) {
                return round(lp);
            }
        }
        return fallback == null ? BigDecimal.ZERO : round(fallback);
    }
}
