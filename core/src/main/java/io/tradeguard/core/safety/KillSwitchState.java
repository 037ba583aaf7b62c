package io.tradeguard.core.safety;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The kill switch and the day's counters as data, to persist and restore (safety_state).
 *
 * @param cause            why it tripped; null while not active
 * @param reason           the sentence shown to people; null while not active
 * @param day              the UTC day the counters belong to
 * @param startOfDayEquity equity at the start of the day, or at the admin reset of a daily-loss trip
 * @param dailyPnl         realized P&L since then, net of fees
 */
public record KillSwitchState(boolean active, KillSwitch.Cause cause, String reason, Instant trippedAt,
                              Instant lastReset, LocalDate day, BigDecimal startOfDayEquity, BigDecimal dailyPnl,
                              int tradesToday, int consecutiveLosses) {

    public KillSwitchState {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(startOfDayEquity, "startOfDayEquity");
        Objects.requireNonNull(dailyPnl, "dailyPnl");
        if (active && (cause == null || reason == null || trippedAt == null)) {
            throw new IllegalArgumentException("an active kill switch needs a cause, a reason and a time");
        }
        if (!active && (cause != null || reason != null || trippedAt != null)) {
            throw new IllegalArgumentException("an inactive kill switch has no cause, reason or trip time");
        }
        if (tradesToday < 0 || consecutiveLosses < 0 || startOfDayEquity.signum() < 0) {
            throw new IllegalArgumentException("counters and start-of-day equity must not be negative");
        }
    }

    /** A fresh state for the day of {@code now}. */
    public static KillSwitchState fresh(BigDecimal equity, Instant now) {
        return new KillSwitchState(false, null, null, null, null, KillSwitch.utcDay(now), equity, BigDecimal.ZERO, 0, 0);
    }
}
