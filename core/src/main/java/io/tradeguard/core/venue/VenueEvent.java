package io.tradeguard.core.venue;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Everything the venue's streams tell the engine, already parsed into core types. */
public sealed interface VenueEvent {

    Instant receivedAt();

    /** An execution report (spot executionReport, futures ORDER_TRADE_UPDATE). */
    record OrderUpdated(OrderUpdate update) implements VenueEvent {
        @Override
        public Instant receivedAt() {
            return update.receivedAt();
        }
    }

    /** Absolute free/locked of the assets that changed (outboundAccountPosition, ACCOUNT_UPDATE balances). */
    record BalancesUpdated(Market market, List<Balance> balances, Instant venueTime, Instant receivedAt)
            implements VenueEvent {
        public BalancesUpdated {
            balances = List.copyOf(balances);
        }
    }

    /** A deposit, withdrawal or transfer (balanceUpdate): a delta, not a new total. */
    record BalanceDelta(Market market, Asset asset, BigDecimal delta, Instant venueTime, Instant receivedAt)
            implements VenueEvent {
    }

    /** An OCO or other order list changed status (listStatus). */
    record OrderListUpdated(Market market, Symbol symbol, long orderListId, String listClientOrderId,
                            String listStatusType, String listOrderStatus, Instant venueTime, Instant receivedAt)
            implements VenueEvent {
    }

    /** A stream went away (disconnect, subscription ended, listen key expired). */
    record ConnectionLost(String stream, String reason, Instant receivedAt) implements VenueEvent {
    }

    /** A stream is back; anything may have happened in between, so reconcile. */
    record ConnectionRestored(String stream, Instant receivedAt) implements VenueEvent {
    }

    /** The venue banned our IP (418) or rate-limited every call (429) until the given time. */
    record CallsSuspended(VenueError error, Instant until, Instant receivedAt) implements VenueEvent {
    }

    /** A trade on the market (or a mark price, on futures): the price the engine marks and triggers on. */
    record PriceTick(Market market, Symbol symbol, BigDecimal price, boolean markPrice, Instant venueTime,
                     Instant receivedAt) implements VenueEvent {
    }
}
