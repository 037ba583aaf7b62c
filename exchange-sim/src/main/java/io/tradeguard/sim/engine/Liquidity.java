package io.tradeguard.sim.engine;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The simulator's own depth around the last price: {@code levels} price levels per side, the first
 * {@code spacingBips} away from the last price and each next one that much further, each worth
 * {@code quotePerLevel} of the quote asset. Takers sweep it after (or between) resting orders.
 */
public record Liquidity(int levels, int spacingBips, BigDecimal quotePerLevel) {
    public Liquidity {
        Objects.requireNonNull(quotePerLevel, "quotePerLevel");
        if (levels < 0 || levels > 1000 || spacingBips < 1 || spacingBips > 1000 || quotePerLevel.signum() < 0) {
            throw new IllegalArgumentException("liquidity: 0-1000 levels, 1-1000 bips apart, non-negative size");
        }
    }

    public static Liquidity defaults() {
        return new Liquidity(20, 2, new BigDecimal("50000"));
    }

    public static Liquidity none() {
        return new Liquidity(0, 1, BigDecimal.ZERO);
    }
}
