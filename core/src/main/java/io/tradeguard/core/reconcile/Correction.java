package io.tradeguard.core.reconcile;

import io.tradeguard.core.ledger.AssetBalance;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.venue.Balance;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.Venue.AccountTrade;

import java.util.Objects;

/** One fix reconciliation found; the engine applies it through its normal paths, emitting events. */
public sealed interface Correction {

    /** The venue has an order the engine does not know. */
    record Adopt(OrderUpdate venueOrder, OrderOrigin origin) implements Correction {
        public Adopt {
            Objects.requireNonNull(venueOrder, "venueOrder");
            Objects.requireNonNull(origin, "origin");
        }
    }

    /** The venue's state of a known order is ahead of ours: apply it through the state machine. */
    record ApplyReport(ClientOrderId clientOrderId, OrderUpdate report) implements Correction {
    }

    /** A fill of a known order that the engine never saw. */
    record ApplyFill(ClientOrderId clientOrderId, Fill fill) implements Correction {
    }

    /** The venue confirmed it never had this order and the grace period has passed. */
    record MarkNotPlaced(ClientOrderId clientOrderId, String reason) implements Correction {
    }

    /**
     * The venue's free/locked differ from ours.
     *
     * @param local null when we had no balance of the asset
     * @param asOf  when the venue said so (the fetch time)
     */
    record CorrectBalance(Balance venue, AssetBalance local, java.time.Instant asOf) implements Correction {
    }

    /** Something that cannot be fixed automatically; reported for a person. */
    record Discrepancy(String description) implements Correction {
    }

    /** A trade of an order the engine has no record of (placed and finished elsewhere while we did not look). */
    record UnmatchedTrade(AccountTrade trade) implements Correction {
    }

    /** Whether applying it changes state (discrepancies only report). */
    default boolean changesState() {
        return switch (this) {
            case Adopt a -> true;
            case ApplyReport r -> true;
            case ApplyFill f -> true;
            case MarkNotPlaced n -> true;
            case CorrectBalance b -> true;
            case Discrepancy d -> false;
            case UnmatchedTrade u -> false;
        };
    }
}
