package io.tradeguard.core.venue;

/**
 * The outcome of placing one order, after the adapter has resolved any doubt by querying the order by
 * its clientOrderId: an order is never sent twice for one intent.
 */
public sealed interface SubmitResult {

    /** The venue has the order; its state at the time of the answer. */
    record Accepted(OrderUpdate order) implements SubmitResult {
    }

    /** The venue refused the order (or the order-path failed before the venue took it). */
    record Rejected(VenueError error) implements SubmitResult {
    }

    /** The venue does not have the order (confirmed by a query after a failure): safe to send again. */
    record NotPlaced(VenueError cause) implements SubmitResult {
    }

    /** Neither confirmed nor denied (the query failed too): reconcile later, never resend blindly. */
    record Unknown(VenueError cause) implements SubmitResult {
    }
}
