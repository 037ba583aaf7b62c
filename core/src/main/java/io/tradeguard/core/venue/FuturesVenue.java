package io.tradeguard.core.venue;

import io.tradeguard.core.model.MarginType;
import io.tradeguard.core.model.Symbol;

import java.util.List;
import java.util.function.Consumer;

/**
 * A USD-M futures venue: the {@link Venue} operations plus what only futures have, per-symbol leverage and
 * margin type, the venue's view of the positions (with its liquidation price), and a user stream that also
 * delivers the futures-only events (funding, liquidations, wallet changes).
 */
public interface FuturesVenue extends Venue {

    /**
     * Sets the symbol's leverage; anything above {@code hardCap} is refused before a request is made.
     * Returns the leverage the venue confirmed.
     */
    int setLeverage(Symbol symbol, int leverage, int hardCap) throws VenueException;

    /** Sets ISOLATED or CROSSED; a symbol already of that type is not an error. Returns whether it changed. */
    boolean setMarginType(Symbol symbol, MarginType type) throws VenueException;

    /** Every position of the account as the venue computes it (positionRisk), flat ones included or not. */
    List<FuturesPosition> positions() throws VenueException;

    /**
     * The symbol's maintenance margin brackets for this account, lowest notional first (GET /fapi/v1/leverageBracket);
     * what a liquidation price is estimated with. No default: a wrapper must forward it.
     */
    List<MaintenanceBracket> maintenanceBrackets(Symbol symbol) throws VenueException;

    /** The user stream with the futures-only events next to the {@link VenueEvent}s. */
    AutoCloseable subscribeUserData(Consumer<VenueEvent> listener, Consumer<FuturesAccountEvent> futuresListener)
            throws VenueException;
}
