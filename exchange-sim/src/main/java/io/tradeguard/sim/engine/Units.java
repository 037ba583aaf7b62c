package io.tradeguard.sim.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Fixed-point arithmetic of the engine. Asset amounts are longs of 1e-8 (Binance shows 8 decimals);
 * prices and quantities are longs at their symbol's scale. Never a double.
 */
public final class Units {
    /** Scale of every asset amount (balances, notionals, commissions). */
    public static final int ASSET_SCALE = 8;

    private static final long[] POW10 = new long[19];

    static {
        long p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private Units() {
    }

    public static long pow10(int n) {
        return POW10[n];
    }

    /** floor(a * b / c) for non-negative a, b and positive c, exact even when a * b overflows. */
    public static long mulDivFloor(long a, long b, long c) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if (hi == 0 && lo >= 0) {
            return lo / c;
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
    }

    /** ceil(a * b / c) for non-negative a, b and positive c. */
    public static long mulDivCeil(long a, long b, long c) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if (hi == 0 && lo >= 0) {
            return lo / c + (lo % c == 0 ? 0 : 1);
        }
        BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(c));
        return qr[0].longValueExact() + (qr[1].signum() == 0 ? 0 : 1);
    }

    /** The decimal as a long at {@code scale}; throws ArithmeticException when it has more decimals or overflows. */
    public static long toUnits(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    public static BigDecimal toDecimal(long units, int scale) {
        return BigDecimal.valueOf(units, scale);
    }

    /** Binance's text form: a plain decimal with 8 places ("0.10000000"). */
    public static String text(long units, int scale) {
        return BigDecimal.valueOf(units, scale).setScale(ASSET_SCALE, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** Asset amount text (scale 8). */
    public static String asset(long units) {
        return text(units, ASSET_SCALE);
    }
}
