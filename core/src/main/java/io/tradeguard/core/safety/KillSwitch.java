package io.tradeguard.core.safety;

import io.tradeguard.core.risk.Limit;
import io.tradeguard.core.risk.RiskConfig;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The kill switch and the day's loss counters. It trips on the daily loss limit (share of start-of-day
 * equity and the optional absolute cap), on the consecutive-loss limit, on the emergency drawdown of
 * equity from the day's start (which also calls for an emergency stop), or by hand; while active it blocks
 * every new entry (exits still pass). An admin reset needs a reason. At 00:00 UTC the counters start again
 * and a daily-loss trip resets itself; the other causes wait for an admin.
 *
 * <p>Owned by the engine thread; every method takes "now" and returns the events of its transitions.
 * {@link #state()} is the record to persist, {@link #KillSwitch(RiskConfig, KillSwitchState)} restores it.
 */
public final class KillSwitch {

    public enum Cause {
        DAILY_LOSS, CONSECUTIVE_LOSSES, EMERGENCY_DRAWDOWN, MANUAL;

        /** Only a daily-loss trip ends by itself with the UTC day. */
        public boolean resetsAtMidnight() {
            return switch (this) {
                case DAILY_LOSS -> true;
                case CONSECUTIVE_LOSSES, EMERGENCY_DRAWDOWN, MANUAL -> false;
            };
        }
    }

    private final RiskConfig config;
    private KillSwitchState state;

    public KillSwitch(RiskConfig config, KillSwitchState state) {
        this.config = Objects.requireNonNull(config, "config");
        this.state = Objects.requireNonNull(state, "state");
    }

    public KillSwitchState state() {
        return state;
    }

    public boolean blocksEntries() {
        return state.active();
    }

    /** Why new entries are blocked, or empty when they are not. */
    public Optional<String> entryBlockReason() {
        return state.active() ? Optional.of("Kill switch active since " + state.trippedAt() + ": " + state.reason())
                : Optional.empty();
    }

    /** A round trip closed with this realized P&L (net of fees); equity is the account's equity after it. */
    public List<SafetyEvent> recordTrade(BigDecimal realizedPnl, BigDecimal equity, Instant now) {
        List<SafetyEvent> events = rollOver(equity, now);
        boolean loss = realizedPnl.signum() < 0;
        state = new KillSwitchState(state.active(), state.cause(), state.reason(), state.trippedAt(), state.lastReset(),
                state.day(), state.startOfDayEquity(), state.dailyPnl().add(realizedPnl), state.tradesToday() + 1,
                loss ? state.consecutiveLosses() + 1 : 0);
        checkDailyLoss(now, events);
        BigDecimal maxLosses = config.value(Limit.MAX_CONSECUTIVE_LOSSES);
        if (maxLosses != null && state.consecutiveLosses() >= maxLosses.intValueExact()) {
            trip(Cause.CONSECUTIVE_LOSSES, state.consecutiveLosses() + " losing trades in a row reached the limit of "
                    + maxLosses.toPlainString(), now, events);
        }
        checkDrawdown(equity, now, events);
        return events;
    }

    /** Equity changed (prices moved): checks the emergency drawdown and rolls the day over at midnight. */
    public List<SafetyEvent> onEquity(BigDecimal equity, Instant now) {
        if (!dayRollDue(now) && !drawdownReached(equity)) {
            return List.of(); // nearly every price tick: nothing happens, and nothing is allocated for it
        }
        List<SafetyEvent> events = rollOver(equity, now);
        checkDrawdown(equity, now, events);
        return events;
    }

    /** A timer tick: rolls the day over at 00:00 UTC (and resets a daily-loss trip). */
    public List<SafetyEvent> onClock(BigDecimal equity, Instant now) {
        return rollOver(equity, now);
    }

    /** True when {@code now} is in a later UTC day than the kill switch's: {@link #onClock} would roll it over. */
    public boolean dayRollDue(Instant now) {
        // utcDay(now).isAfter(day) without the LocalDate: the UTC day number is the epoch second floored to days
        return Math.floorDiv(now.getEpochSecond(), 86_400L) > state.day().toEpochDay();
    }

    /** Trips by hand. */
    public List<SafetyEvent> tripManually(String reason, Instant now) {
        requireReason(reason);
        List<SafetyEvent> events = new ArrayList<>();
        trip(Cause.MANUAL, "tripped by hand: " + reason.strip(), now, events);
        return events;
    }

    /**
     * Admin reset. The counter behind the trip starts again: the losing streak, or for a loss trip the day's
     * loss budget, which then counts from the current equity.
     *
     * @throws IllegalStateException when the kill switch is not active
     */
    public List<SafetyEvent> reset(String reason, BigDecimal equity, Instant now) {
        requireReason(reason);
        List<SafetyEvent> events = rollOver(equity, now);
        if (!state.active()) {
            if (!events.isEmpty()) {
                return events;
            }
            throw new IllegalStateException("the kill switch is not active");
        }
        Cause cause = state.cause();
        boolean freshBudget = cause == Cause.DAILY_LOSS || cause == Cause.EMERGENCY_DRAWDOWN;
        state = new KillSwitchState(false, null, null, null, now, state.day(),
                freshBudget ? equity : state.startOfDayEquity(), freshBudget ? BigDecimal.ZERO : state.dailyPnl(),
                state.tradesToday(), cause == Cause.CONSECUTIVE_LOSSES ? 0 : state.consecutiveLosses());
        events.add(new SafetyEvent.KillSwitchReset(reason.strip(), false, now));
        return events;
    }

    static LocalDate utcDay(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    private List<SafetyEvent> rollOver(BigDecimal equity, Instant now) {
        List<SafetyEvent> events = new ArrayList<>(2);
        LocalDate today = utcDay(now);
        if (!today.isAfter(state.day())) {
            return events;
        }
        boolean autoReset = state.active() && state.cause().resetsAtMidnight();
        Instant midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        state = autoReset
                ? new KillSwitchState(false, null, null, null, midnight, today, equity, BigDecimal.ZERO, 0, state.consecutiveLosses())
                : new KillSwitchState(state.active(), state.cause(), state.reason(), state.trippedAt(), state.lastReset(),
                today, equity, BigDecimal.ZERO, 0, state.consecutiveLosses());
        events.add(new SafetyEvent.TradingDayStarted(today, equity, now));
        if (autoReset) {
            events.add(new SafetyEvent.KillSwitchReset("new UTC day " + today, true, now));
        }
        return events;
    }

    private void checkDailyLoss(Instant now, List<SafetyEvent> events) {
        BigDecimal loss = state.dailyPnl().negate();
        if (loss.signum() <= 0) {
            return;
        }
        BigDecimal pct = config.value(Limit.DAILY_LOSS_LIMIT_PCT);
        if (pct != null) {
            BigDecimal limit = pct.multiply(state.startOfDayEquity());
            if (loss.compareTo(limit) >= 0) {
                trip(Cause.DAILY_LOSS, "today's loss of " + plain(loss) + " reached the daily limit of " + plain(limit)
                        + " (" + plain(pct.movePointRight(2)) + "% of " + plain(state.startOfDayEquity()) + ")", now, events);
                return;
            }
        }
        BigDecimal cap = config.value(Limit.DAILY_LOSS_LIMIT_USD);
        if (cap != null && loss.compareTo(cap) >= 0) {
            trip(Cause.DAILY_LOSS, "today's loss of " + plain(loss) + " reached the daily cap of " + plain(cap), now, events);
        }
    }

    /** Whether equity is at or past the emergency drawdown from the day's start: asked on every price tick. */
    private boolean drawdownReached(BigDecimal equity) {
        BigDecimal pct = config.value(Limit.EMERGENCY_DRAWDOWN_PCT);
        BigDecimal start = state.startOfDayEquity();
        if (pct == null || start.signum() == 0) {
            return false;
        }
        if (pct != limitPct || start != limitStart) {
            // pct x start only changes with the limit or the day's start: recomputed whenever either object changes
            limit = pct.multiply(start);
            limitPct = pct;
            limitStart = start;
        }
        return start.subtract(equity).compareTo(limit) >= 0;
    }

    /** the drawdown limit in money for {@link #limitPct} of {@link #limitStart}: kept from tick to tick */
    private BigDecimal limit;
    private BigDecimal limitPct;
    private BigDecimal limitStart;

    private void checkDrawdown(BigDecimal equity, Instant now, List<SafetyEvent> events) {
        if (!drawdownReached(equity)) {
            return;
        }
        BigDecimal drawdown = state.startOfDayEquity().subtract(equity);
        trip(Cause.EMERGENCY_DRAWDOWN, "equity " + plain(equity) + " fell " + plain(drawdown) + " from the day's start of "
                + plain(state.startOfDayEquity()) + ", past the emergency drawdown of " + plain(limitPct.movePointRight(2)) + "%",
                now, events);
    }

    /** A trip while already active only escalates to the emergency drawdown; other causes add nothing. */
    private void trip(Cause cause, String reason, Instant now, List<SafetyEvent> events) {
        if (state.active() && (cause != Cause.EMERGENCY_DRAWDOWN || state.cause() == Cause.EMERGENCY_DRAWDOWN)) {
            return;
        }
        state = new KillSwitchState(true, cause, reason, now, state.lastReset(), state.day(), state.startOfDayEquity(),
                state.dailyPnl(), state.tradesToday(), state.consecutiveLosses());
        events.add(new SafetyEvent.KillSwitchTripped(cause, reason, cause == Cause.EMERGENCY_DRAWDOWN, now));
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
