package io.tradeguard.app.alerts;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.ledger.ClosedTrade;
import io.tradeguard.core.ledger.DailyStats;
import io.tradeguard.core.ledger.PositionSide;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.venue.Fill;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AlertMonitorTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Symbol BTCUSDT = Symbol.of("BTCUSDT");

    private final List<Alert> sent = new CopyOnWriteArrayList<>();
    private final AlertMonitor monitor = new AlertMonitor(
            new AlertMonitor.Rules(Duration.ofMillis(300), new BigDecimal("0.03"), new BigDecimal("5000")), sent::add,
            InstantSource.system());

    @AfterEach
    void close() {
        monitor.close();
    }

    @Test
    void the_safety_events_become_alerts_with_their_reason() {
        monitor.onEvent(new DomainEvent.KillSwitchTripped("3 consecutive losses reached the limit of 3", T0));
        monitor.onEvent(new DomainEvent.CircuitBreakerOpened("5 consecutive exchange errors", T0.plusSeconds(300), T0));
        monitor.onEvent(new DomainEvent.EmergencyStop("drawdown 12% over the emergency limit", T0));
        monitor.onEvent(new DomainEvent.KillSwitchReset("admin", T0));

        assertThat(sent).extracting(Alert::kind).containsExactly(AlertKind.KILL_SWITCH, AlertKind.CIRCUIT_BREAKER,
                AlertKind.EMERGENCY_STOP);
        assertThat(sent.get(0).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(sent.get(0).title()).contains("Kill switch tripped");
        assertThat(sent.get(0).body()).contains("3 consecutive losses reached the limit of 3").contains("reset-kill-switch");
        assertThat(sent.get(1).title()).contains(T0.plusSeconds(300).toString());
        assertThat(sent.get(2).body()).contains("drawdown 12%");
    }

    @Test
    void a_connection_lost_longer_than_the_delay_alerts_once_and_its_return_is_told_a_short_gap_says_nothing() {
        monitor.onEvent(new DomainEvent.ConnectionLost("market", "socket closed", T0));
        monitor.onEvent(new DomainEvent.ConnectionRestored("market", T0.plusMillis(50)));
        monitor.onEvent(new DomainEvent.ConnectionLost("user", "ping timeout", T0));
        monitor.onEvent(new DomainEvent.ConnectionLost("user", "still down", T0.plusMillis(10))); // same outage

        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);
        Alert lost = sent.get(0);
        assertThat(lost.kind()).isEqualTo(AlertKind.CONNECTION_LOST);
        assertThat(lost.severity()).isEqualTo(Severity.WARNING);
        assertThat(lost.title()).contains("user").doesNotContain("market");
        assertThat(lost.body()).contains("ping timeout");

        monitor.onEvent(new DomainEvent.ConnectionRestored("user", T0.plusSeconds(5)));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).severity()).isEqualTo(Severity.INFO);
        assertThat(sent.get(1).title()).contains("restored");
        // the market stream's 50 ms gap never became an alert
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> sent.size() == 2);
    }

    @Test
    void a_close_whose_exit_reason_says_liquidation_alerts_and_an_ordinary_close_does_not() {
        monitor.onEvent(closed("PROTECTION: stop-loss"));
        assertThat(sent).isEmpty();

        monitor.onEvent(closed("EXTERNAL: liquidation by the exchange"));
        assertThat(sent).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.LIQUIDATION);
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.title()).contains("LONG").contains("BTCUSDT");
            assertThat(a.body()).contains("-412.5").contains("10x");
        });
    }

    @Test
    void the_daily_loss_warns_once_when_it_crosses_the_level_of_the_days_starting_equity() {
        LocalDate day = LocalDate.of(2026, 11, 22);
        BigDecimal start = new BigDecimal("10000");
        monitor.onEvent(stats(day, start, "-299.99")); // 2.9999 %: not yet
        assertThat(sent).isEmpty();
        monitor.onEvent(stats(day, start, "-300"));    // 3 %
        monitor.onEvent(stats(day, start, "-450"));    // worse, same day: already told
        assertThat(sent).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.DAILY_LOSS_WARNING);
            assertThat(a.title()).isEqualTo("Daily loss 300.00 USDT, 3 % of the day's starting equity");
        });
        monitor.onEvent(stats(day.plusDays(1), start, "-310")); // a new day warns again
        assertThat(sent).hasSize(2);
        monitor.onEvent(stats(day.plusDays(2), null, "-9000")); // unknown starting equity: no basis for a share
        monitor.onEvent(stats(day.plusDays(3), start, "500"));
        assertThat(sent).hasSize(2);
    }

    @Test
    void a_fill_at_or_above_the_notional_threshold_alerts_with_side_quantity_and_value() {
        monitor.onEvent(filled("0.05", "99999.98")); // 4999.999 USDT
        assertThat(sent).isEmpty();
        monitor.onEvent(filled("0.05", "100000"));   // 5000 USDT
        assertThat(sent).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(AlertKind.LARGE_FILL);
            assertThat(a.title()).isEqualTo("Large fill: BUY 0.05 BTCUSDT for 5000.00 USDT");
            assertThat(a.body()).contains("SIGNAL: signal s-1").contains("average price 100000");
        });
    }

    @Test
    void a_failing_publisher_never_reaches_the_engines_thread() {
        AlertMonitor failing = new AlertMonitor(AlertMonitor.Rules.defaults(), a -> {
            throw new IllegalStateException("queue gone");
        }, InstantSource.system());
        try {
            failing.onEvent(new DomainEvent.KillSwitchTripped("limit", T0)); // must not throw
        } finally {
            failing.close();
        }
    }

    @Test
    void rules_refuse_values_that_make_no_sense() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AlertMonitor.Rules(Duration.ZERO, new BigDecimal("0.03"), BigDecimal.TEN))
                .hasMessageContaining("connection-lost delay");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AlertMonitor.Rules(Duration.ofSeconds(1), new BigDecimal("3"), BigDecimal.TEN))
                .hasMessageContaining("fraction");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AlertMonitor.Rules(Duration.ofSeconds(1), new BigDecimal("0.03"), BigDecimal.ZERO))
                .hasMessageContaining("large-fill");
    }

    private static DomainEvent.PositionClosed closed(String exitReason) {
        ClosedTrade t = new ClosedTrade("t1", "p1", Market.FUTURES, BTCUSDT, PositionSide.LONG, new BigDecimal("0.01"),
                new BigDecimal("100000"), new BigDecimal("59000"), new BigDecimal("2.5"), BigDecimal.ZERO,
                new BigDecimal("-412.5"), new BigDecimal("-4.1"), 10, exitReason, T0, T0.plusSeconds(600));
        return new DomainEvent.PositionClosed(Market.FUTURES, BTCUSDT, null, t, t.realizedPnl(), T0.plusSeconds(600));
    }

    private static DomainEvent.DailyStatsUpdated stats(LocalDate day, BigDecimal start, String realized) {
        return new DomainEvent.DailyStatsUpdated(new DailyStats(day, start, new BigDecimal(realized), 1, 0, 1, -1), T0);
    }

    private static DomainEvent.OrderFilled filled(String quantity, String price) {
        Order pending = Order.pending(OrderIntent.market(Market.SPOT, BTCUSDT, Side.BUY, new BigDecimal(quantity), OrderOrigin.SIGNAL)
                .withReason("signal s-1"), ClientOrderId.of("TG1"), T0);
        Fill fill = new Fill(7, new BigDecimal(price), new BigDecimal(quantity), BigDecimal.ZERO, Asset.of("USDT"), false, T0);
        Order done = io.tradeguard.core.order.OrderReports.applyFill(pending, fill, T0).order();
        return new DomainEvent.OrderFilled(done, fill, T0);
    }
}
