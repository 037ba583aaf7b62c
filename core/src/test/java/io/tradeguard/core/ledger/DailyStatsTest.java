package io.tradeguard.core.ledger;

import io.tradeguard.core.model.Market;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static io.tradeguard.core.testing.Reports.BTCUSDT;
import static io.tradeguard.core.testing.Reports.d;
import static org.assertj.core.api.Assertions.assertThat;

class DailyStatsTest {
    private static final Instant T = Instant.parse("2026-01-05T10:00:00Z");

    private static ClosedTrade trade(String pnl) {
        return new ClosedTrade("t", "p", Market.SPOT, BTCUSDT, PositionSide.LONG, d("1"), d("1"), d("1"), d("0"),
                BigDecimal.ZERO, d(pnl), BigDecimal.ZERO, 1, "MANUAL", T, T);
    }

    @Test
    void streaksCountConsecutiveWinsAndLossesAndSurviveMidnight() {
        DailyStats day = DailyStats.start(LocalDate.of(2026, 1, 5), d("1000"), 0);
        day = day.realized(d("5")).closed(trade("5"));
        day = day.realized(d("-2")).closed(trade("-2"));
        day = day.realized(d("-3")).closed(trade("-3"));
        day = day.closed(trade("0"));

        assertThat(day.tradeCount()).isEqualTo(4);
        assertThat(day.wins()).isEqualTo(1);
        assertThat(day.losses()).isEqualTo(2);
        assertThat(day.consecutiveLosses()).isEqualTo(2);
        assertThat(day.realizedPnl()).isEqualByComparingTo("0");

        DailyStats next = day.nextDay(LocalDate.of(2026, 1, 6), d("990"));
        assertThat(next.tradeCount()).isZero();
        assertThat(next.realizedPnl()).isZero();
        assertThat(next.consecutiveLosses()).isEqualTo(2);
        assertThat(next.startEquity()).isEqualByComparingTo("990");
        assertThat(next.closed(trade("1")).streak()).isEqualTo(1);
    }
}
