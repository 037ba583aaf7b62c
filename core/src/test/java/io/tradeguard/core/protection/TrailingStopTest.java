package io.tradeguard.core.protection;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrailingStopTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static LocalTrigger.Step tick(LocalTrigger trigger, String price) {
        return trigger.onTick(d(price));
    }

    @Test
    void aSellTrailFollowsTheHighAndFiresOnTheFirstTickAtTheTrail() {
        LocalTrigger stop = TrailingStop.start("t1", Market.SPOT, BTC, Side.SELL, d("1"), 300, null, null);
        for (String price : new String[] {"100", "104", "110", "109", "106.71"}) {
            LocalTrigger.Step step = tick(stop, price);
            assertThat(step.fired()).as("at %s", price).isFalse();
            stop = step.next();
        }
        assertThat(((TrailingStop) stop).extreme()).isEqualByComparingTo("110");
        assertThat(((TrailingStop) stop).stopLevel()).isEqualByComparingTo("106.70");
        LocalTrigger.Step fired = tick(stop, "106.70");
        assertThat(fired.fired()).isTrue();
        assertThat(fired.level()).isEqualByComparingTo("106.70");
    }

    @Test
    void aTickPastTheTrailFiresAtTheTrailLevel() {
        LocalTrigger stop = TrailingStop.start("t1", Market.SPOT, BTC, Side.SELL, d("1"), 100, null, null);
        stop = tick(stop, "200").next();
        LocalTrigger.Step gap = tick(stop, "150");
        assertThat(gap.fired()).isTrue();
        assertThat(gap.level()).isEqualByComparingTo("198");
    }

    @Test
    void binanceFaqExampleForABuyTrailWithActivation() {
        LocalTrigger stop = TrailingStop.start("t2", Market.SPOT, BTC, Side.BUY, d("1"), 500, d("44000"), null);
        assertThat(tick(stop, "45000").next()).isSameAs(stop);
        stop = tick(stop, "44000").next();
        assertThat(((TrailingStop) stop).tracking()).isTrue();
        stop = tick(stop, "43000").next();
        stop = tick(stop, "42000").next();
        assertThat(tick(stop, "44099.99").fired()).isFalse();
        LocalTrigger.Step fired = tick(stop, "44100");
        assertThat(fired.fired()).isTrue();
        assertThat(fired.level()).isEqualByComparingTo("44100");
    }

    @Test
    void aSellTrailWithActivationWaitsForThePriceToRiseToIt() {
        LocalTrigger stop = TrailingStop.start("t3", Market.FUTURES, BTC, Side.SELL, d("1"), 100, d("105"), null);
        stop = tick(stop, "104.99").next();
        assertThat(((TrailingStop) stop).tracking()).isFalse();
        assertThat(tick(stop, "90").fired()).isFalse();
        stop = tick(stop, "105").next();
        assertThat(tick(stop, "103.95").fired()).isTrue();
    }

    @Test
    void deltaIsInBips() {
        assertThat(TrailingStop.bipsOf(d("0.03"))).isEqualTo(300);
        assertThatThrownBy(() -> TrailingStop.start("x", Market.SPOT, BTC, Side.SELL, d("1"), 0, null, null))
                .hasMessageContaining("1..9999 BIPS");
    }
}
