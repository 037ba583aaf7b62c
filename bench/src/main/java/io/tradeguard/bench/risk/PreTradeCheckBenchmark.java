package io.tradeguard.bench.risk;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.risk.BookLevel;
import io.tradeguard.core.risk.OpenPosition;
import io.tradeguard.core.risk.OrderBookView;
import io.tradeguard.core.risk.Origin;
import io.tradeguard.core.risk.Portfolio;
import io.tradeguard.core.risk.ProposedOrder;
import io.tradeguard.core.risk.RiskConfig;
import io.tradeguard.core.risk.RiskContext;
import io.tradeguard.core.risk.RiskEngine;
import io.tradeguard.core.risk.RiskVerdict;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A full pre-trade check (every default rule, a market order walking a 5-level book) with 10 and 100 open
 * positions: {@code check} on a prepared portfolio snapshot (what the engine holds between position
 * changes), {@code checkWithFreshSnapshot} rebuilding the snapshot first, {@code checkAdjusted} an
 * oversized order that is reduced and checked again.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PreTradeCheckBenchmark {

    @Param({"10", "100"})
    int positions;

    private RiskEngine engine;
    private List<OpenPosition> open;
    private RiskContext context;
    private ProposedOrder order;
    private ProposedOrder oversized;
    private OrderBookView book;

    @Setup
    public void setUp() {
        RiskConfig config = RiskConfig.defaults().with(io.tradeguard.core.risk.Limit.MAX_OPEN_POSITIONS, BigDecimal.valueOf(200))
                .with(io.tradeguard.core.risk.Limit.MAX_PORTFOLIO_HEAT, BigDecimal.ONE)
                .with(io.tradeguard.core.risk.Limit.DAILY_LOSS_LIMIT_PCT, BigDecimal.ONE);
        engine = new RiskEngine(config);
        open = new ArrayList<>();
        for (int i = 0; i < positions; i++) {
            Side side = i % 3 == 0 ? Side.SELL : Side.BUY;
            BigDecimal entry = new BigDecimal("100.25").add(BigDecimal.valueOf(i % 7));
            BigDecimal stop = side == Side.BUY ? entry.subtract(new BigDecimal("2.5")) : entry.add(new BigDecimal("2.5"));
            open.add(new OpenPosition(Market.FUTURES, Symbol.of("S" + (i % 40) + "USDT"), side, new BigDecimal("0.125"),
                    entry, entry.add(new BigDecimal("0.5")), stop, 5));
        }
        List<BookLevel> asks = new ArrayList<>();
        List<BookLevel> bids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            asks.add(new BookLevel(new BigDecimal("100.01").add(BigDecimal.valueOf(i, 2)), new BigDecimal("3")));
            bids.add(new BookLevel(new BigDecimal("99.99").subtract(BigDecimal.valueOf(i, 2)), new BigDecimal("3")));
        }
        book = new OrderBookView(bids, asks);
        context = context(Portfolio.of(open));
        order = new ProposedOrder(Market.FUTURES, Symbol.of("BTCUSDT"), Side.BUY, OrderType.MARKET, new BigDecimal("2.5"), null, 5,
                new BigDecimal("98"), Origin.SIGNAL, false, new BigDecimal("0.001"), new BigDecimal("0.01"));
        oversized = order.withQuantity(new BigDecimal("12"));
        if (!engine.check(order, context).approved() || engine.check(oversized, context).decision() != RiskVerdict.Decision.ADJUSTED) {
            throw new IllegalStateException("benchmark inputs do not exercise the intended path: "
                    + engine.check(order, context).summary() + " / " + engine.check(oversized, context).summary());
        }
    }

    private RiskContext context(Portfolio portfolio) {
        return new RiskContext(Instant.EPOCH, new BigDecimal("10000"), new BigDecimal("10000"), new BigDecimal("8000.5"),
                new BigDecimal("0.0004"), portfolio, new BigDecimal("-42.17"), 1, new BigDecimal("100"), book);
    }

    @Benchmark
    public RiskVerdict check() {
        return engine.check(order, context);
    }

    @Benchmark
    public RiskVerdict checkWithFreshSnapshot() {
        return engine.check(order, context(Portfolio.of(open)));
    }

    @Benchmark
    public RiskVerdict checkAdjusted() {
        return engine.check(oversized, context);
    }
}
