package io.tradeguard.core.risk;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Initial margin per unit of value at a leverage, without a division on the hot path. */
final class Leverage {
    private static final MathContext UP = new MathContext(20, RoundingMode.CEILING);
    private static final BigDecimal[] RECIPROCALS = new BigDecimal[RiskConfig.HARD_MAX_LEVERAGE + 1];

    static {
        for (int i = 1; i < RECIPROCALS.length; i++) {
            RECIPROCALS[i] = BigDecimal.ONE.divide(BigDecimal.valueOf(i), UP);
        }
    }

    private Leverage() {
    }

    /** value / leverage, rounded up in the 20th digit (margin is never understated). */
    static BigDecimal margin(BigDecimal value, int leverage) {
        if (leverage == 1) {
            return value;
        }
        if (leverage < RECIPROCALS.length) {
            return value.multiply(RECIPROCALS[leverage]);
        }
        return value.divide(BigDecimal.valueOf(leverage), UP);
    }
}
