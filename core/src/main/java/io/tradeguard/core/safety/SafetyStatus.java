package io.tradeguard.core.safety;

import io.tradeguard.core.risk.RiskConfig;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * The safety status of {@code GET /api/trading-safety/status}, with the field names of DESIGN.md
 * section 7 (the HTTP layer writes them in snake_case).
 */
public record SafetyStatus(boolean killSwitchActive, String killSwitchReason, BigDecimal dailyPnl, int tradesToday,
                           int consecutiveLosses, Instant lastReset, CircuitBreaker.Status circuitBreaker,
                           boolean emergencyHalt, Map<String, String> configuration) {

    public SafetyStatus {
        configuration = Map.copyOf(configuration);
    }

    public static SafetyStatus of(KillSwitchState killSwitch, CircuitBreakerState breaker, EmergencyStopState halt,
                                  RiskConfig config) {
        return new SafetyStatus(killSwitch.active(), killSwitch.reason(), killSwitch.dailyPnl(), killSwitch.tradesToday(),
                killSwitch.consecutiveLosses(), killSwitch.lastReset(), breaker.status(), halt.halted(),
                config.asKeyValues());
    }
}
