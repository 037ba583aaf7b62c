package io.tradeguard.server.api;

import java.time.Instant;
import java.util.Objects;

/** What an emergency stop did: orders cancelled, positions flattened, halt persisted. */
public record EmergencyStopReport(int ordersCancelled, int positionsClosed, String reason, Instant haltedAt) {
    public EmergencyStopReport {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(haltedAt, "haltedAt");
    }
}
