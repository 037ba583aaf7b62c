package io.tradeguard.core.venue;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A venue that hands every call to another one; a wrapper extends it and overrides only what it changes. Every
 * port method forwards, so a wrapper can no longer drop one by forgetting it (a wrapper that lost
 * {@code subscribeBooks} once silently refused every market order).
 */
public abstract class ForwardingVenue implements Venue {
    protected final Venue delegate;

    protected ForwardingVenue(Venue delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Market market() {
        return delegate.market();
    }

    @Override
    public Instant serverTime() throws VenueException {
        return delegate.serverTime();
    }

    @Override
    public List<Instrument> instruments() throws VenueException {
        return delegate.instruments();
    }

    @Override
    public Optional<CommissionRates> commissionRates(Symbol symbol) throws VenueException {
        return delegate.commissionRates(symbol);
    }

    @Override
    public boolean supportsOco() {
        return delegate.supportsOco();
    }

    @Override
    public OcoResult submitOco(OcoRequest request) {
        return delegate.submitOco(request);
    }

    @Override
    public SubmitResult submit(OrderRequest request) {
        return delegate.submit(request);
    }

    @Override
    public OrderUpdate cancel(Symbol symbol, ClientOrderId clientOrderId) throws VenueException {
        return delegate.cancel(symbol, clientOrderId);
    }

    @Override
    public Optional<OrderUpdate> query(Symbol symbol, ClientOrderId clientOrderId) throws VenueException {
        return delegate.query(symbol, clientOrderId);
    }

    @Override
    public List<OrderUpdate> openOrders() throws VenueException {
        return delegate.openOrders();
    }

    @Override
    public List<Balance> balances() throws VenueException {
        return delegate.balances();
    }

    @Override
    public List<AccountTrade> trades(Symbol symbol, Instant since) throws VenueException {
        return delegate.trades(symbol, since);
    }

    @Override
    public AutoCloseable subscribeUserData(Consumer<VenueEvent> listener) throws VenueException {
        return delegate.subscribeUserData(listener);
    }

    @Override
    public AutoCloseable subscribePrices(Collection<Symbol> symbols, Consumer<VenueEvent> listener) throws VenueException {
        return delegate.subscribePrices(symbols, listener);
    }

    @Override
    public Optional<AutoCloseable> subscribeBooks(Collection<Symbol> symbols, Consumer<OrderBook> listener)
            throws VenueException {
        return delegate.subscribeBooks(symbols, listener);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
