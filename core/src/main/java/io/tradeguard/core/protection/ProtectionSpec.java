package io.tradeguard.core.protection;

import io.tradeguard.core.risk.RiskConfig;

import java.math.BigDecimal;

/**
 * How far from the entry the protection goes: distances as fractions of the average entry price (defaults
 * 2 % / 5 %), or prices given with the order or signal, which win over the distances.
 *
 * @param stopLossPrice   explicit stop-loss price, or null to use the distance
 * @param takeProfitPrice explicit take-profit price, or null to use the distance
 */
public record ProtectionSpec(BigDecimal stopLossPct, BigDecimal takeProfitPct, BigDecimal stopLossPrice,
                             BigDecimal takeProfitPrice) {

    public ProtectionSpec {
        if (stopLossPrice == null && (stopLossPct == null || stopLossPct.signum() <= 0 || stopLossPct.compareTo(BigDecimal.ONE) >= 0)) {
            throw new IllegalArgumentException("stop-loss distance must be a fraction above 0 and below 1");
        }
        if (takeProfitPrice == null && (takeProfitPct == null || takeProfitPct.signum() <= 0)) {
            throw new IllegalArgumentException("take-profit distance must be a fraction above 0");
        }
        if (stopLossPrice != null && stopLossPrice.signum() <= 0 || takeProfitPrice != null && takeProfitPrice.signum() <= 0) {
            throw new IllegalArgumentException("protection prices must be positive");
        }
    }

    public static ProtectionSpec defaults(RiskConfig config) {
        return new ProtectionSpec(config.defaultStopLossPct(), config.defaultTakeProfitPct(), null, null);
    }

    /** The order's or signal's own prices over the defaults; either may be null. */
    public ProtectionSpec withPrices(BigDecimal stopLoss, BigDecimal takeProfit) {
        return new ProtectionSpec(stopLossPct, takeProfitPct, stopLoss, takeProfit);
    }
}
