package io.tradeguard.core.protection;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;

/**
 * An exit the engine triggers itself from the price stream, for order types or venues without a native
 * form. Triggers are immutable records: {@link TriggerBook} keeps the current ones, and a list of them is
 * the snapshot that lets a restart resume them.
 */
public sealed interface LocalTrigger permits PriceTrigger, TrailingStop {

    /** Unique among the active triggers. */
    String id();

    Market market();

    Symbol symbol();

    /** SELL closes a long, BUY closes a short. */
    Side exitSide();

    BigDecimal quantity();

    /** Triggers sharing a group form a bracket: when one fires the others are cancelled. Null for none. */
    String group();

    /** The trigger after this tick, and whether it fired. */
    Step onTick(BigDecimal price);

    /**
     * @param next  the trigger's state after the tick (unchanged for a plain price trigger)
     * @param fired whether the exit must go out now
     * @param level the price level that was crossed, when fired
     */
    record Step(LocalTrigger next, boolean fired, BigDecimal level) {
    }
}
