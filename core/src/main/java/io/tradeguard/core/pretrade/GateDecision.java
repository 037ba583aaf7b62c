package io.tradeguard.core.pretrade;

import io.tradeguard.core.order.OrderIntent;

import java.util.List;
import java.util.Objects;

/** A pre-trade gate's answer: let the order pass, pass an adjusted order, or refuse it, with reasons. */
public sealed interface GateDecision {

    Pass PASS = new Pass();

    record Pass() implements GateDecision {
    }

    /** The order may go with these changes (rounded price, smaller size); each reason says what and why. */
    record Adjust(OrderIntent adjusted, List<String> reasons) implements GateDecision {
        public Adjust {
            Objects.requireNonNull(adjusted, "adjusted");
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("an adjustment must say why");
            }
        }
    }

    /** Nothing is sent; every reason is a sentence a person understands. */
    record Reject(List<String> reasons) implements GateDecision {
        public Reject {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a rejection must say why");
            }
        }

        public static Reject because(String reason) {
            return new Reject(List.of(reason));
        }
    }
}
