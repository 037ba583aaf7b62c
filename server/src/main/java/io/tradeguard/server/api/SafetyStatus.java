package io.tradeguard.server.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** {@code GET /api/trading-safety/status} (DESIGN.md §7 field names). */
public record SafetyStatus(boolean killSwitchActive, String killSwitchReason, BigDecimal dailyPnl, int tradesToday,
                           int consecutiveLosses, Instant lastReset, CircuitBreakerState circuitBreaker,
                           boolean emergencyHalt, SafetyConfiguration configuration) {
    public SafetyStatus {
        Objects.requireNonNull(dailyPnl, "dailyPnl");
        Objects.requireNonNull(circuitBreaker, "circuitBreaker");
        Objects.requireNonNull(configuration, "configuration");
    }

    public enum CircuitBreakerState {
        CLOSED, OPEN, HALF_OPEN
    }
}
