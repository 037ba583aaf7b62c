package io.tradeguard.app.service;

import io.tradeguard.core.engine.Engine;
import io.tradeguard.core.guard.TradingGuards;
import io.tradeguard.server.api.ComponentHealth;
import io.tradeguard.server.api.ComponentHealth.Status;
import io.tradeguard.server.api.HealthCheck;

import java.util.List;
import java.util.function.Supplier;

/** The components of {@code /health}: engine, exchange connection, streams, database, last reconciliation. */
final class HealthChecks {
    private HealthChecks() {
    }

    static List<HealthCheck> all(Engine engine, EventFeed feed, History history, TradingGuards guards) {
        return List.of(
                check("engine", () -> engine.lifecycle() == Engine.Lifecycle.RUNNING
                        ? new ComponentHealth(Status.UP, "running")
                        : new ComponentHealth(Status.DOWN, "engine is " + engine.lifecycle().name().toLowerCase())),
                check("exchange_connection", () -> switch (guards.status().circuitBreaker()) {
                    case CLOSED -> new ComponentHealth(Status.UP, "connected; circuit breaker closed");
                    case HALF_OPEN -> new ComponentHealth(Status.DEGRADED, "circuit breaker half open: probing the exchange");
                    case OPEN -> new ComponentHealth(Status.DOWN, "circuit breaker open: calls to the exchange are paused");
                }),
                check("streams", () -> feed.lostConnection()
                        .map(stream -> new ComponentHealth(Status.DEGRADED, stream + " is reconnecting"))
                        .orElse(new ComponentHealth(Status.UP, "user data and price streams connected"))),
                check("database", () -> {
                    try {
                        history.ping();
                        return new ComponentHealth(Status.UP, "reachable");
                    } catch (Exception e) {
                        return new ComponentHealth(Status.DOWN, "not reachable: " + e.getMessage());
                    }
                }),
                check("last_reconciliation", () -> feed.lastReconciliation()
                        .map(r -> r.unresolved() == 0
                                ? new ComponentHealth(Status.UP, "at " + r.at())
                                : new ComponentHealth(Status.DEGRADED, "at " + r.at() + " with " + r.unresolved() + " unresolved differences"))
                        .orElse(new ComponentHealth(Status.UP, "none since start (the start-up sync ran)"))));
    }

    private static HealthCheck check(String name, Supplier<ComponentHealth> probe) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ComponentHealth check() {
                return probe.get();
            }
        };
    }
}
