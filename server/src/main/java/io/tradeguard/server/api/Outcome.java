package io.tradeguard.server.api;

import java.util.List;
import java.util.Objects;

/**
 * What the engine answers to a command: done, or the reason it was not. Business refusals are values,
 * not exceptions; the REST layer maps each to its status (422, 409, 404, 503).
 */
public sealed interface Outcome<T> {

    record Done<T>(T value) implements Outcome<T> {
        public Done {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Refused by risk rules (422): every failed rule, not only the first. */
    record RiskRejected<T>(List<RuleResult> failed) implements Outcome<T> {
        public RiskRejected {
            failed = List.copyOf(failed);
            if (failed.isEmpty() || failed.stream().anyMatch(RuleResult::passed)) {
                throw new IllegalArgumentException("a risk rejection lists the failed rules, and only those");
            }
        }
    }

    /**
     * The state does not allow it (409): trading halted, kill switch active, duplicate client order id,
     * order already final.
     *
     * @param code machine code such as {@code trading_halted}, {@code duplicate_order}
     */
    record Conflict<T>(String code, String detail) implements Outcome<T> {
        public Conflict {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** No such order, position or protection (404). */
    record NotFound<T>(String detail) implements Outcome<T> {
        public NotFound {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The exchange could not be reached or did not answer (503); the command's effect is unknown or none. */
    record Unavailable<T>(String detail) implements Outcome<T> {
        public Unavailable {
            Objects.requireNonNull(detail, "detail");
        }
    }

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }
}
