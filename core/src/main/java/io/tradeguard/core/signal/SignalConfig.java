package io.tradeguard.core.signal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * What the decider needs to know besides the signal.
 *
 * @param confidenceThreshold      signals below it are recorded and skipped (default 0.7)
 * @param sizing                   fixed notional (default 200 USDT) or risk-based
 * @param defaultFuturesLeverage   used when a futures signal names none (default 10)
 * @param maxLeverage              signals asking for more are refused, not capped (default 20, the hard cap)
 * @param defaultStopLossPercent   stop distance from the entry when the signal names none (default 2)
 * @param defaultTakeProfitPercent target distance from the entry when the signal names none (default 5)
 * @param maxSignalAge             older signals are not traded: the market has moved on (default 5 min)
 */
public record SignalConfig(BigDecimal confidenceThreshold, SignalSizing sizing, int defaultFuturesLeverage,
                           int maxLeverage, BigDecimal defaultStopLossPercent, BigDecimal defaultTakeProfitPercent,
                           Duration maxSignalAge) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public SignalConfig {
        if (confidenceThreshold == null || confidenceThreshold.signum() < 0 || confidenceThreshold.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("signal confidence threshold must be from 0 to 1, was " + confidenceThreshold);
        }
        Objects.requireNonNull(sizing, "sizing");
        if (maxLeverage < 1 || maxLeverage > Signal.MAX_VENUE_LEVERAGE) {
            throw new IllegalArgumentException("max leverage must be from 1 to " + Signal.MAX_VENUE_LEVERAGE + ", was " + maxLeverage);
        }
        if (defaultFuturesLeverage < 1 || defaultFuturesLeverage > maxLeverage) {
            throw new IllegalArgumentException("default futures leverage must be from 1 to the max leverage "
                    + maxLeverage + ", was " + defaultFuturesLeverage);
        }
        requirePercent(defaultStopLossPercent, "default stop-loss percent");
        requirePercent(defaultTakeProfitPercent, "default take-profit percent");
        if (maxSignalAge == null || maxSignalAge.isNegative() || maxSignalAge.isZero()) {
            throw new IllegalArgumentException("max signal age must be positive, was " + maxSignalAge);
        }
    }

    /** The defaults of DESIGN.md section 4. */
    public static SignalConfig defaults() {
        return new SignalConfig(new BigDecimal("0.7"), new SignalSizing.FixedNotional(new BigDecimal("200")), 10, 20,
                new BigDecimal("2"), new BigDecimal("5"), Duration.ofMinutes(5));
    }

    public SignalConfig withSizing(SignalSizing newSizing) {
        return new SignalConfig(confidenceThreshold, newSizing, defaultFuturesLeverage, maxLeverage,
                defaultStopLossPercent, defaultTakeProfitPercent, maxSignalAge);
    }

    public SignalConfig withConfidenceThreshold(BigDecimal threshold) {
        return new SignalConfig(threshold, sizing, defaultFuturesLeverage, maxLeverage,
                defaultStopLossPercent, defaultTakeProfitPercent, maxSignalAge);
    }

    private static void requirePercent(BigDecimal value, String name) {
        // 100% or more would put a long's stop at or below zero
        if (value == null || value.signum() <= 0 || value.compareTo(HUNDRED) >= 0) {
            throw new IllegalArgumentException(name + " must be above 0 and below 100, was " + value);
        }
    }
}
