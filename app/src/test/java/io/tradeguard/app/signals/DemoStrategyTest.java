package io.tradeguard.app.signals;

import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.signal.Signal;
import io.tradeguard.core.signal.SignalDirection;
import io.tradeguard.core.venue.Candle;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoStrategyTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final List<Candle> bars = new ArrayList<>();
    private final List<Signal> taken = new ArrayList<>();
    private Instant now;

    private DemoStrategy strategy() {
        return new DemoStrategy(DemoStrategy.Settings.defaults(), (symbol, interval, limit) -> {
            assertThat(symbol).isEqualTo(Symbol.of("BTCUSDT"));
            assertThat(interval).isEqualTo("1s");
            return List.copyOf(bars.subList(Math.max(0, bars.size() - limit), bars.size()));
        }, taken::add, () -> now);
    }

    private void bar(String close) {
        Instant open = T0.plusSeconds(bars.size());
        BigDecimal c = new BigDecimal(close);
        bars.add(new Candle(open, open.plusMillis(999), c, c, c, c, BigDecimal.ONE, c, 1));
    }

    @Test
    void a_cross_on_the_newest_closed_bar_is_handed_on_once_and_the_bar_still_open_is_ignored() {
        DemoStrategy demo = strategy();
        for (int i = 0; i < 21; i++) {
            bar("60000");
        }
        bar("60180"); // +0.3 %: the fast average jumps above the slow one
        now = T0.plusMillis(21_500); // the jump's bar is still open
        assertThat(demo.tick()).isEmpty();
        assertThat(taken).isEmpty();

        now = T0.plusMillis(22_100); // now it has closed
        assertThat(demo.tick()).hasValueSatisfying(s -> {
            assertThat(s.direction()).isEqualTo(SignalDirection.LONG);
            assertThat(s.confidence()).isEqualByComparingTo("1");
            assertThat(s.source()).isEqualTo("demo");
            assertThat(s.strategy()).isEqualTo("ma-crossover-5-20");
        });
        assertThat(taken).hasSize(1);

        now = T0.plusMillis(22_400); // the same bar looked at again
        assertThat(demo.tick()).isEmpty();
        assertThat(taken).hasSize(1);
    }

    @Test
    void a_venue_failure_or_a_refusing_sink_costs_one_look_and_never_stops_the_strategy() {
        DemoStrategy failing = new DemoStrategy(DemoStrategy.Settings.defaults(), (symbol, interval, limit) -> {
            throw new IllegalStateException("venue unreachable");
        }, taken::add, () -> T0);
        assertThat(failing.tick()).isEmpty();

        for (int i = 0; i < 21; i++) {
            bar("60000");
        }
        bar("60180");
        now = T0.plusSeconds(23);
        DemoStrategy refused = new DemoStrategy(DemoStrategy.Settings.defaults(),
                (symbol, interval, limit) -> List.copyOf(bars), signal -> {
                    throw new IllegalStateException("the engine did not answer in time");
                }, () -> now);
        assertThat(refused.tick()).isEmpty();
    }

    @Test
    void an_interval_binance_does_not_have_is_refused() {
        assertThatThrownBy(() -> new DemoStrategy.Settings(Symbol.of("BTCUSDT"), "2s",
                DemoStrategy.Settings.defaults().crossover())).hasMessageContaining("'2s'").hasMessageContaining("1s");
    }
}
