package io.tradeguard.core.testing;

import org.quicktheories.core.Gen;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.quicktheories.generators.SourceDSL.longs;

/** Decimal generators for the property tests: exact values on a grid, never a double on the way. */
public final class Decimals {
    private Decimals() {
    }

    /**
     * Decimals from {@code min} to {@code max} (both included) with exactly {@code scale} fraction digits. Drawn as
     * the unscaled long, so QuickTheories tries the bounds first and shrinks towards zero (or the bound nearest it).
     */
    public static Gen<BigDecimal> between(BigDecimal min, BigDecimal max, int scale) {
        long low = min.setScale(scale, RoundingMode.CEILING).unscaledValue().longValueExact();
        long high = max.setScale(scale, RoundingMode.FLOOR).unscaledValue().longValueExact();
        return longs().between(low, high).map(unscaled -> BigDecimal.valueOf(unscaled, scale));
    }
}
