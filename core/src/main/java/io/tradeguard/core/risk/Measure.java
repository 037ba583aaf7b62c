package io.tradeguard.core.risk;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * What a rule measured: the limit, the actual value and how close one is to the other.
 *
 * @param floor true when the limit is a minimum (account equity), false when it is a maximum
 */
public record Measure(BigDecimal limit, BigDecimal actual, Unit unit, boolean floor) {
    private static final BigDecimal BPS = BigDecimal.valueOf(10_000);
    private static final MathContext SCORE_PRECISION = new MathContext(6, RoundingMode.CEILING);
    /** Utilisation is reported up to 200 % of the limit. */
    static final int MAX_BPS = 20_000;

    /** How values are written in a sentence. */
    public enum Unit { AMOUNT, BASE_QUANTITY, FRACTION, COUNT, LEVERAGE }

    public Measure {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(unit, "unit");
    }

    static Measure max(BigDecimal limit, BigDecimal actual, Unit unit) {
        return new Measure(limit, actual, unit, false);
    }

    /** Room left before the limit: positive while within it, negative when over. */
    public BigDecimal margin() {
        return floor ? actual.subtract(limit) : limit.subtract(actual);
    }

    public boolean within() {
        return margin().signum() >= 0;
    }

    /**
     * How much of the limit is used, in basis points (10 000 = at the limit), clamped to 0..20 000:
     * actual / limit for a maximum, limit / actual for a minimum.
     */
    public int utilisationBps() {
        BigDecimal numerator = floor ? limit : actual;
        BigDecimal denominator = floor ? actual : limit;
        if (numerator.signum() <= 0) {
            return 0;
        }
        if (denominator.signum() <= 0) {
            return MAX_BPS;
        }
        BigDecimal ratio = numerator.multiply(BPS).divide(denominator, SCORE_PRECISION);
        return ratio.compareTo(BigDecimal.valueOf(MAX_BPS)) >= 0 ? MAX_BPS : ratio.setScale(0, RoundingMode.CEILING).intValue();
    }

    String describe(BigDecimal value) {
        return switch (unit) {
            case AMOUNT, BASE_QUANTITY -> value.stripTrailingZeros().toPlainString();
            case FRACTION -> value.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
            case COUNT -> value.stripTrailingZeros().toPlainString();
            case LEVERAGE -> value.stripTrailingZeros().toPlainString() + "x";
        };
    }

    /** "1200 against a limit of 1000, over by 200" in the measure's unit. */
    String sentence() {
        BigDecimal m = margin();
        String bound = floor ? "a minimum of " : "a limit of ";
        return describe(actual) + " against " + bound + describe(limit)
                + (m.signum() >= 0 ? ", " + describe(m) + " to spare" : ", past it by " + describe(m.negate()));
    }
}
