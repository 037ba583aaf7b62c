package io.tradeguard.core.risk;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a rule measured: the limit, the actual value and how close one is to the other.
 *
 * @param floor true when the limit is a minimum (account equity), false when it is a maximum
 */
public record Measure(BigDecimal limit, BigDecimal actual, Unit unit, boolean floor) {
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
     * actual / limit for a maximum, limit / actual for a minimum. Feeds only the advisory risk score, so
     * the ratio is taken in binary floating point (no decision depends on it; every pass, adjust or reject
     * compares the exact decimals). A value exactly at the limit is exactly 10 000.
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
        int exact = numerator.compareTo(denominator);
        if (exact == 0) {
            return 10_000;
        }
        double ratio = numerator.doubleValue() / denominator.doubleValue() * 10_000d;
        int bps = ratio >= MAX_BPS ? MAX_BPS : (int) Math.ceil(ratio);
        // keep the side of the limit exact: under it is below 10 000, over it above
        return exact < 0 ? Math.min(bps, 9_999) : Math.max(bps, 10_001);
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
