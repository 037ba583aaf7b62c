package io.tradeguard.server.api;

import java.math.BigDecimal;
import java.util.Optional;

/** {@code PATCH /api/trading-safety/configuration}: only the keys given change. Validated by the REST layer. */
public record SafetyConfigurationPatch(Optional<BigDecimal> maxPositionSizePct, Optional<BigDecimal> dailyLossLimitPct,
                                       Optional<Integer> maxConsecutiveLosses, Optional<BigDecimal> minAccountBalance,
                                       Optional<BigDecimal> maxSlippagePct, Optional<BigDecimal> maxPortfolioHeat) {
    public boolean isEmpty() {
        return maxPositionSizePct.isEmpty() && dailyLossLimitPct.isEmpty() && maxConsecutiveLosses.isEmpty()
                && minAccountBalance.isEmpty() && maxSlippagePct.isEmpty() && maxPortfolioHeat.isEmpty();
    }
}
