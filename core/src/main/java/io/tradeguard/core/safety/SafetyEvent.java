package io.tradeguard.core.safety;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What the safety state machines tell the rest of the system: one event per transition. */
public sealed interface SafetyEvent {

    Instant at();

    /** @param emergencyStopRequired the trip (emergency drawdown) also calls for flattening everything */
    record KillSwitchTripped(KillSwitch.Cause cause, String reason, boolean emergencyStopRequired, Instant at)
            implements SafetyEvent {
        public KillSwitchTripped {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }

    /** @param automatic true for the 00:00 UTC reset of a daily trip, false for an admin reset */
    record KillSwitchReset(String reason, boolean automatic, Instant at) implements SafetyEvent {
        public KillSwitchReset {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(at, "at");
        }
    }

    /** A new UTC day began: the daily counters start again from this equity. */
    record TradingDayStarted(java.time.LocalDate day, java.math.BigDecimal startEquity, Instant at) implements SafetyEvent {
    }

    record CircuitBreakerOpened(String reason, Instant until, Instant at) implements SafetyEvent {
        public CircuitBreakerOpened {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(at, "at");
        }
    }

    /** The cooldown is over: one probe request may go out. */
    record CircuitBreakerHalfOpened(Instant at) implements SafetyEvent {
    }

    record CircuitBreakerClosed(Instant at) implements SafetyEvent {
    }

    /** Everything is being cancelled and flattened; trading is halted until an explicit reset. */
    record EmergencyStop(String reason, int cancels, int flattens, Instant at) implements SafetyEvent {
    }

    /** Every leg of the emergency stop has an outcome; {@code notDone} lists what could not be done. */
    record EmergencyStopFinished(List<String> notDone, Instant at) implements SafetyEvent {
        public EmergencyStopFinished {
            notDone = List.copyOf(notDone);
        }
    }

    record EmergencyHaltReset(String reason, Instant at) implements SafetyEvent {
    }
}
