package io.tradeguard.bench.risk;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.protection.PriceTrigger;
import io.tradeguard.core.protection.TrailingStop;
import io.tradeguard.core.protection.TriggerBook;
import io.tradeguard.core.protection.TriggerFired;
import io.tradeguard.core.venue.OrderRequest;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Tick-to-exit of local triggers inside the engine thread: a price tick reaches the trigger book (a
 * bracket and a trailing stop on the symbol, 50 triggers on other symbols), the trailing stop fires and
 * its market exit request is built. SampleTime gives the percentiles (p50/p99). A tick that fires nothing
 * is measured as well.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LocalTriggerBenchmark {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Instant NOW = Instant.EPOCH;
    private static final BigDecimal HIGH = new BigDecimal("50000.00");
    private static final BigDecimal QUIET = new BigDecimal("49990.00");
    private static final BigDecimal PULLBACK = new BigDecimal("48400.00");
    private static final ClientOrderId EXIT_ID = ClientOrderId.of("tg-exit-1");

    private TriggerBook book;

    @Setup(Level.Invocation)
    public void armed() {
        book = new TriggerBook();
        for (int i = 0; i < 50; i++) {
            book.add(new PriceTrigger("o" + i, Market.FUTURES, Symbol.of("S" + i + "USDT"), Side.SELL, BigDecimal.ONE,
                    PriceTrigger.Kind.STOP_LOSS, new BigDecimal("10"), null));
        }
        book.add(new PriceTrigger("sl", Market.FUTURES, BTC, Side.SELL, BigDecimal.ONE, PriceTrigger.Kind.STOP_LOSS,
                new BigDecimal("45000"), "b"));
        book.add(new PriceTrigger("tp", Market.FUTURES, BTC, Side.SELL, BigDecimal.ONE, PriceTrigger.Kind.TAKE_PROFIT,
                new BigDecimal("60000"), "b"));
        book.add(TrailingStop.start("trail", Market.FUTURES, BTC, Side.SELL, BigDecimal.ONE, 300, null, null));
        book.onTick(Market.FUTURES, BTC, HIGH, NOW);
    }

    @Benchmark
    public OrderRequest tickToExit() {
        List<TriggerFired> fired = book.onTick(Market.FUTURES, BTC, PULLBACK, NOW);
        return fired.get(0).exitOrder(EXIT_ID);
    }

    @Benchmark
    public List<TriggerFired> tickWithoutTrigger() {
        return book.onTick(Market.FUTURES, BTC, QUIET, NOW);
    }
}
