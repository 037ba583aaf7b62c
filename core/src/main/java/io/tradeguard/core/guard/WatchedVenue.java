package io.tradeguard.core.guard;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.Balance;
import io.tradeguard.core.venue.OrderBook;
import io.tradeguard.core.venue.OrderRequest;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.SubmitResult;
import io.tradeguard.core.venue.Venue;
import io.tradeguard.core.venue.VenueError;
import io.tradeguard.core.venue.VenueEvent;
import io.tradeguard.core.venue.VenueException;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The engine's venue with every answer reported to the circuit breaker: a success (or a business rejection,
 * which proves the exchange answers) or an exchange error. Calls themselves are passed through unchanged;
 * the breaker acts in the safety gate, before an order is journaled.
 */
final class WatchedVenue implements Venue {
    private final Venue venue;
    private final TradingGuards guards;

    private final BookFeed books;

    WatchedVenue(Venue venue, TradingGuards guards, BookFeed books) {
        this.venue = venue;
        this.guards = guards;
        this.books = books;
    }

    @Override
    public Market market() {
        return venue.market();
    }

    @Override
    public Instant serverTime() throws VenueException {
        return watched(venue::serverTime);
    }

    @Override
    public List<Instrument> instruments() throws VenueException {
        return watched(venue::instruments);
    }

    @Override
    public SubmitResult submit(OrderRequest request) {
        Instant sentAt = guards.venueCallStarts();
        SubmitResult result = venue.submit(request);
        guards.venueAnswered(switch (result) {
            case SubmitResult.Accepted a -> null;
            case SubmitResult.Rejected r -> r.error();
            case SubmitResult.NotPlaced n -> n.cause();
            case SubmitResult.Unknown u -> u.cause();
        }, sentAt);
        return result;
    }

    @Override
    public Optional<io.tradeguard.core.venue.CommissionRates> commissionRates(Symbol symbol) throws VenueException {
        return watched(() -> venue.commissionRates(symbol));
    }

    @Override
    public boolean supportsOco() {
        return venue.supportsOco();
    }

    @Override
    public io.tradeguard.core.venue.OcoResult submitOco(io.tradeguard.core.venue.OcoRequest request) {
        Instant sentAt = guards.venueCallStarts();
        io.tradeguard.core.venue.OcoResult result = venue.submitOco(request);
        guards.venueAnswered(switch (result) {
            case io.tradeguard.core.venue.OcoResult.Placed p -> null;
            case io.tradeguard.core.venue.OcoResult.Rejected r -> r.error();
            case io.tradeguard.core.venue.OcoResult.NotPlaced n -> n.cause();
            case io.tradeguard.core.venue.OcoResult.Unknown u -> u.cause();
        }, sentAt);
        return result;
    }

    @Override
    public OrderUpdate cancel(Symbol symbol, ClientOrderId clientOrderId) throws VenueException {
        return watched(() -> venue.cancel(symbol, clientOrderId));
    }

    @Override
    public Optional<OrderUpdate> query(Symbol symbol, ClientOrderId clientOrderId) throws VenueException {
        return watched(() -> venue.query(symbol, clientOrderId));
    }

    @Override
    public List<OrderUpdate> openOrders() throws VenueException {
        return watched(venue::openOrders);
    }

    @Override
    public List<Balance> balances() throws VenueException {
        return watched(venue::balances);
    }

    @Override
    public List<AccountTrade> trades(Symbol symbol, Instant since) throws VenueException {
        return watched(() -> venue.trades(symbol, since));
    }

    @Override
    public AutoCloseable subscribeUserData(Consumer<VenueEvent> listener) throws VenueException {
        return watched(() -> venue.subscribeUserData(listener));
    }

    /** The price stream; the symbols' book streams (for the slippage rule) are opened alongside, once each,
     * in the background: a slow book stream never delays prices. */
    @Override
    public AutoCloseable subscribePrices(Collection<Symbol> symbols, Consumer<VenueEvent> listener) throws VenueException {
        AutoCloseable prices = watched(() -> venue.subscribePrices(symbols, listener));
        books.ensureLater(symbols);
        return prices;
    }

    @Override
    public Optional<AutoCloseable> subscribeBooks(Collection<Symbol> symbols, Consumer<OrderBook> listener)
            throws VenueException {
        return venue.subscribeBooks(symbols, listener);
    }

    @Override
    public void close() {
        books.close();
        venue.close();
    }

    interface Call<T> {
        T call() throws VenueException;
    }

    private <T> T watched(Call<T> call) throws VenueException {
        return watched(guards, call);
    }

    /** Makes the call and reports its answer, with the time it went out, to the circuit breaker. */
    static <T> T watched(TradingGuards guards, Call<T> call) throws VenueException {
        Instant sentAt = guards.venueCallStarts();
        T result;
        try {
            result = call.call();
        } catch (VenueException e) {
            guards.venueAnswered(e.error(), sentAt);
            throw e;
        }
        guards.venueAnswered(null, sentAt);
        return result;
    }

}
