package io.tradeguard.core.safety;

import io.tradeguard.core.risk.Limit;
import io.tradeguard.core.risk.RiskConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KillSwitchTest {
    private static final BigDecimal START = new BigDecimal("10000");
    private Instant now = Instant.parse("2026-03-02T22:00:00Z");

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private KillSwitch fresh(RiskConfig config) {
        return new KillSwitch(config, KillSwitchState.fresh(START, now));
    }

    private KillSwitch fresh() {
        return fresh(RiskConfig.defaults().without(Limit.MAX_CONSECUTIVE_LOSSES));
    }

    @Test
    void dailyLossJustUnderTheLimitDoesNotTrip() {
        KillSwitch ks = fresh();
        assertThat(ks.recordTrade(d("-499.99"), d("9500.01"), now)).isEmpty();
        assertThat(ks.blocksEntries()).isFalse();
        assertThat(ks.state().dailyPnl()).isEqualByComparingTo("-499.99");
        assertThat(ks.state().tradesToday()).isEqualTo(1);
    }

    @Test
    void dailyLossAtTheLimitTrips() {
        KillSwitch ks = fresh();
        List<SafetyEvent> events = ks.recordTrade(d("-500"), d("9500"), now);
        assertThat(events).singleElement().isInstanceOfSatisfying(SafetyEvent.KillSwitchTripped.class, e -> {
            assertThat(e.cause()).isEqualTo(KillSwitch.Cause.DAILY_LOSS);
            assertThat(e.reason()).isEqualTo("today's loss of 500 reached the daily limit of 500 (5% of 10000)");
            assertThat(e.emergencyStopRequired()).isFalse();
        });
        assertThat(ks.blocksEntries()).isTrue();
        assertThat(ks.entryBlockReason()).get().asString().contains("daily limit");
    }

    @Test
    void dailyLossOverTheLimitTripsOnceOnly() {
        KillSwitch ks = fresh();
        ks.recordTrade(d("-300"), d("9700"), now);
        assertThat(ks.recordTrade(d("-200.01"), d("9499.99"), now)).hasSize(1);
        assertThat(ks.recordTrade(d("-10"), d("9489.99"), now)).isEmpty();
    }

    @Test
    void theAbsoluteCapTripsWhenThePercentageDoesNot() {
        KillSwitch ks = fresh(RiskConfig.defaults().with(Limit.DAILY_LOSS_LIMIT_USD, d("50")));
        assertThat(ks.recordTrade(d("-49.99"), d("9950.01"), now)).isEmpty();
        assertThat(ks.recordTrade(d("-0.01"), d("9950"), now)).singleElement()
                .isInstanceOfSatisfying(SafetyEvent.KillSwitchTripped.class, e -> assertThat(e.reason()).contains("daily cap of 50"));
    }

    @Test
    void consecutiveLossesTripAtTheLimitAndAWinEndsTheStreak() {
        KillSwitch ks = fresh(RiskConfig.defaults());
        ks.recordTrade(d("-1"), START, now);
        ks.recordTrade(d("-1"), START, now);
        ks.recordTrade(d("0.5"), START, now);
        assertThat(ks.state().consecutiveLosses()).isZero();
        ks.recordTrade(d("-1"), START, now);
        assertThat(ks.recordTrade(d("-1"), START, now)).isEmpty();
        assertThat(ks.recordTrade(d("-1"), START, now)).singleElement()
                .isInstanceOfSatisfying(SafetyEvent.KillSwitchTripped.class, e -> assertThat(e.cause()).isEqualTo(KillSwitch.Cause.CONSECUTIVE_LOSSES));
    }

    @Test
    void emergencyDrawdownTripsAtTenPercentAndCallsForAnEmergencyStop() {
        KillSwitch ks = fresh();
        assertThat(ks.onEquity(d("9000.01"), now)).isEmpty();
        assertThat(ks.onEquity(d("9000"), now)).singleElement().isInstanceOfSatisfying(SafetyEvent.KillSwitchTripped.class, e -> {
            assertThat(e.cause()).isEqualTo(KillSwitch.Cause.EMERGENCY_DRAWDOWN);
            assertThat(e.emergencyStopRequired()).isTrue();
        });
    }

    @Test
    void drawdownEscalatesADailyLossTrip() {
        KillSwitch ks = fresh();
        ks.recordTrade(d("-600"), d("9400"), now);
        assertThat(ks.state().cause()).isEqualTo(KillSwitch.Cause.DAILY_LOSS);
        assertThat(ks.onEquity(d("8999"), now)).singleElement().isInstanceOf(SafetyEvent.KillSwitchTripped.class);
        assertThat(ks.state().cause()).isEqualTo(KillSwitch.Cause.EMERGENCY_DRAWDOWN);
    }

    @Test
    void aDailyTripResetsItselfAtMidnightUtc() {
        KillSwitch ks = fresh();
        ks.recordTrade(d("-500"), d("9500"), now);
        now = Instant.parse("2026-03-02T23:59:59.999Z");
        assertThat(ks.onClock(d("9500"), now)).isEmpty();
        assertThat(ks.blocksEntries()).isTrue();
        now = Instant.parse("2026-03-03T00:00:00Z");
        List<SafetyEvent> events = ks.onClock(d("9500"), now);
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isEqualTo(new SafetyEvent.TradingDayStarted(LocalDate.of(2026, 3, 3), d("9500"), now));
        assertThat(events.get(1)).isInstanceOfSatisfying(SafetyEvent.KillSwitchReset.class, e -> assertThat(e.automatic()).isTrue());
        assertThat(ks.blocksEntries()).isFalse();
        assertThat(ks.state().startOfDayEquity()).isEqualByComparingTo("9500");
        assertThat(ks.state().dailyPnl()).isZero();
        assertThat(ks.state().tradesToday()).isZero();
    }

    @Test
    void otherTripsWaitForAnAdminAfterMidnight() {
        KillSwitch ks = fresh(RiskConfig.defaults());
        for (int i = 0; i < 3; i++) {
            ks.recordTrade(d("-1"), START, now);
        }
        now = now.plus(Duration.ofHours(3));
        assertThat(ks.onClock(START, now)).singleElement().isInstanceOf(SafetyEvent.TradingDayStarted.class);
        assertThat(ks.blocksEntries()).isTrue();
        assertThat(ks.state().consecutiveLosses()).isEqualTo(3);
        KillSwitch manual = fresh();
        manual.tripManually("going on holiday", now);
        assertThat(manual.onClock(START, now.plus(Duration.ofDays(2)))).hasSize(1);
        assertThat(manual.state().reason()).isEqualTo("tripped by hand: going on holiday");
    }

    @Test
    void anAdminResetNeedsAReasonAndRestartsTheCounterBehindTheTrip() {
        KillSwitch ks = fresh(RiskConfig.defaults());
        for (int i = 0; i < 3; i++) {
            ks.recordTrade(d("-10"), d("9970"), now);
        }
        assertThatThrownBy(() -> ks.reset(" ", d("9970"), now)).hasMessage("a reason is required");
        assertThat(ks.reset("reviewed the strategy", d("9970"), now))
                .containsExactly(new SafetyEvent.KillSwitchReset("reviewed the strategy", false, now));
        assertThat(ks.blocksEntries()).isFalse();
        assertThat(ks.state().consecutiveLosses()).isZero();
        assertThat(ks.state().lastReset()).isEqualTo(now);
        assertThat(ks.state().dailyPnl()).isEqualByComparingTo("-30");
        assertThatThrownBy(() -> ks.reset("again", d("9970"), now)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAdminResetOfALossTripStartsAFreshBudgetFromTheCurrentEquity() {
        KillSwitch ks = fresh();
        ks.recordTrade(d("-500"), d("9500"), now);
        ks.reset("accepted the loss", d("9500"), now);
        assertThat(ks.state().startOfDayEquity()).isEqualByComparingTo("9500");
        assertThat(ks.state().dailyPnl()).isZero();
        assertThat(ks.recordTrade(d("-474.99"), d("9025.01"), now)).isEmpty();
        assertThat(ks.recordTrade(d("-0.01"), d("9025"), now)).hasSize(1);
    }

    @Test
    void theStateRoundTripsThroughItsRecord() {
        KillSwitch ks = fresh();
        ks.recordTrade(d("-500"), d("9500"), now);
        KillSwitch restored = new KillSwitch(RiskConfig.defaults(), ks.state());
        assertThat(restored.state()).isEqualTo(ks.state());
        assertThat(restored.blocksEntries()).isTrue();
        assertThat(restored.onClock(d("9500"), Instant.parse("2026-03-05T08:00:00Z"))).hasSize(2);
        assertThat(restored.blocksEntries()).isFalse();
    }
}
