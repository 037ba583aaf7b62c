package io.tradeguard.core.safety;

import io.tradeguard.core.risk.Origin;
import io.tradeguard.core.risk.ProposedOrder;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The safety gates of the order path, after the risk rules: the emergency halt and the kill switch block
 * every new entry (exits pass), and the circuit breaker holds back every order while it is open, except the
 * legs of an emergency stop, which always go out.
 */
public final class SafetyGate {

    private SafetyGate() {
    }

    /** The gates' answer for one order. */
    public sealed interface Decision {
        /** @param probe the order is the circuit breaker's half-open probe: report its outcome to the breaker */
        record Pass(boolean probe, List<SafetyEvent> events) implements Decision {
            public Pass {
                events = List.copyOf(events);
            }
        }

        /** @param retryAt when the circuit breaker may let it through; null when only a reset can */
        record Blocked(String reason, Instant retryAt, List<SafetyEvent> events) implements Decision {
            public Blocked {
                Objects.requireNonNull(reason, "reason");
                events = List.copyOf(events);
            }
        }
    }

    public static Decision admit(ProposedOrder order, EmergencyStop halt, KillSwitch killSwitch, CircuitBreaker breaker,
                                 Instant now) {
        if (order.origin() == Origin.EMERGENCY) {
            return new Decision.Pass(false, List.of());
        }
        if (!order.isProtectiveExit()) {
            Optional<String> halted = halt.entryBlockReason();
            if (halted.isPresent()) {
                return new Decision.Blocked(halted.get(), null, List.of());
            }
            Optional<String> killed = killSwitch.entryBlockReason();
            if (killed.isPresent()) {
                return new Decision.Blocked(killed.get(), null, List.of());
            }
        }
        CircuitBreaker.Admission admission = breaker.admit(now);
        if (!admission.allowed()) {
            return new Decision.Blocked("Circuit breaker open after repeated exchange errors (" + breaker.state().lastError()
                    + "); orders resume after " + admission.retryAt(), admission.retryAt(), admission.events());
        }
        return new Decision.Pass(admission.probe(), admission.events());
    }
}
