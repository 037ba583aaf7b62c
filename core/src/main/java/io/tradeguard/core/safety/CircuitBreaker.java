package io.tradeguard.core.safety;

import io.tradeguard.core.venue.VenueError;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Stops sending orders while the exchange keeps failing. Closed: requests go out; {@code threshold}
 * exchange errors in a row (default 5) open it. Open: nothing goes out until the cooldown (default 300 s)
 * has passed; then half-open: exactly one probe goes out, its success closes the breaker, its failure opens
 * it for another cooldown. A rate limit (429) or an IP ban (418) opens it at once, for the cooldown or the
 * venue's retry-after, whichever is longer. A business rejection proves the exchange answers and counts as
 * a success. Emergency-stop legs do not ask the breaker: they go out even while it is open.
 *
 * <p>An answer is judged by when its request was sent: one sent before the breaker last half-opened or closed
 * belongs to the outage already dealt with (an order whose unknown outcome took seconds to resolve reports
 * late), so it neither re-opens a breaker its probe has just closed nor decides a probe it was not.
 *
 * <p>Owned by the engine thread; "now" passed in; every transition returns its event.
 */
public final class CircuitBreaker {

    public enum Status { CLOSED, OPEN, HALF_OPEN }

    /**
     * May a request go out now.
     *
     * @param probe   this request is the half-open probe: report its outcome
     * @param retryAt when to ask again if refused; null when allowed
     */
    public record Admission(boolean allowed, boolean probe, Instant retryAt, List<SafetyEvent> events) {
        public Admission {
            events = List.copyOf(events);
        }
    }

    private final int threshold;
    private final Duration cooldown;
    private CircuitBreakerState state;
    /** answers to requests sent before this count for nothing; not persisted: no request outlives a restart */
    private Instant answersCountFrom = Instant.MIN;

    public CircuitBreaker(int threshold, Duration cooldown, CircuitBreakerState state) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.threshold = threshold;
        this.cooldown = Objects.requireNonNull(cooldown, "cooldown");
        this.state = Objects.requireNonNull(state, "state");
    }

    public CircuitBreakerState state() {
        return state;
    }

    /** Asks before sending an order request. */
    public Admission admit(Instant now) {
        List<SafetyEvent> events = new ArrayList<>(1);
        return switch (state.status()) {
            case CLOSED -> new Admission(true, false, null, events);
            case OPEN -> {
                if (now.isBefore(state.openUntil())) {
                    yield new Admission(false, false, state.openUntil(), events);
                }
                state = new CircuitBreakerState(Status.HALF_OPEN, state.consecutiveErrors(), null, now, state.lastError());
                answersCountFrom = now;
                events.add(new SafetyEvent.CircuitBreakerHalfOpened(now));
                yield new Admission(true, true, null, events);
            }
            case HALF_OPEN -> {
                // a probe whose answer never came (lost, or lost in a restart) is replaced after one cooldown
                Instant probeExpires = state.probeInFlight() ? state.probeSentAt().plus(cooldown) : now;
                if (now.isBefore(probeExpires)) {
                    yield new Admission(false, false, probeExpires, events);
                }
                state = new CircuitBreakerState(Status.HALF_OPEN, state.consecutiveErrors(), null, now, state.lastError());
                answersCountFrom = now;
                yield new Admission(true, true, null, events);
            }
        };
    }

    /** The exchange answered (an acknowledgement, or a business rejection) a request sent just now. */
    public List<SafetyEvent> onSuccess(Instant now) {
        return onSuccess(now, now);
    }

    /** The exchange answered (an acknowledgement, or a business rejection) a request sent at {@code sentAt}. */
    public List<SafetyEvent> onSuccess(Instant sentAt, Instant now) {
        if (sentAt.isBefore(answersCountFrom)) {
            return List.of();
        }
        return switch (state.status()) {
            case CLOSED -> {
                state = CircuitBreakerState.closed();
                yield List.of();
            }
            case HALF_OPEN -> {
                state = CircuitBreakerState.closed();
                answersCountFrom = now;
                yield List.of(new SafetyEvent.CircuitBreakerClosed(now));
            }
            // a late answer to a request sent before it opened does not end the cooldown
            case OPEN -> List.of();
        };
    }

    /** A request sent just now failed with this error. */
    public List<SafetyEvent> onError(VenueError error, Instant now) {
        return onError(error, now, now);
    }

    /** A request sent at {@code sentAt} failed with this error. */
    public List<SafetyEvent> onError(VenueError error, Instant sentAt, Instant now) {
        if (error.kind() != VenueError.Kind.RATE_LIMITED && error.kind() != VenueError.Kind.BANNED
                && sentAt.isBefore(answersCountFrom)) {
            return List.of();
        }
        return switch (error.kind()) {
            case REJECTED -> onSuccess(sentAt, now);
            case RATE_LIMITED, BANNED -> {
                Duration wait = error.retryAfter().compareTo(cooldown) > 0 ? error.retryAfter() : cooldown;
                yield open("the exchange limited our requests (" + error + ")", now.plus(wait), now, true);
            }
            case AUTH, TIMESTAMP, SERVER, UNKNOWN_OUTCOME, UNREACHABLE -> switch (state.status()) {
                case CLOSED -> {
                    int errors = state.consecutiveErrors() + 1;
                    if (errors >= threshold) {
                        yield open(errors + " exchange errors in a row, the last: " + error, now.plus(cooldown), now, false);
                    }
                    state = new CircuitBreakerState(Status.CLOSED, errors, null, null, error.toString());
                    yield List.of();
                }
                case HALF_OPEN -> open("the probe failed: " + error, now.plus(cooldown), now, false);
                case OPEN -> List.of();
            };
        };
    }

    private List<SafetyEvent> open(String reason, Instant until, Instant now, boolean extendIfOpen) {
        if (state.status() == Status.OPEN) {
            if (!extendIfOpen || !until.isAfter(state.openUntil())) {
                return List.of();
            }
        }
        state = new CircuitBreakerState(Status.OPEN, state.consecutiveErrors(), until, null, reason);
        return List.of(new SafetyEvent.CircuitBreakerOpened(reason, until, now));
    }
}
