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
 * @param killSwitch     null until the guards first saw the account's equity
 * @param nativeBrackets the positions protected by an OCO on the exchange
 */
public record GuardState(KillSwitchState killSwitch, CircuitBreakerState breaker, List<PriceTrigger> priceTriggers,
                         List<TrailingStop> trailingStops, List<NativeBracket> nativeBrackets) {
    public GuardState {
        Objects.requireNonNull(breaker, "breaker");
        priceTriggers = List.copyOf(priceTriggers);
        trailingStops = List.copyOf(trailingStops);
        // journals written before native protection existed have none
        nativeBrackets = nativeBrackets == null ? List.of() : List.copyOf(nativeBrackets);
    }

    /** Without native brackets (local protection only). */
    public GuardState(KillSwitchState killSwitch, CircuitBreakerState breaker, List<PriceTrigger> priceTriggers,
                      List<TrailingStop> trailingStops) {
        this(killSwitch, breaker, priceTriggers, trailingStops, List.of());
    }
}
