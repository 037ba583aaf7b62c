package io.tradeguard.core.guard;

import io.tradeguard.core.protection.PriceTrigger;
import io.tradeguard.core.protection.TrailingStop;
import io.tradeguard.core.safety.CircuitBreakerState;
import io.tradeguard.core.safety.KillSwitchState;

import java.util.List;
import java.util.Objects;

/**
 * Everything the guards must get back after a restart, journaled as {@code GuardStateSaved}.
 *
 * @param killSwitch null until the guards first saw the account's equity
 */
public record GuardState(KillSwitchState killSwitch, CircuitBreakerState breaker, List<PriceTrigger> priceTriggers,
                         List<TrailingStop> trailingStops) {
    public GuardState {
        Objects.requireNonNull(breaker, "breaker");
        priceTriggers = List.copyOf(priceTriggers);
        trailingStops = List.copyOf(trailingStops);
    }
}
