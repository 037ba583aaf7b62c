package io.tradeguard.core.engine;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
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

    /** @param market which venue has the order (an engine may trade spot and futures) */
    record Cancel(Market market, Symbol symbol, ClientOrderId clientOrderId) implements Effect {
    }

    record Query(Market market, Symbol symbol, ClientOrderId clientOrderId) implements Effect {
    }

    /** Follow the prices of these symbols on one market (the whole set: replaces that market's subscription). */
    record WatchPrices(Market market, Set<Symbol> symbols) implements Effect {
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
    record FetchVenue(Market market, List<Order> localOrders, Set<Symbol> tradeSymbols, Instant tradesSince)
            implements Effect {
        public FetchVenue {
            localOrders = List.copyOf(localOrders);
            tradeSymbols = Set.copyOf(tradeSymbols);
        }
    }

    /**
     * Make sure the futures symbol trades at this leverage before the order is sent: the venue is asked once per
     * symbol and leverage (the answer is remembered by the runner), then the order follows as {@link Submit}.
     */
    record SubmitAtLeverage(OrderRequest request, int leverage, int cap) implements Effect {
    }

    /** Fetch the venue's view of the futures positions (liquidation price, margin type, mark). */
    record FetchFuturesPositions() implements Effect {
    }
}
