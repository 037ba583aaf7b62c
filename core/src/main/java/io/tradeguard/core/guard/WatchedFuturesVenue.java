package io.tradeguard.core.guard;

import io.tradeguard.core.model.MarginType;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.FuturesAccountEvent;
import io.tradeguard.core.venue.FuturesPosition;
import io.tradeguard.core.venue.ForwardingVenue;
import io.tradeguard.core.venue.FuturesVenue;
import io.tradeguard.core.venue.VenueEvent;
import io.tradeguard.core.venue.VenueException;

import java.util.List;
import java.util.function.Consumer;

/**
 * The futures venue with every answer reported to the circuit breaker, like {@link WatchedVenue}, keeping the
 * futures-only operations (leverage, margin type, positions, the futures user stream) visible to the engine.
 */
final class WatchedFuturesVenue extends ForwardingVenue implements FuturesVenue {
    private final FuturesVenue venue;
    private final TradingGuards guards;

    /** @param watched the same venue behind a {@link WatchedVenue}: every port call goes through it */
    WatchedFuturesVenue(FuturesVenue venue, WatchedVenue watched, TradingGuards guards) {
        super(watched);
        this.venue = venue;
        this.guards = guards;
    }

    @Override
    public int setLeverage(Symbol symbol, int leverage, int hardCap) throws VenueException {
        return reported(() -> venue.setLeverage(symbol, leverage, hardCap));
    }

    @Override
    public boolean setMarginType(Symbol symbol, MarginType type) throws VenueException {
        boolean changed = reported(() -> venue.setMarginType(symbol, type));
        guards.marginTypeSet(symbol, type); // set now, or already so: the liquidation estimate needs it
        return changed;
    }

    @Override
    public List<FuturesPosition> positions() throws VenueException {
        return reported(venue::positions);
    }

    @Override
    public List<io.tradeguard.core.venue.MaintenanceBracket> maintenanceBrackets(Symbol symbol) throws VenueException {
        return reported(() -> venue.maintenanceBrackets(symbol));
    }

    @Override
    public AutoCloseable subscribeUserData(Consumer<VenueEvent> listener, Consumer<FuturesAccountEvent> futuresListener)
            throws VenueException {
        return reported(() -> venue.subscribeUserData(listener, futuresListener));
    }

    private <T> T reported(WatchedVenue.Call<T> call) throws VenueException {
        return WatchedVenue.watched(guards, call);
    }
}
