package io.tradeguard.core.instrument;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Decimal grid arithmetic: a value lies on a grid of step {@code s} when {@code value % s == 0}, the
 * rule Binance applies to tick and step sizes. A zero step means "no grid".
 */
final class Steps {
    private Steps() {
    }

    /** The multiple of {@code step} nearest to {@code value} in the given direction (FLOOR or CEILING). */
    static BigDecimal toGrid(BigDecimal value, BigDecimal step, RoundingMode mode) {
        if (step.signum() == 0) {
            return value;
        }
        BigDecimal steps = value.divide(step, 0, mode);
        return plain(steps.multiply(step).setScale(Math.max(0, step.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY));
    }

    static boolean onGrid(BigDecimal value, BigDecimal step) {
        return step.signum() == 0 || value.remainder(step).signum() == 0;
    }

    /** The coarsest grid both steps agree on (their least common multiple); zero steps are ignored. */
    static BigDecimal common(BigDecimal a, BigDecimal b) {
        if (a.signum() == 0) {
            return b;
        }
        if (b.signum() == 0 || a.compareTo(b) == 0) {
            return a;
        }
        int scale = Math.max(a.stripTrailingZeros().scale(), b.stripTrailingZeros().scale());
        BigInteger x = a.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
        BigInteger y = b.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
        BigInteger lcm = x.divide(x.gcd(y)).multiply(y);
        return new BigDecimal(lcm, scale);
    }

    /** No exponent when printed, no needless trailing zeros beyond the grid's scale. */
    private static BigDecimal plain(BigDecimal value) {
        return value.scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY) : value;
    }
}
