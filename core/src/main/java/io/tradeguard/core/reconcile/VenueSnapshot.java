package io.tradeguard.core.reconcile;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.venue.Balance;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.Venue.AccountTrade;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the venue said during one reconciliation: the source of truth for open orders and balances.
 *
 * @param queries  answers to queries of local orders the venue no longer lists as open; a failed query
 *                 is simply absent (the order stays unresolved)
 * @param trades   the account's trades on the symbols concerned, since before the oldest unsettled order
 * @param balances every balance of the market, or null when they were not fetched
 */
public record VenueSnapshot(Market market, List<OrderUpdate> openOrders, List<QueryAnswer> queries,
                            List<AccountTrade> trades, List<Balance> balances, Instant fetchedAt) {
    public VenueSnapshot {
        Objects.requireNonNull(market, "market");
        openOrders = List.copyOf(openOrders);
        queries = List.copyOf(queries);
        trades = List.copyOf(trades);
        balances = balances == null ? null : List.copyOf(balances);
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }

    /**
     * @param found the order as the venue knows it, or null when the venue has never had it
     */
    public record QueryAnswer(ClientOrderId clientOrderId, OrderUpdate found) {
        public QueryAnswer {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
        }
    }
}
