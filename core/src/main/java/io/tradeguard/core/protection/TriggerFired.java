package io.tradeguard.core.protection;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.venue.OrderRequest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A local trigger fired: its exit must go out at market now.
 *
 * @param level     the price level that was crossed (stop, target or trail)
 * @param tickPrice the price of the tick that crossed it
 * @param cancelled ids of the triggers of the same bracket, removed with it
 */
public record TriggerFired(LocalTrigger trigger, BigDecimal level, BigDecimal tickPrice, Instant at,
                           List<String> cancelled) {

    public TriggerFired {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(tickPrice, "tickPrice");
        Objects.requireNonNull(at, "at");
        cancelled = List.copyOf(cancelled);
    }

    /** The market order closing the position; reduce-only on futures. */
    public OrderRequest exitOrder(ClientOrderId id) {
        return new OrderRequest(trigger.market(), trigger.symbol(), trigger.exitSide(), OrderType.MARKET, null,
                trigger.quantity(), null, null, null, null, null, null, trigger.market() == Market.FUTURES, false, id);
    }
}
