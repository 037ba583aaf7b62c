package io.tradeguard.app.service;

import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.ForwardingVenue;
import io.tradeguard.core.venue.Venue;
import io.tradeguard.core.venue.VenueEvent;
import io.tradeguard.core.venue.VenueException;

import java.util.Set;
import java.util.function.Consumer;

/**
 * The venue with one addition: with the user-data stream, the prices of the symbols the account holds are
 * streamed into the same listener. The engine follows only the symbols it trades, so without this an account
 * holding BTC has no known equity (and the risk rules refuse every order) until a first BTC order was sent.
 */
final class HoldingsPricedVenue extends ForwardingVenue {
    private final Set<Symbol> held;

    HoldingsPricedVenue(Venue venue, Set<Symbol> held) {
        super(venue);
        this.held = Set.copyOf(held);
    }

    @Override
    public AutoCloseable subscribeUserData(Consumer<VenueEvent> listener) throws VenueException {
        AutoCloseable userData = delegate.subscribeUserData(listener);
        if (held.isEmpty()) {
            return userData;
        }
        AutoCloseable prices;
        try {
            prices = delegate.subscribePrices(held, event -> {
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
}
