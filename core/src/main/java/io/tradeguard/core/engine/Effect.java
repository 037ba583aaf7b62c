package io.tradeguard.core.engine;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.venue.OrderRequest;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Work the engine thread decided on but does not do itself: venue calls, performed by the I/O worker
 * once the events before them are durable, answered by an {@link Inbound} message.
 */
sealed interface Effect {

    record Submit(OrderRequest request) implements Effect {
    }

    /** Place one OCO list; like {@link Submit}, released only once both legs are journaled. */
    record SubmitOco(io.tradeguard.core.venue.OcoRequest request) implements Effect {
    }

    record Cancel(Symbol symbol, ClientOrderId clientOrderId) implements Effect {
    }

    record Query(Symbol symbol, ClientOrderId clientOrderId) implements Effect {
    }

    /** Follow the prices of these symbols (the whole set: replaces the previous subscription). */
    record WatchPrices(Set<Symbol> symbols) implements Effect {
        public WatchPrices {
            symbols = Set.copyOf(symbols);
        }
    }

    /**
     * Fetch open orders and balances, query the local orders the venue no longer lists, and fetch trades.
     *
     * @param localOrders  the orders to plan the queries for (all known orders of the market)
     * @param tradeSymbols symbols whose trades to fetch, besides those of queried and open orders
     */
    record FetchVenue(List<Order> localOrders, Set<Symbol> tradeSymbols, Instant tradesSince) implements Effect {
        public FetchVenue {
            localOrders = List.copyOf(localOrders);
            tradeSymbols = Set.copyOf(tradeSymbols);
        }
    }
}
