package io.tradeguard.core.signal;

import io.tradeguard.core.model.Market;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The built-in demo strategy: a simple moving-average crossover on closed klines.
 *
 * <p>Over the last {@code slowPeriod + 1} closed klines it compares the simple average of the closes over
 * {@code fastPeriod} bars with the one over {@code slowPeriod} bars, at the newest bar and at the bar
 * before. When the fast average crosses above the slow one it signals LONG; when it crosses below, SHORT
 * on futures and CLOSE on spot (spot cannot go short). No cross, no signal.
 *
 * <p>Confidence grows with how far apart the averages are at the newest bar, relative to the slow
 * average: {@code 0.5 + 0.5 × min(1, spread / fullConfidenceSpread)}. A cross by a hair gives 0.5 (below the
 * default threshold 0.7, so it is recorded and skipped); a decisive cross gives up to 1.
 *
 * <p>Pure and deterministic: the signal id is derived from the symbol and the newest bar's close time, so
 * evaluating the same klines twice yields the same id, and the de-duplication takes it once.
 */
public final class MovingAverageCrossover {

    /**
     * @param fullConfidenceSpread the fractional spread (e.g. 0.001 = 0.1%) at which confidence reaches 1
     */
    public record Settings(int fastPeriod, int slowPeriod, Market market, BigDecimal fullConfidenceSpread) {
        public Settings {
            if (fastPeriod < 1 || slowPeriod <= fastPeriod) {
                throw new IllegalArgumentException("need 1 <= fast period < slow period, got fast " + fastPeriod
                        + " and slow " + slowPeriod);
            }
            Objects.requireNonNull(market, "market");
            if (fullConfidenceSpread == null || fullConfidenceSpread.signum() <= 0) {
                throw new IllegalArgumentException("full-confidence spread must be positive, got " + fullConfidenceSpread);
            }
        }

        /** Fast 5 / slow 20, meant for 1-minute bars; full confidence at a 0.1% spread. */
        public static Settings demo(Market market) {
            return new Settings(5, 20, market, new BigDecimal("0.001"));
        }
    }

    public static final String SOURCE = "demo";
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private final Settings settings;
    private final String strategyName;

    public MovingAverageCrossover(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.strategyName = "ma-crossover-" + settings.fastPeriod() + "-" + settings.slowPeriod();
    }

    /** How many closed klines {@link #evaluate} needs before it can signal. */
    public int barsNeeded() {
        return settings.slowPeriod() + 1;
    }

    public String strategyName() {
        return strategyName;
    }

    /**
     * @param closedKlines closed klines of one symbol, oldest first; only the newest {@link #barsNeeded()} count
     * @return a signal when the newest bar completes a cross, else empty (also when there are too few bars)
     */
    public Optional<Signal> evaluate(List<Kline> closedKlines) {
        requireOneSymbolInOrder(closedKlines);
        int n = closedKlines.size();
        if (n < barsNeeded()) {
            return Optional.empty();
        }
        List<Kline> now = closedKlines.subList(n - settings.slowPeriod(), n);
        List<Kline> before = closedKlines.subList(n - 1 - settings.slowPeriod(), n - 1);
        int was = compareAverages(before);
        int is = compareAverages(now);

        SignalDirection direction;
        if (was <= 0 && is > 0) {
            direction = SignalDirection.LONG;
        } else if (was >= 0 && is < 0) {
            direction = settings.market() == Market.FUTURES ? SignalDirection.SHORT : SignalDirection.CLOSE;
        } else {
            return Optional.empty();
        }
        Kline newest = closedKlines.get(n - 1);
        var id = SignalId.of("ma-" + newest.symbol() + "-" + newest.closeTime().toEpochMilli());
        return Optional.of(new Signal(id, newest.symbol(), settings.market(), direction, confidence(now),
                null, null, null, null, null, strategyName, SOURCE, newest.closeTime()));
    }

    /**
     * Sign of (fast average − slow average) over a window of exactly slowPeriod bars. Compared as
     * fastSum × slowPeriod against slowSum × fastPeriod, which is exact: no division, no rounding.
     */
    private int compareAverages(List<Kline> window) {
        BigDecimal slowSum = sumOfCloses(window);
        BigDecimal fastSum = sumOfCloses(window.subList(window.size() - settings.fastPeriod(), window.size()));
        return fastSum.multiply(BigDecimal.valueOf(settings.slowPeriod()))
                .compareTo(slowSum.multiply(BigDecimal.valueOf(settings.fastPeriod())));
    }

    private BigDecimal confidence(List<Kline> window) {
        MathContext mc = MathContext.DECIMAL64;
        BigDecimal slow = sumOfCloses(window).divide(BigDecimal.valueOf(settings.slowPeriod()), mc);
        BigDecimal fast = sumOfCloses(window.subList(window.size() - settings.fastPeriod(), window.size()))
                .divide(BigDecimal.valueOf(settings.fastPeriod()), mc);
        BigDecimal spread = fast.subtract(slow).abs().divide(slow, mc);
        BigDecimal strength = spread.divide(settings.fullConfidenceSpread(), mc).min(BigDecimal.ONE);
        return HALF.add(HALF.multiply(strength)).setScale(4, RoundingMode.DOWN);
    }

    private static BigDecimal sumOfCloses(List<Kline> klines) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Kline k : klines) {
            sum = sum.add(k.close());
        }
        return sum;
    }

    private static void requireOneSymbolInOrder(List<Kline> klines) {
        for (int i = 1; i < klines.size(); i++) {
            Kline prev = klines.get(i - 1);
            Kline k = klines.get(i);
            if (!k.symbol().equals(prev.symbol())) {
                throw new IllegalArgumentException("klines of two symbols mixed: " + prev.symbol() + " and " + k.symbol());
            }
            if (!k.openTime().isAfter(prev.openTime())) {
                throw new IllegalArgumentException("klines out of order at " + k.openTime() + ": oldest first, no repeats");
            }
        }
    }
}
