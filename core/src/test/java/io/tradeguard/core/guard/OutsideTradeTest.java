package io.tradeguard.core.guard;

import io.tradeguard.core.engine.Engine;
import io.tradeguard.core.engine.EngineSettings;
import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.journal.InMemoryJournal;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.risk.Limit;
import io.tradeguard.core.risk.RiskConfig;
import io.tradeguard.core.safety.SafetyStatus;
import io.tradeguard.core.testing.FakeVenue;
import io.tradeguard.core.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.tradeguard.core.testing.Reports.BTCUSDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A trade made elsewhere, recorded by hand: the kill switch counts it, trips on it, and a restart keeps it. */
class OutsideTradeTest {
    private final InMemoryJournal journal = new InMemoryJournal();
    private final ManualClock clock = ManualClock.at("2026-01-05T10:00:00Z");
    private final RiskConfig config = RiskConfig.defaults().with(Limit.MAX_CONSECUTIVE_LOSSES, new BigDecimal("2"));
    private Engine engine;

    private TradingGuards start() throws Exception {
        FakeVenue venue = new FakeVenue(clock);
        venue.setBalance(Asset.USDT, "10000", "0");
        TradingGuards guards = TradingGuards.create(config, clock);
        guards.restore(journal);
        engine = Engine.builder(guards.watch(venue), journal).settings(EngineSettings.defaults(Market.SPOT).withTickInterval(null))
                .gates(guards.gates()).listener(guards.listener()).priceWatcher(guards.priceWatcher()).clock(clock).build();
        guards.bind(engine::submit);
        engine.start();
        return guards;
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop("test over");
        }
    }

    @Test
    void outsideLossesCountTowardsTheStreakAndTheDayAndSurviveARestart() throws Exception {
        TradingGuards guards = start();

        SafetyStatus first = guards.recordOutsideTrade("admin", BTCUSDT, new BigDecimal("-40.5"), engine.snapshot().get(5, TimeUnit.SECONDS));
        assertThat(first.consecutiveLosses()).isEqualTo(1);
        assertThat(first.tradesToday()).isEqualTo(1);
        assertThat(first.dailyPnl()).isEqualByComparingTo("-40.5");
        assertThat(first.killSwitchActive()).isFalse();

        SafetyStatus second = guards.recordOutsideTrade("admin", BTCUSDT, new BigDecimal("-1"), engine.snapshot().get(5, TimeUnit.SECONDS));
        assertThat(second.killSwitchActive()).isTrue();
        assertThat(second.killSwitchReason()).contains("2 losing trades in a row");
        await().atMost(Duration.ofSeconds(5)).until(() -> journal.entries().stream()
                .anyMatch(e -> e.event() instanceof DomainEvent.KillSwitchTripped));
        await().atMost(Duration.ofSeconds(5)).until(() -> journal.entries().stream()
                .filter(e -> e.event() instanceof DomainEvent.GuardStateSaved).count() >= 2);
        engine.stop("restart");

        TradingGuards restarted = start();
        SafetyStatus after = restarted.status();
        assertThat(after.killSwitchActive()).isTrue();
        assertThat(after.consecutiveLosses()).isEqualTo(2);
        assertThat(after.dailyPnl()).isEqualByComparingTo("-41.5");
    }

    @Test
    void aWinEndsTheLosingStreak() throws Exception {
        TradingGuards guards = start();
        guards.recordOutsideTrade("admin", BTCUSDT, new BigDecimal("-5"), engine.snapshot().get(5, TimeUnit.SECONDS));
        SafetyStatus won = guards.recordOutsideTrade("admin", BTCUSDT, new BigDecimal("7.25"), null);
        assertThat(won.consecutiveLosses()).isZero();
        assertThat(won.dailyPnl()).isEqualByComparingTo("2.25");
    }

    @Test
    void theStatusReportsAnEmergencyHalt() throws Exception {
        TradingGuards guards = start();
        engine.submit(new io.tradeguard.core.engine.Command.EmergencyStop("drill")).get(5, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(5)).until(() -> guards.status().emergencyHalt());
    }
}
