package io.tradeguard.core.instrument;

import io.tradeguard.core.venue.OrderRequest;

import java.util.List;
import java.util.Objects;

/** The outcome of fitting an order to an instrument's filters: the order to send, or why none can be sent. */
public sealed interface Conformance {

    /**
     * The order, rounded onto the instrument's grids, which passes every filter we know of.
     *
     * @param adjustments one sentence per value that was rounded, for previews and the journal
     */
    record Conformed(OrderRequest order, List<String> adjustments) implements Conformance {
        public Conformed {
            Objects.requireNonNull(order, "order");
            adjustments = List.copyOf(adjustments);
        }
    }

    /** No valid order is close enough to the one asked for; the reason is written for a person. */
    record Refused(String reason) implements Conformance {
        public Refused {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a refusal needs a reason");
            }
        }
    }
}
