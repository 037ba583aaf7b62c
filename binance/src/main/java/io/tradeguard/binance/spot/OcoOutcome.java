package io.tradeguard.binance.spot;

import io.tradeguard.core.venue.OrderListReport;
import io.tradeguard.core.venue.VenueError;

/** Placing an OCO, resolved like a single order: placed, refused, surely not placed, or unknown. */
public sealed interface OcoOutcome {
    record Placed(OrderListReport list) implements OcoOutcome {
    }

    record Rejected(VenueError error) implements OcoOutcome {
    }

    record NotPlaced(VenueError cause) implements OcoOutcome {
    }

    record Unknown(VenueError cause) implements OcoOutcome {
    }
}
