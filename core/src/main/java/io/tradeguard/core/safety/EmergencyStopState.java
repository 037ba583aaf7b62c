package io.tradeguard.core.safety;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The emergency halt and its legs as data, to persist and restore. While {@code halted}, no new entry is
 * allowed, whatever happens to the legs; only an explicit reset lifts it.
 */
public record EmergencyStopState(boolean halted, String reason, Instant startedAt, List<EmergencyLeg> legs,
                                 Instant resetAt, String resetReason) {

    public EmergencyStopState {
        legs = List.copyOf(Objects.requireNonNull(legs, "legs"));
        if (halted && (reason == null || startedAt == null)) {
            throw new IllegalArgumentException("a halt needs a reason and a start time");
        }
    }

    public static EmergencyStopState none() {
        return new EmergencyStopState(false, null, null, List.of(), null, null);
    }
}
