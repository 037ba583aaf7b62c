package io.tradeguard.server.api;

import java.time.Instant;
import java.util.Objects;

/** What the engine decided about a signal, and why. {@code orderId} is set when an order was placed. */
public record SignalDecision(Signal signal, Decision decision, String reason, String orderId, Instant decidedAt) {
    public SignalDecision {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    public enum Decision {
        ACCEPTED, REJECTED, IGNORED
    }
}
