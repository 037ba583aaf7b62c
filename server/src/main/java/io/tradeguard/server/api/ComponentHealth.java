package io.tradeguard.server.api;

import java.util.Objects;

/** The state of one part of the service, as {@code /health} reports it. */
public record ComponentHealth(Status status, String detail) {
    public ComponentHealth {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    /** Ordered from best to worst. */
    public enum Status {
        UP, DEGRADED, DOWN
    }
}
