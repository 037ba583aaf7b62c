package io.tradeguard.core.safety;

import io.tradeguard.core.risk.RiskConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The price-tick path of the kill switch: the day test without a LocalDate, and nothing to say on a quiet tick. */
class KillSwitchTickTest {

    @Test
    void theDayRollTestAgreesWithTheCalendarAroundMidnightAndFarFromIt() {
        Random random = new Random(7);
        Instant[] days = {Instant.parse("2026-03-02T00:00:00Z"), Instant.parse("1969-12-31T23:59:59Z"),
                Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2100-02-28T12:00:00Z")};
        for (Instant start : days) {
            KillSwitch ks = new KillSwitch(RiskConfig.defaults(), KillSwitchState.fresh(new BigDecimal("1000"), start));
            for (long offset : new long[] {-86_401, -86_400, -1, 0, 1, 86_399, 86_400, 86_401, 172_800}) {
                Instant now = start.plusSeconds(offset);
                for (Instant at : new Instant[] {now, now.plusNanos(999_999_999), now.minusNanos(1)}) {
                    assertThat(ks.dayRollDue(at)).as("%s from %s", at, start)
                            .isEqualTo(KillSwitch.utcDay(at).isAfter(ks.state().day()));
                }
            }
            for (int n = 0; n < 2_000; n++) {
                Instant at = start.plusSeconds(random.nextLong(-5L * 86_400, 5L * 86_400)).plusNanos(random.nextInt(1_000_000_000));
                assertThat(ks.dayRollDue(at)).as("%s from %s", at, start)
                        .isEqualTo(KillSwitch.utcDay(at).isAfter(ks.state().day()));
            }
        }
    }

    @Test
    void theDrawdownLimitFollowsANewDaysStartingEquity() {
        Instant start = Instant.parse("2026-03-02T10:00:00Z");
        KillSwitch ks = new KillSwitch(RiskConfig.defaults(), KillSwitchState.fresh(new BigDecimal("10000"), start));
        assertThat(ks.onEquity(new BigDecimal("9500"), start.plusSeconds(1))).isEmpty(); // 5 % of 10000: under 10 %
        // the next day starts at 5000: 10 % of it is 500, no longer 1000
        assertThat(ks.onEquity(new BigDecimal("5000"), Instant.parse("2026-03-03T00:00:01Z")))
                .anyMatch(e -> e instanceof SafetyEvent.TradingDayStarted);
        assertThat(ks.state().startOfDayEquity()).isEqualByComparingTo("5000");
        assertThat(ks.onEquity(new BigDecimal("4500.01"), Instant.parse("2026-03-03T00:00:02Z"))).isEmpty();
        assertThat(ks.onEquity(new BigDecimal("4500"), Instant.parse("2026-03-03T00:00:03Z"))).singleElement()
                .isInstanceOf(SafetyEvent.KillSwitchTripped.class);
    }

    @Test
    void aQuietTickSaysNothingAndADrawdownTickStillTrips() {
        Instant start = Instant.parse("2026-03-02T10:00:00Z");
        KillSwitch ks = new KillSwitch(RiskConfig.defaults(), KillSwitchState.fresh(new BigDecimal("10000"), start));
        BigDecimal limitPct = RiskConfig.defaults().value(io.tradeguard.core.risk.Limit.EMERGENCY_DRAWDOWN_PCT);
        BigDecimal atLimit = new BigDecimal("10000").subtract(limitPct.multiply(new BigDecimal("10000")));
        assertThat(ks.onEquity(new BigDecimal("9999"), start.plusSeconds(1))).isEmpty();
        assertThat(ks.onEquity(atLimit.add(new BigDecimal("0.01")), start.plusSeconds(2))).isEmpty();
        assertThat(ks.blocksEntries()).isFalse();
        assertThat(ks.onEquity(atLimit, start.plusSeconds(3))).singleElement()
                .isInstanceOfSatisfying(SafetyEvent.KillSwitchTripped.class, t -> assertThat(t.emergencyStopRequired()).isTrue());
        assertThat(ks.blocksEntries()).isTrue();
        // the next day's first tick rolls the day over, even when the equity alone would say nothing
        assertThat(ks.onEquity(new BigDecimal("10000"), Instant.parse("2026-03-03T00:00:00Z")))
                .anyMatch(e -> e instanceof SafetyEvent.TradingDayStarted);
    }
}
