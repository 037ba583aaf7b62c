package io.tradeguard.core.signal;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.tradeguard.core.signal.SignalFixtures.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MovingAverageCrossoverTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private final MovingAverageCrossover futures = new MovingAverageCrossover(MovingAverageCrossover.Settings.demo(Market.FUTURES));
    private final MovingAverageCrossover spot = new MovingAverageCrossover(MovingAverageCrossover.Settings.demo(Market.SPOT));

    /** One-minute bars with the given closes (open = previous close, so each bar is consistent). */
    private static List<Kline> bars(Symbol symbol, String... closes) {
        List<Kline> out = new ArrayList<>();
        BigDecimal prevClose = new BigDecimal(closes[0]);
        for (int i = 0; i < closes.length; i++) {
            BigDecimal close = new BigDecimal(closes[i]);
            Instant open = START.plus(Duration.ofMinutes(i));
            out.add(new Kline(symbol, open, open.plus(Duration.ofMinutes(1)).minusMillis(1), prevClose,
                    prevClose.max(close), prevClose.min(close), close, BigDecimal.TEN));
            prevClose = close;
        }
        return out;
    }

    private static String[] flatThen(int flatBars, String... tail) {
        return Stream.concat(Collections.nCopies(flatBars, "100").stream(), Stream.of(tail)).toArray(String[]::new);
    }

    @Test
    void noSignalUntilThereAreSlowPlusOneBars() {
        assertThat(futures.barsNeeded()).isEqualTo(21);
        assertThat(futures.evaluate(bars(BTC, flatThen(19, "110")))).isEmpty();
        assertThat(futures.evaluate(List.of())).isEmpty();
    }

    @Test
    void aDecisiveUpwardCrossSignalsLongWithFullConfidence() {
        List<Kline> klines = bars(BTC, flatThen(20, "110"));   // fast 102, slow 100.5: 1.49% apart

        Signal s = futures.evaluate(klines).orElseThrow();

        assertThat(s.direction()).isEqualTo(SignalDirection.LONG);
        assertThat(s.confidence()).isEqualByComparingTo("1");
        assertThat(s.symbol()).isEqualTo(BTC);
        assertThat(s.market()).isEqualTo(Market.FUTURES);
        assertThat(s.strategy()).isEqualTo("ma-crossover-5-20");
        assertThat(s.source()).isEqualTo("demo");
        assertThat(s.time()).isEqualTo(klines.getLast().closeTime());
        assertThat(s.id().value()).isEqualTo("ma-BTCUSDT-" + klines.getLast().closeTime().toEpochMilli());
        assertThat(s.entry()).isNull();
        assertThat(s.stopLoss()).isNull();
    }

    @Test
    void aCrossByAHairGivesLowConfidence() {
        // fast 100.01, slow 100.0025: spread 0.0075%, 7.5% of the full-confidence spread
        Signal s = futures.evaluate(bars(BTC, flatThen(20, "100.05"))).orElseThrow();
        assertThat(s.confidence()).isEqualByComparingTo("0.5374");
        assertThat(new SignalDecider(SignalConfig.defaults())
                .decide(s, TradingMode.AUTO, new BigDecimal("100.05"), false, s.time()).outcome())
                .isEqualTo(SignalDecision.Outcome.SKIPPED_LOW_CONFIDENCE);
    }

    @Test
    void aDownwardCrossIsShortOnFuturesAndCloseOnSpot() {
        List<Kline> klines = bars(BTC, flatThen(20, "90"));
        assertThat(futures.evaluate(klines)).get().extracting(Signal::direction).isEqualTo(SignalDirection.SHORT);
        assertThat(spot.evaluate(klines)).get().extracting(Signal::direction).isEqualTo(SignalDirection.CLOSE);
    }

    @Test
    void noSignalWhileTheAveragesStayOnTheSameSide() {
        // the bar after a cross: fast still above slow, nothing new
        assertThat(futures.evaluate(bars(BTC, flatThen(20, "110", "111")))).isEmpty();
        // a steady decline: fast below slow all along
        String[] falling = new String[25];
        for (int i = 0; i < falling.length; i++) {
            falling[i] = String.valueOf(200 - i);
        }
        assertThat(futures.evaluate(bars(BTC, falling))).isEmpty();
        // flat: equal averages are no cross
        assertThat(futures.evaluate(bars(BTC, flatThen(21)))).isEmpty();
    }

    @Test
    void onlyTheNewestBarsCountAndTheResultIsDeterministic() {
        List<Kline> longHistory = bars(BTC, Stream.concat(Stream.of("500", "20", "7000"),
                Stream.of(flatThen(20, "110"))).toArray(String[]::new));
        Optional<Signal> first = futures.evaluate(longHistory);
        assertThat(first).get().extracting(Signal::direction).isEqualTo(SignalDirection.LONG);
        assertThat(futures.evaluate(longHistory)).isEqualTo(first);
    }

    @Test
    void mixedSymbolsOrUnorderedBarsAreRefused() {
        List<Kline> mixed = new ArrayList<>(bars(BTC, flatThen(20, "110")));
        mixed.set(3, bars(Symbol.of("ETHUSDT"), flatThen(20, "110")).get(3));
        assertThatThrownBy(() -> futures.evaluate(mixed)).hasMessage("klines of two symbols mixed: BTCUSDT and ETHUSDT");

        List<Kline> reversed = new ArrayList<>(bars(BTC, flatThen(20, "110")));
        Collections.reverse(reversed);
        assertThatThrownBy(() -> futures.evaluate(reversed)).hasMessageStartingWith("klines out of order");
    }

    @Test
    void settingsAndKlinesAreValidated() {
        assertThatThrownBy(() -> new MovingAverageCrossover.Settings(20, 5, Market.SPOT, BigDecimal.ONE))
                .hasMessage("need 1 <= fast period < slow period, got fast 20 and slow 5");
        assertThatThrownBy(() -> new Kline(BTC, START, START.plusSeconds(60), new BigDecimal("10"), new BigDecimal("9"),
                new BigDecimal("8"), new BigDecimal("9"), BigDecimal.ONE))
                .hasMessage("kline high 9 / low 8 do not contain open 10 and close 9");
    }
}
