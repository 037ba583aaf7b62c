package io.tradeguard.server.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The safety service's limits (DESIGN.md §7 keys); percentages are fractions (0.05 = 5 %).
 *
 * @param minAccountBalance in the quote asset (USDT)
 */
public record SafetyConfiguration(BigDecimal maxPositionSizePct, BigDecimal dailyLossLimitPct, int maxConsecutiveLosses,
                                  BigDecimal minAccountBalance, BigDecimal maxSlippagePct, BigDecimal maxPortfolioHeat) {
    public SafetyConfiguration {
        Objects.requireNonNull(maxPositionSizePct, "maxPositionSizePct");
        Objects.requireNonNull(dailyLossLimitPct, "dailyLossLimitPct");
        Objects.requireNonNull(minAccountBalance, "minAccountBalance");
        Objects.requireNonNull(maxSlippagePct, "maxSlippagePct");
        Objects.requireNonNull(maxPortfolioHeat, "maxPortfolioHeat");
    }
}
