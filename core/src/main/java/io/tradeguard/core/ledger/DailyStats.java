package io.tradeguard.core.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Figures of one UTC day, the inputs of the daily risk limits.
 *
 * @param startEquity equity in quote at the day's start, null when it could not be valued
 * @param realizedPnl net P&L realized today, partial closes included
 * @param tradeCount  round trips closed today
 * @param streak      positive: consecutive winning trades; negative: consecutive losing trades (across days)
 */
public record DailyStats(LocalDate day, BigDecimal startEquity, BigDecimal realizedPnl, int tradeCount,
                         int wins, int losses, int streak) {
    public DailyStats {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        if (tradeCount < 0 || wins < 0 || losses < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    public static DailyStats start(LocalDate day, BigDecimal startEquity, int streak) {
        return new DailyStats(day, startEquity, BigDecimal.ZERO, 0, 0, 0, streak);
    }

    /** A new day keeps the loss streak: the consecutive-losses rule counts across midnight. */
    public DailyStats nextDay(LocalDate newDay, BigDecimal startEquity) {
        return start(newDay, startEquity, streak);
    }

    public int consecutiveLosses() {
        return streak < 0 ? -streak : 0;
    }

    public DailyStats realized(BigDecimal amount) {
        return new DailyStats(day, startEquity, realizedPnl.add(amount), tradeCount, wins, losses, streak);
    }

    /** A break-even trade counts but neither extends nor breaks a streak. */
    public DailyStats closed(ClosedTrade trade) {
        int newStreak = streak;
        if (trade.isWin()) {
            newStreak = streak > 0 ? streak + 1 : 1;
        } else if (trade.isLoss()) {
            newStreak = streak < 0 ? streak - 1 : -1;
        }
        return new DailyStats(day, startEquity, realizedPnl, tradeCount + 1,
                wins + (trade.isWin() ? 1 : 0), losses + (trade.isLoss() ? 1 : 0), newStreak);
    }
}
