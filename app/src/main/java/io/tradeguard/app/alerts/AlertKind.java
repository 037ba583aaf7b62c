package io.tradeguard.app.alerts;

/** The events worth waking the user for. */
public enum AlertKind {
    KILL_SWITCH, CIRCUIT_BREAKER, EMERGENCY_STOP, CONNECTION_LOST, LIQUIDATION, DAILY_LOSS_WARNING, LARGE_FILL
}
