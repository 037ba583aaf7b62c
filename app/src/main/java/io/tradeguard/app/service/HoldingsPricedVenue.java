package io.tradeguard.app.service;

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
import io.tradeguard.core.venue.VenueEvent;
import io.tradeguard.core.venue.VenueException;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The venue with one addition: with the user-data stream, the prices of the symbols the account holds are
 * streamed into the same listener. The engine follows only the symbols it trades, so without this an account
 * holding BTC has no known equity (and the risk rules refuse every order) until a first BTC order was sent.
 */
final class HoldingsPricedVenue implements Venue {
    private final Venue venue;
    private final Set<Symbol> held;

    HoldingsPricedVenue(Venue venue, Set<Symbol> held) {
        this.venue = venue;
        this.held = Set.copyOf(held);
    }

    @Override
    public AutoCloseable subscribeUserData(Consumer<VenueEvent> listener) throws VenueException {
        AutoCloseable userData = venue.subscribeUserData(listener);
        if (held.isEmpty()) {
            return userData;
        }
        AutoCloseable prices;
        try {
            prices = venue.subscribePrices(held, event -> {
                if (event instanceof VenueEvent.PriceTick tick) {
                    listener.accept(tick);
                }
            });
        } catch (VenueException | RuntimeException e) {
            closeQuietly(userData);
            throw e;
        }
        return () -> {
            try {
                prices.close();
            } finally {
                userData.close();
            }
        };
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // the subscription failed anyway; its error is the one to report
        }
    }

    @Override
    public Market market() {
        return venue.market();
    }

    @Override
    public Instant serverTime() throws VenueException {
        return venue.serverTime();
    }

    @Override
    public List<Instrument> instruments() throws VenueException {
        return venue.instruments();
    }

    @Override
    public Optional<io.tradeguard.core.venue.CommissionRates> commissionRates(Symbol symbol) throws VenueException {
        return venue.commissionRates(symbol);
    }

    @Override
    public boolean supportsOco() {
        return venue.supportsOco();
    }

    @Override
    public io.tradeguard.core.venue.OcoResult submitOco(io.tradeguard.core.venue.OcoRequest request) {
        return venue.submitOco(request);
    }

    @Override
    public SubmitResult submit(OrderRequest request) {
        return venue.submit(request);
    }

    @Override
    public OrderUpdate cancel(Symbol symbol, ClientOrderId clientOrderId) throws VenueException {
        return venue.cancel(symbol, clientOrderId);
    }

    @Override
    public Optional<OrderUpdate> query(Symbol symbol, ClientOrderId clientOrderId) throws VenueException {
        return venue.query(symbol, clientOrderId);
    }

    @Override
    public List<OrderUpdate> openOrders() throws VenueException {
        return venue.openOrders();
    }

    @Override
    public List<Balance> balances() throws VenueException {
        return venue.balances();
    }

    @Override
    public List<AccountTrade> trades(Symbol symbol, Instant since) throws VenueException {
        return venue.trades(symbol, since);
    }

    @Override
    public AutoCloseable subscribePrices(Collection<Symbol> symbols, Consumer<VenueEvent> listener) throws VenueException {
        return venue.subscribePrices(symbols, listener);
    }

    @Override
    public Optional<AutoCloseable> subscribeBooks(Collection<Symbol> symbols, Consumer<OrderBook> listener)
            throws VenueException {
        // must delegate: the port's default (no books) would leave every market order without a slippage check
        return venue.subscribeBooks(symbols, listener);
    }

    @Override
    public void close() {
        venue.close();
    }
}
