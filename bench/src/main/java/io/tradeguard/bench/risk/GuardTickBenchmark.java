package io.tradeguard.bench.risk;

import io.tradeguard.core.engine.Command;
import io.tradeguard.core.engine.PriceWatcher;
import io.tradeguard.core.guard.TradingGuards;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.protection.PriceTrigger;
import io.tradeguard.core.protection.TrailingStop;
import io.tradeguard.core.risk.RiskConfig;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.venue.VenueEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The guards' price watcher on a tick that fires nothing, what the engine thread runs on most ticks of every
 * symbol: a bracket and a trailing stop on BTCUSDT, 50 stops on other symbols beside them. The tick is below
 * the trail's high, so nothing moves and nothing is journaled; the engine's state is not asked for.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GuardTickBenchmark {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Supplier<TradingSnapshot> NO_STATE = () -> {
        throw new IllegalStateException("a quiet tick must not need the engine's state");
    };

    private PriceWatcher watcher;
    private VenueEvent.PriceTick quiet;

    @Setup(Level.Trial)
    public void armed() {
        TradingGuards guards = TradingGuards.create(RiskConfig.defaults(), InstantSource.system());
        guards.bind(command -> new CompletableFuture<>()); // journaling the arming is not measured
        for (int i = 0; i < 50; i++) {
            guards.arm(new PriceTrigger("o" + i, Market.SPOT, Symbol.of("S" + i + "USDT"), Side.SELL, BigDecimal.ONE,
                    PriceTrigger.Kind.STOP_LOSS, new BigDecimal("10"), null));
        }
        guards.arm(new PriceTrigger("sl", Market.SPOT, BTC, Side.SELL, BigDecimal.ONE, PriceTrigger.Kind.STOP_LOSS,
                new BigDecimal("45000"), "b"));
        guards.arm(new PriceTrigger("tp", Market.SPOT, BTC, Side.SELL, BigDecimal.ONE, PriceTrigger.Kind.TAKE_PROFIT,
                new BigDecimal("60000"), "b"));
        guards.arm(TrailingStop.start("trail", Market.SPOT, BTC, Side.SELL, BigDecimal.ONE, 300, null, null));
        watcher = guards.priceWatcher();
        watcher.onPrice(tick("50000.00"), NO_STATE); // the trail's high
        quiet = tick("49990.00");
    }

    private static VenueEvent.PriceTick tick(String price) {
        return new VenueEvent.PriceTick(Market.SPOT, BTC, new BigDecimal(price), false, Instant.EPOCH, Instant.EPOCH);
    }

    @Benchmark
    public List<Command> quietTick() {
        List<Command> out = watcher.onPrice(quiet, NO_STATE);
        if (!out.isEmpty()) {
            throw new IllegalStateException("a quiet tick decided " + out);
        }
        return out;
    }
}
