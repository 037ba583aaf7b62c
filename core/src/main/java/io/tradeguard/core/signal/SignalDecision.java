package io.tradeguard.core.signal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What was decided about one signal and why; every signal gets one, and it is what the user sees at
 * {@code GET /api/signals}.
 *
 * @param plan present exactly when the outcome is ACCEPTED
 */
public record SignalDecision(Signal signal, Outcome outcome, String reason, Optional<SignalPlan> plan,
                             Instant decidedAt) {

    public enum Outcome {
        ACCEPTED, SKIPPED_LOW_CONFIDENCE, SKIPPED_MODE, DUPLICATE, REJECTED_INVALID;

        public boolean trades() {
            return switch (this) {
                case ACCEPTED -> true;
                case SKIPPED_LOW_CONFIDENCE, SKIPPED_MODE, DUPLICATE, REJECTED_INVALID -> false;
            };
        }
    }

    public SignalDecision {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(decidedAt, "decidedAt");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a decision needs a reason");
        }
        if (plan.isPresent() != outcome.trades()) {
            throw new IllegalArgumentException(outcome + (outcome.trades() ? " needs a plan" : " cannot carry a plan"));
        }
    }

    static SignalDecision accepted(Signal signal, SignalPlan plan, String reason, Instant now) {
        return new SignalDecision(signal, Outcome.ACCEPTED, reason, Optional.of(plan), now);
    }

    static SignalDecision declined(Signal signal, Outcome outcome, String reason, Instant now) {
        return new SignalDecision(signal, outcome, reason, Optional.empty(), now);
    }
}
