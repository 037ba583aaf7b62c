package io.tradeguard.app.signals;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.signal.Kline;
import io.tradeguard.core.signal.MovingAverageCrossover;
import io.tradeguard.core.signal.Signal;
import io.tradeguard.core.venue.Candle;
import io.tradeguard.core.venue.VenueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built-in {@link MovingAverageCrossover} on the venue's klines: whenever a new bar has closed it
 * reads the last closed bars, and a cross becomes a signal (source {@code demo}) handed to the same
 * {@link SignalSink} as the API and the bridge folder, so the decider, the risk rules and the safety gates
 * apply unchanged. The signal id is derived from the bar, so a bar is never traded twice.
 */
public final class DemoStrategy implements AutoCloseable {

    /**
     * @param interval  the venue's kline interval ({@code 1s}, {@code 1m}, …)
     * @param crossover the averages' periods and the spread of full confidence
     */
    public record Settings(Symbol symbol, String interval, MovingAverageCrossover.Settings crossover) {
        /** The kline intervals of Binance spot, with their length. */
        static final Map<String, Duration> INTERVALS = Map.ofEntries(Map.entry("1s", Duration.ofSeconds(1)),
                Map.entry("1m", Duration.ofMinutes(1)), Map.entry("3m", Duration.ofMinutes(3)),
                Map.entry("5m", Duration.ofMinutes(5)), Map.entry("15m", Duration.ofMinutes(15)),
                Map.entry("30m", Duration.ofMinutes(30)), Map.entry("1h", Duration.ofHours(1)));

        public Settings {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(crossover, "crossover");
            if (!INTERVALS.containsKey(interval)) {
                throw new IllegalArgumentException("demo strategy interval '" + interval + "' is not one of "
                        + INTERVALS.keySet().stream().sorted().toList());
            }
        }

        /**
         * BTCUSDT on 1-second bars, fast 5 / slow 20, full confidence at a 0.005 % spread: on 1-second bars the
         * averages lie only thousandths of a percent apart right after a cross, so this scale lets a clear cross
         * reach the default threshold 0.7 (a cross by a hair stays below it) and the first trade comes within
         * about a minute of the start (21 bars of history first).
         */
        public static Settings defaults() {
            return new Settings(Symbol.of("BTCUSDT"), "1s",
                    new MovingAverageCrossover.Settings(5, 20, Market.SPOT, new BigDecimal("0.00005")));
        }

        Duration barLength() {
            return INTERVALS.get(interval);
        }
    }

    /** The venue's klines, oldest first (the newest may still be open). */
    @FunctionalInterface
    public interface KlineSource {
        List<Candle> klines(Symbol symbol, String interval, int limit) throws VenueException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(DemoStrategy.class);

    private final Settings settings;
    private final MovingAverageCrossover strategy;
    private final KlineSource source;
    private final SignalSink sink;
    private final InstantSource clock;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("demo-strategy").factory());
    /** Open time of the newest closed bar already evaluated. */
    private Instant evaluatedBar;
    private boolean warnedOnce;
    private volatile boolean closing;

    public DemoStrategy(Settings settings, KlineSource source, SignalSink sink, InstantSource clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.strategy = new MovingAverageCrossover(settings.crossover());
        this.source = Objects.requireNonNull(source, "source");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public DemoStrategy start() {
        // a few looks per bar: a new bar is seen soon after it closes, without hammering the venue
        long period = Math.max(250, settings.barLength().toMillis() / 4);
        timer.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
        return this;
    }

    public String strategyName() {
        return strategy.strategyName();
    }

    /** One look at the klines; a signal when the newest closed bar completes a cross. */
    synchronized Optional<Signal> tick() {
        try {
            List<Kline> closed = closedKlines();
            if (closed.isEmpty() || closed.get(closed.size() - 1).openTime().equals(evaluatedBar)) {
                return Optional.empty();
            }
            evaluatedBar = closed.get(closed.size() - 1).openTime();
            Optional<Signal> signal = strategy.evaluate(closed);
            signal.ifPresent(s -> {
                LOG.info("demo strategy {}: {} {} at confidence {}", strategy.strategyName(), s.direction(), s.symbol(),
                        s.confidence().toPlainString());
                sink.accept(s);
            });
            warnedOnce = false;
            return signal;
        } catch (VenueException | RuntimeException e) {
            // the next bar brings another chance; say it once, not every 250 ms (and nothing while shutting down)
            if (!warnedOnce && !closing) {
                LOG.warn("demo strategy: {}", e.getMessage());
                warnedOnce = true;
            }
            return Optional.empty();
        }
    }

    private List<Kline> closedKlines() throws VenueException {
        Instant now = clock.instant();
        List<Candle> candles = source.klines(settings.symbol(), settings.interval(), strategy.barsNeeded() + 1);
        List<Kline> out = new ArrayList<>(candles.size());
        for (Candle c : candles) {
            // Binance stamps a bar's close time on its last millisecond; a bar still open changes yet
            if (!c.closeTime().isBefore(now)) {
                continue;
            }
            out.add(new Kline(settings.symbol(), c.openTime(), c.closeTime(), c.open(), c.high(), c.low(), c.close(), c.volume()));
        }
        return out;
    }

    @Override
    public void close() {
        closing = true;
        timer.shutdownNow();
        try {
            timer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
