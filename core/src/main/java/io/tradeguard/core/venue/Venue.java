package io.tradeguard.core.venue;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The port through which the engine trades on one product of one exchange account. Calls block and are
 * made from I/O workers (virtual threads), never from the engine thread; answers go back to the engine
 * as events.
 */
public interface Venue extends AutoCloseable {

    Market market();

    /** The venue's clock, as last synchronised. */
    Instant serverTime() throws VenueException;

    /** Every tradable instrument with its filters (cached by the adapter). */
    List<Instrument> instruments() throws VenueException;

    /** Places one order. Never sends it twice: after a lost answer the adapter asks the venue by client id. */
    SubmitResult submit(OrderRequest request);

    /**
     * Whether {@link #submitOco} places real OCO lists here (spot); a venue without them answers every
     * {@code submitOco} with a rejection, and protection falls back to local triggers.
     */
    boolean supportsOco();

    /**
     * Places one OCO list (spot {@code POST /api/v3/orderList/oco}). Never sends it twice: after a lost answer
     * the adapter looks the legs up by their client ids. No default: a wrapper must forward it or refuse it.
     */
    OcoResult submitOco(OcoRequest request);

    /**
     * The account's own commission rates on a symbol (spot {@code GET /api/v3/account/commission}), or empty when
     * this venue does not say (then the standard rate is assumed). No default: a wrapper must forward it.
     */
    Optional<CommissionRates> commissionRates(Symbol symbol) throws VenueException;

    /** Cancels an order by client id; an order that is already closed is reported, not an error. */
    OrderUpdate cancel(Symbol symbol, ClientOrderId clientOrderId) throws VenueException;

    /** The order as the venue knows it, or empty when the venue has never had it. */
    Optional<OrderUpdate> query(Symbol symbol, ClientOrderId clientOrderId) throws VenueException;

    /** All open orders of the account on this product (reconciliation's source of truth). */
    List<OrderUpdate> openOrders() throws VenueException;

    /** Every balance of the account on this product. */
    List<Balance> balances() throws VenueException;

    /** The account's trades on a symbol since the given time, oldest first, with their order's client id. */
    List<AccountTrade> trades(Symbol symbol, Instant since) throws VenueException;

    /** Opens the user-data stream; events (and connection losses/restorations) go to the listener. */
    AutoCloseable subscribeUserData(Consumer<VenueEvent> listener) throws VenueException;

    /** Opens one market-data connection for the symbols' trades; ticks go to the listener. */
    AutoCloseable subscribePrices(Collection<Symbol> symbols, Consumer<VenueEvent> listener) throws VenueException;

    /**
     * Opens a stream of the symbols' order books (at least the best bid and ask with their quantities), for the
     * slippage check of market orders; books go to the listener from the stream's thread. Empty when this venue
     * offers no book stream (then market orders are refused: their fill cannot be estimated). No default: a
     * wrapper that forgot to forward it would silently refuse every market order, so each venue says so itself.
     */
    Optional<AutoCloseable> subscribeBooks(Collection<Symbol> symbols, Consumer<OrderBook> listener)
            throws VenueException;

    /** One trade of the account (myTrades / userTrades) with the order it belongs to. */
    record AccountTrade(Symbol symbol, long venueOrderId, io.tradeguard.core.model.Side side, Fill fill) {
    }

    @Override
    void close();
}
