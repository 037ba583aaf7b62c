package io.tradeguard.bench.soak;

import io.tradeguard.core.engine.Command;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.signal.Kline;
import io.tradeguard.core.signal.MovingAverageCrossover;
import io.tradeguard.core.signal.Signal;
import io.tradeguard.core.signal.SignalConfig;
import io.tradeguard.core.signal.SignalDecider;
import io.tradeguard.core.signal.SignalDecision;
import io.tradeguard.core.signal.SignalPlan;
import io.tradeguard.core.signal.TradingMode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The demo strategy in the soak: a seeded random walk of the BTCUSDT price (set on the simulator), cut into
 * bars of {@code barLength}; on every closed bar the built-in {@link MovingAverageCrossover} (5/20) is
 * evaluated, {@link SignalDecider} (default config, AUTO mode) decides, and an accepted signal becomes the
 * engine command the service would send ({@code Command.Signal} with a market entry, or
 * {@code Command.ClosePosition}). Bars are seconds, not minutes, so an hour holds enough crossovers.
 */
final class DemoStrategyFeed {
    private static final Symbol BTC = Symbol.of("BTCUSDT");

    private final MovingAverageCrossover strategy = new MovingAverageCrossover(MovingAverageCrossover.Settings.demo(Market.SPOT));
    private final SignalDecider decider = new SignalDecider(SignalConfig.defaults());
    private final SplittableRandom rnd;
    private final Consumer<BigDecimal> setPrice;
    private final Duration barLength;
    private final ArrayDeque<Kline> bars = new ArrayDeque<>();
    private long price;
    private long open;
    private long high;
    private long low;
    private Instant barStart;
    private long steps;
    private int trend;
    long signals;
    /** How many signals got each decision outcome. */
    final java.util.Map<String, Long> reasons = new java.util.TreeMap<>();
    long decisionsTraded;

    DemoStrategyFeed(long seed, long startPrice, Duration barLength, Consumer<BigDecimal> setPrice, Instant now) {
        this.rnd = new SplittableRandom(seed);
        this.price = startPrice;
        this.barLength = barLength;
        this.setPrice = setPrice;
        startBar(now);
    }

    long price() {
        return price;
    }

    /**
     * One step of the walk: noise of a few USDT plus a trend that changes every 30 s (so crossovers are decisive
     * enough to pass the confidence threshold) and an occasional jump, turned back towards {@code anchor} beyond ±600 so the walk stays
     * near the soak's resting orders. At a bar's end: the command to send if the strategy trades.
     */
    Optional<Command> step(Instant now, long anchor) {
        if (steps++ % 120 == 0) {
            trend = rnd.nextInt(-3, 4);
        }
        long drift = price > anchor + 600 ? -4 : price < anchor - 600 ? 4 : trend;
        // now and then a jump, as news moves a market: the crosses it causes are decisive enough to trade
        long jump = rnd.nextInt(80) == 0 ? (rnd.nextBoolean() ? 300 : -300) : 0;
        price = Math.max(1, price + drift + jump + rnd.nextInt(-4, 5));
        setPrice.accept(BigDecimal.valueOf(price));
        high = Math.max(high, price);
        low = Math.min(low, price);
        if (now.isBefore(barStart.plus(barLength))) {
            return Optional.empty();
        }
        bars.addLast(new Kline(BTC, barStart, barStart.plus(barLength).minusMillis(1), BigDecimal.valueOf(open),
                BigDecimal.valueOf(high), BigDecimal.valueOf(low), BigDecimal.valueOf(price), BigDecimal.ONE));
        while (bars.size() > strategy.barsNeeded()) {
            bars.removeFirst();
        }
        startBar(barStart.plus(barLength));
        Optional<Signal> signal = strategy.evaluate(new ArrayList<>(bars));
        if (signal.isEmpty()) {
            return Optional.empty();
        }
        signals++;
        SignalDecision decision = decider.decide(signal.get(), TradingMode.AUTO, BigDecimal.valueOf(price), false, now);
        reasons.merge(decision.outcome().name(), 1L, Long::sum);
        if (decision.plan().isEmpty()) {
            return Optional.empty();
        }
        decisionsTraded++;
        String id = signal.get().id().value();
        return Optional.of(switch (decision.plan().get()) {
            case SignalPlan.ClosePosition c -> new Command.ClosePosition(c.market(), c.symbol(), OrderOrigin.SIGNAL, "signal " + id);
            case SignalPlan.OpenPosition o -> new Command.Signal(id,
                    OrderIntent.market(o.market(), o.symbol(), o.side(), o.quantity(), OrderOrigin.SIGNAL).withReason("signal " + id));
        });
    }

    private void startBar(Instant start) {
        barStart = start;
        open = price;
        high = price;
        low = price;
    }
}
