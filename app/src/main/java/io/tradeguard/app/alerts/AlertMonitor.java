package io.tradeguard.app.alerts;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.journal.JournalEntry;
import io.tradeguard.core.ledger.ClosedTrade;
import io.tradeguard.core.ledger.DailyStats;
import io.tradeguard.core.order.Order;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Watches the engine's durable events and turns those that need the user into alerts: kill switch, circuit
 * breaker, emergency stop, a stream disconnected for longer than {@link Rules#connectionLostAfter}, a
 * liquidation, the day's realized loss crossing the warning level, and fills above a notional. Runs on the
 * engine's thread, so it only decides and hands the alert on ({@code publish} must not block); the one
 * timer it owns waits for a lost connection to come back.
 *
 * <p>A liquidation is recognised by its closing trade's exit reason containing "liquidation": the futures
 * venue reports forced closes with that reason (the engine writes the closing order's origin and reason).
 */
public final class AlertMonitor implements AutoCloseable {

    /**
     * @param connectionLostAfter  a stream down for longer than this raises CONNECTION_LOST
     * @param dailyLossWarningPct  the day's realized loss, as a fraction of the day's starting equity, that warns
     *                             (once per UTC day)
     * @param largeFillNotional    an order filled for at least this quote amount raises LARGE_FILL
     */
    public record Rules(Duration connectionLostAfter, BigDecimal dailyLossWarningPct, BigDecimal largeFillNotional) {
        public Rules {
            if (connectionLostAfter == null || connectionLostAfter.isNegative() || connectionLostAfter.isZero()) {
                throw new IllegalArgumentException("the connection-lost delay must be positive, was " + connectionLostAfter);
            }
            if (dailyLossWarningPct == null || dailyLossWarningPct.signum() <= 0 || dailyLossWarningPct.compareTo(BigDecimal.ONE) >= 0) {
                throw new IllegalArgumentException("the daily loss warning is a fraction above 0 and below 1, was " + dailyLossWarningPct);
            }
            if (largeFillNotional == null || largeFillNotional.signum() <= 0) {
                throw new IllegalArgumentException("the large-fill notional must be positive, was " + largeFillNotional);
            }
        }

        /** 60 s, 3 % of the day's starting equity, 5,000 USDT. */
        public static Rules defaults() {
            return new Rules(Duration.ofSeconds(60), new BigDecimal("0.03"), new BigDecimal("5000"));
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(AlertMonitor.class);
    private static final String LIQUIDATION = "liquidation";

    private final Rules rules;
    private final Consumer<Alert> publish;
    private final InstantSource clock;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("alert-connection-timer").factory());
    /** Streams currently down, with the timer that raises the alert; a fired timer stays until the stream is back. */
    private final Map<String, Lost> lost = new HashMap<>();
    private LocalDate dailyLossWarnedOn;

    /** @param alerted whether the timer fired (then the stream's return is told too) */
    private record Lost(ScheduledFuture<?> timer, String reason, java.time.Instant since, AtomicBoolean alerted) {
    }

    public AlertMonitor(Rules rules, Consumer<Alert> publish, InstantSource clock) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.publish = Objects.requireNonNull(publish, "publish");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The engine's listener. */
    public void onEntry(JournalEntry entry) {
        onEvent(entry.event());
    }

    public synchronized void onEvent(DomainEvent event) {
        switch (event) {
            case DomainEvent.KillSwitchTripped e -> send(AlertKind.KILL_SWITCH, Severity.CRITICAL,
                    "Kill switch tripped: no new positions until an admin resets it",
                    "Reason: " + e.reason() + "\n"
                            + "Open positions keep their protective orders; closing orders are still allowed.\n"
                            + "To resume: reset the kill switch on the dashboard or with POST /api/trading-safety/reset-kill-switch (admin).");
            case DomainEvent.CircuitBreakerOpened e -> send(AlertKind.CIRCUIT_BREAKER, Severity.WARNING,
                    "Circuit breaker open: exchange calls paused until " + e.until(),
                    "Reason: " + e.reason() + "\nAfter the pause one probe call decides whether trading resumes.");
            case DomainEvent.EmergencyStop e -> send(AlertKind.EMERGENCY_STOP, Severity.CRITICAL,
                    "Emergency stop: open orders cancelled, positions closed, trading halted",
                    "Reason: " + e.reason() + "\nTrading stays halted until an admin lifts the halt "
                            + "(POST /api/real-trading/emergency-stop/reset).");
            case DomainEvent.ConnectionLost e -> connectionLost(e);
            case DomainEvent.ConnectionRestored e -> connectionRestored(e);
            case DomainEvent.PositionClosed e -> {
                if (e.trade().exitReason().toLowerCase(Locale.ROOT).contains(LIQUIDATION)) {
                    liquidated(e.trade());
                }
            }
            case DomainEvent.DailyStatsUpdated e -> dailyStats(e.stats());
            case DomainEvent.OrderFilled e -> filled(e.order());
            default -> {
            }
        }
    }

    private void connectionLost(DomainEvent.ConnectionLost e) {
        if (lost.containsKey(e.stream())) {
            return; // still down: the first loss keeps its timer
        }
        AtomicBoolean alerted = new AtomicBoolean();
        long millis = rules.connectionLostAfter().toMillis();
        ScheduledFuture<?> task = timer.schedule(() -> connectionStillLost(e.stream(), alerted), millis, TimeUnit.MILLISECONDS);
        lost.put(e.stream(), new Lost(task, e.reason(), e.time(), alerted));
    }

    private synchronized void connectionStillLost(String stream, AtomicBoolean alerted) {
        Lost l = lost.get(stream);
        if (l == null || l.alerted() != alerted) {
            return; // restored meanwhile (and perhaps lost again, with a timer of its own)
        }
        alerted.set(true);
        send(AlertKind.CONNECTION_LOST, Severity.WARNING,
                "Connection to the exchange lost for over " + rules.connectionLostAfter().toSeconds() + " s (" + stream + ")",
                "Down since " + l.since() + ": " + l.reason() + "\n"
                        + "Prices and order updates from this stream are missing; tradeguard keeps reconnecting and "
                        + "reconciles with the exchange as soon as it is back. Protective orders on the exchange still work.");
    }

    private void connectionRestored(DomainEvent.ConnectionRestored e) {
        Lost l = lost.remove(e.stream());
        if (l == null) {
            return;
        }
        l.timer().cancel(false);
        if (l.alerted().get()) {
            send(AlertKind.CONNECTION_LOST, Severity.INFO, "Connection to the exchange restored (" + e.stream() + ")",
                    "Down from " + l.since() + " to " + e.time() + "; tradeguard is reconciling with the exchange.");
        }
    }

    private void liquidated(ClosedTrade t) {
        send(AlertKind.LIQUIDATION, Severity.CRITICAL,
                "Position liquidated: " + t.side() + " " + t.quantity().toPlainString() + " " + t.symbol() + " (" + t.market() + ")",
                "Entry " + t.entryPrice().toPlainString() + ", exit " + t.exitPrice().toPlainString()
                        + ", leverage " + t.leverage() + "x\n"
                        + "Realized P&L " + t.realizedPnl().toPlainString() + " (fees " + t.fees().toPlainString() + ")\n"
                        + "Exit reason: " + t.exitReason());
    }

    private void dailyStats(DailyStats stats) {
        if (stats.startEquity() == null || stats.startEquity().signum() <= 0 || stats.realizedPnl().signum() >= 0
                || stats.day().equals(dailyLossWarnedOn)) {
            return;
        }
        BigDecimal loss = stats.realizedPnl().negate();
        BigDecimal share = loss.divide(stats.startEquity(), MathContext.DECIMAL64);
        if (share.compareTo(rules.dailyLossWarningPct()) < 0) {
            return;
        }
        dailyLossWarnedOn = stats.day();
        send(AlertKind.DAILY_LOSS_WARNING, Severity.WARNING,
                "Daily loss " + loss.setScale(2, RoundingMode.HALF_UP).toPlainString() + " USDT, "
                        + percent(share) + " of the day's starting equity",
                "Day " + stats.day() + " (UTC): starting equity " + stats.startEquity().setScale(2, RoundingMode.HALF_UP).toPlainString()
                        + " USDT, realized P&L " + stats.realizedPnl().toPlainString() + " over " + stats.tradeCount()
                        + " trade(s), " + stats.losses() + " losing.\n"
                        + "This is the warning level (" + percent(rules.dailyLossWarningPct()) + "); the kill switch trips at "
                        + "the daily loss limit.");
    }

    private void filled(Order order) {
        BigDecimal notional = order.filledNotional();
        if (notional.compareTo(rules.largeFillNotional()) < 0) {
            return;
        }
        String average = order.averageFillPrice().map(p -> p.stripTrailingZeros().toPlainString()).orElse("?");
        send(AlertKind.LARGE_FILL, Severity.INFO,
                "Large fill: " + order.side() + " " + order.filledQuantity().stripTrailingZeros().toPlainString() + " "
                        + order.symbol() + " for " + notional.setScale(2, RoundingMode.HALF_UP).toPlainString() + " USDT",
                "Order " + order.clientOrderId().value() + " (" + order.origin() + (order.reason().isEmpty() ? "" : ": " + order.reason())
                        + "), " + order.type() + " on " + order.market() + ", average price " + average + ".\n"
                        + "Alert threshold: " + rules.largeFillNotional().toPlainString() + " USDT.");
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " %";
    }

    private void send(AlertKind kind, Severity severity, String title, String body) {
        Alert alert = new Alert(kind, severity, title, body, clock.instant());
        LOG.warn("alert {} {}: {}", severity, kind, title);
        try {
            publish.accept(alert);
        } catch (RuntimeException e) {
            // an alert channel must never disturb the engine's thread
            LOG.error("alert {} not handed on: {}", kind, e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
