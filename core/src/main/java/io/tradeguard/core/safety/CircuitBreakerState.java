package io.tradeguard.core.safety;

import java.time.Instant;
import java.util.Objects;

/**
 * The circuit breaker as data, to persist and restore.
 *
 * @param consecutiveErrors exchange errors in a row while closed
 * @param openUntil         end of the cooldown while open; null otherwise
 * @param probeSentAt       half-open and the one probe request went out at this time; null otherwise
 * @param lastError         the error that opened it (or the last one counted), for people; may be null
 */
public record CircuitBreakerState(CircuitBreaker.Status status, int consecutiveErrors, Instant openUntil,
                                  Instant probeSentAt, String lastError) {

    public CircuitBreakerState {
        Objects.requireNonNull(status, "status");
        if (consecutiveErrors < 0) {
            throw new IllegalArgumentException("error count must not be negative");
        }
        if ((status == CircuitBreaker.Status.OPEN) != (openUntil != null)) {
            throw new IllegalArgumentException("an open breaker, and only an open one, has an end of cooldown");
        }
        if (probeSentAt != null && status != CircuitBreaker.Status.HALF_OPEN) {
            throw new IllegalArgumentException("only a half-open breaker has a probe in flight");
        }
    }

    public boolean probeInFlight() {
        return probeSentAt != null;
    }

    public static CircuitBreakerState closed() {
        return new CircuitBreakerState(CircuitBreaker.Status.CLOSED, 0, null, null, null);
    }
}
