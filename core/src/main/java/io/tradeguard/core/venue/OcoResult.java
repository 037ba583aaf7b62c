package io.tradeguard.core.venue;

/**
 * The outcome of placing one OCO list, after the adapter has resolved any doubt by looking its legs up by their
 * client order ids: a list is never sent twice.
 */
public sealed interface OcoResult {

    /** The venue has the list; the legs as it reported them (a leg it did not report is looked up later). */
    record Placed(OrderListReport list) implements OcoResult {
    }

    /** The venue refused the list (or the adapter could not express it). */
    record Rejected(VenueError error) implements OcoResult {
    }

    /** The venue does not have the list (confirmed, or the request never left): safe to place again. */
    record NotPlaced(VenueError cause) implements OcoResult {
    }

    /** Neither confirmed nor denied: the legs are queried later, never resent blindly. */
    record Unknown(VenueError cause) implements OcoResult {
    }

    /** What a venue without OCO lists answers: nothing was sent. */
    static OcoResult unsupported(Venue venue) {
        return new Rejected(new VenueError(VenueError.Kind.REJECTED, 0, 0,
                "the " + venue.market().wireName() + " venue has no OCO orders", null));
    }
}
