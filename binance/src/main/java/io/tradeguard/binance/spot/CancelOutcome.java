package io.tradeguard.binance.spot;

import io.tradeguard.core.venue.OrderUpdate;

import java.util.Objects;

/** A cancel that worked, or found the order already closed (filled, canceled, expired): never a failure. */
public sealed interface CancelOutcome {
    OrderUpdate order();

    record Canceled(OrderUpdate order) implements CancelOutcome {
        public Canceled {
            Objects.requireNonNull(order, "order");
        }
    }

    /** The venue answered -2011 and a query shows the order closed; its final state. */
    record AlreadyClosed(OrderUpdate order) implements CancelOutcome {
        public AlreadyClosed {
            Objects.requireNonNull(order, "order");
        }
    }
}
