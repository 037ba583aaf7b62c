package io.tradeguard.server.api;

/**
 * One component of {@code /health}: engine, exchange connection, streams, database, last reconciliation.
 * {@link #check()} must answer quickly from state the component already has (no I/O).
 */
public interface HealthCheck {
    /** snake_case, e.g. {@code exchange_connection}. */
    String name();

    ComponentHealth check();
}
