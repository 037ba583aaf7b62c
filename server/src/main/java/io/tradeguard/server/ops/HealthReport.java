package io.tradeguard.server.ops;

import io.tradeguard.server.api.ComponentHealth;
import io.tradeguard.server.api.HealthCheck;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /health}: each component's state and the worst of them. A check that throws counts as DOWN
 * (its message is not shown: it might carry internals).
 */
public record HealthReport(ComponentHealth.Status status, Map<String, ComponentHealth> components, Instant time) {

    public static HealthReport of(List<HealthCheck> checks, Instant now) {
        Map<String, ComponentHealth> components = new LinkedHashMap<>();
        for (HealthCheck check : checks) {
            ComponentHealth health;
            try {
                health = check.check();
            } catch (RuntimeException e) {
                health = new ComponentHealth(ComponentHealth.Status.DOWN, "the health check failed");
            }
            components.put(check.name(), health);
        }
        ComponentHealth.Status worst = components.values().stream().map(ComponentHealth::status)
                .max(Comparator.naturalOrder()).orElse(ComponentHealth.Status.UP);
        return new HealthReport(worst, Collections.unmodifiableMap(components), now);
    }

    public int httpStatus() {
        return switch (status) {
            case UP, DEGRADED -> 200;
            case DOWN -> 503;
        };
    }
}
