package io.tradeguard.core.engine;

import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.venue.VenueEvent;

import java.util.List;
import java.util.function.Supplier;

/**
 * Sees every price tick on the engine thread, right after the engine marked the price, and may answer
 * with commands the engine runs at once in the same step (a local stop's exit order, a guard event to
 * journal): event-driven, no polling interval. Decide without blocking and never call out.
 */
@FunctionalInterface
public interface PriceWatcher {

    /** @param state the engine's state, built only when asked for */
    List<Command> onPrice(VenueEvent.PriceTick tick, Supplier<TradingSnapshot> state);

    /**
     * The engine's timer ticked (every {@code EngineSettings.tickInterval()}): time-driven rules such as the
     * kill switch's reset at 00:00 UTC, which must not wait for the next trade or price. Same rules as
     * {@link #onPrice}. Nothing by default.
     */
    default List<Command> onTimer(Supplier<TradingSnapshot> state) {
        return List.of();
    }
}
