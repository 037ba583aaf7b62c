package io.tradeguard.core.guard;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.MarginType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.Balance;
import io.tradeguard.core.venue.FuturesAccountEvent;
import io.tradeguard.core.venue.FuturesPosition;
import io.tradeguard.core.venue.FuturesVenue;
import io.tradeguard.core.venue.OrderBook;
import io.tradeguard.core.venue.OrderRequest;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.SubmitResult;
import io.tradeguard.core.venue.VenueEvent;
import io.tradeguard.core.venue.VenueException;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The futures venue with every answer reported to the circuit breaker, like {@link WatchedVenue}, keeping the
 * futures-only operations (leverage, margin type, positions, the futures user stream) visible to the engine.
 */
final class WatchedFuturesVenue implements FuturesVenue {
    private final FuturesVenue venue;
    private final WatchedVenue watched;
    private final TradingGuards guards;

    WatchedFuturesVenue(FuturesVenue venue, WatchedVenue watched, TradingGuards guards) {
        this.venue = venue;
        this.watched = watched;
        this.guards = guards;
    }

    @Override
    public int setLeverage(Symbol symbol, int leverage, int hardCap) throws VenueException {
        return reported(() -> venue.setLeverage(symbol, leverage, hardCap));
    }

    @Override
    public boolean setMarginType(Symbol symbol, MarginType type) throws VenueException {
        return reported(() -> venue.setMarginType(symbol, type));
    }

    @Override
    public List<FuturesPosition> positions() throws VenueException {
        return reported(venue::positions);
    }

    @Override
    public AutoCloseable subscribeUserData(Consumer<VenueEvent> listener, Consumer<FuturesAccountEvent> futuresListener)
            throws VenueException {
        return reported(() -> venue.subscribeUserData(listener, futuresListener));
    }

    @Override
    public Market market() {
        return watched.market();
    }

    @Override
    public Instant serverTime() throws VenueException {
        return watched.serverTime();
    }

    @Override
    public List<Instrument> instruments() throws VenueException {
        return watched.instruments();
    }

    @Override
    public SubmitResult submit(OrderRequest request) {
        return watched.submit(request);
    }

    @Override
    public OrderUpdate cancel(Symbol symbol, ClientOrderId clientOrderId) throws VenueException {
        return watched.cancel(symbol, clientOrderId);
    }

    @Override
    public Optional<OrderUpdate> query(Symbol symbol, ClientOrderId clientOrderId) throws VenueException {
        return watched.query(symbol, clientOrderId);
    }

    @Override
    public List<OrderUpdate> openOrders() throws VenueException {
        return watched.openOrders();
    }

    @Override
    public List<Balance> balances() throws VenueException {
        return watched.balances();
    }

    @Override
    public List<AccountTrade> trades(Symbol symbol, Instant since) throws VenueException {
        return watched.trades(symbol, since);
    }

    @Override
    public AutoCloseable subscribeUserData(Consumer<VenueEvent> listener) throws VenueException {
        return watched.subscribeUserData(listener);
    }

    @Override
    public AutoCloseable subscribePrices(Collection<Symbol> symbols, Consumer<VenueEvent> listener) throws VenueException {
        return watched.subscribePrices(symbols, listener);
    }

    @Override
    public Optional<AutoCloseable> subscribeBooks(Collection<Symbol> symbols, Consumer<OrderBook> listener)
            throws VenueException {
        return watched.subscribeBooks(symbols, listener);
    }

    @Override
    public Optional<io.tradeguard.core.venue.CommissionRates> commissionRates(Symbol symbol) throws VenueException {
        return watched.commissionRates(symbol);
    }

    @Override
    public boolean supportsOco() {
        return watched.supportsOco();
    }

    @Override
    public io.tradeguard.core.venue.OcoResult submitOco(io.tradeguard.core.venue.OcoRequest request) {
        return watched.submitOco(request);
    }

    @Override
    public void close() {
        watched.close();
    }

    private interface Call<T> {
        T call() throws VenueException;
    }

    private <T> T reported(Call<T> call) throws VenueException {
        T result;
        try {
            result = call.call();
        } catch (VenueException e) {
            guards.venueAnswered(e.error());
            throw e;
        }
        guards.venueAnswered(null);
        return result;
    }
}
