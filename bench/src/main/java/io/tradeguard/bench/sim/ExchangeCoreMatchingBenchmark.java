package io.tradeguard.bench.sim;

import exchange.core2.collections.objpool.ObjectsPool;
import exchange.core2.core.common.CoreSymbolSpecification;
import exchange.core2.core.common.OrderAction;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.SymbolType;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.config.LoggingConfiguration;
import exchange.core2.core.orderbook.IOrderBook;
import exchange.core2.core.orderbook.OrderBookDirectImpl;
import exchange.core2.core.orderbook.OrderBookEventsHelper;
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

import java.util.concurrent.TimeUnit;

/**
 * The peer of {@link MatchingEngineBenchmark}: the same {@link SeededOrderFlow} (same seed, sides, price
 * steps, lots, IOC/GTC, accounts, and the same cancel of the order placed 30 before on every third order)
 * through exchange-core's order book ({@code exchange.core2:exchange-core:0.5.3}, {@link OrderBookDirectImpl},
 * its fast implementation), called directly on this thread.
 *
 * <p>What differs, and favours exchange-core: this is its order book alone — no balance checks or account
 * holds (its risk engine sits in a separate Disruptor stage, left out: on 2 loaded cores its busy-spinning
 * pipeline would measure the scheduler), and no client order ids; trade events are chained onto the command
 * and discarded. Our simulator's {@code MatchingEngine.place} validates the order against the symbol's
 * filters, holds and settles balances and keeps client order ids.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExchangeCoreMatchingBenchmark {
    private static final int FLOW = SeededOrderFlow.SIZE;
    private static final long MID = 60_000;

    private IOrderBook book;
    private SeededOrderFlow flow;
    private long[] placedIds;
    private int next;
    private long now;

    @Setup(Level.Iteration)
    public void setUp() {
        CoreSymbolSpecification spec = new CoreSymbolSpecification(1, SymbolType.CURRENCY_EXCHANGE_PAIR, 1, 2, 1, 1, 0, 0, 0, 0);
        book = new OrderBookDirectImpl(spec, ObjectsPool.createDefaultTestPool(), OrderBookEventsHelper.NON_POOLED_EVENTS_HELPER,
                LoggingConfiguration.DEFAULT);
        flow = new SeededOrderFlow(8);
        placedIds = new long[FLOW];
        next = 0;
    }

    /** One order command: a placement, and every third one also a cancel of the order placed 30 before. */
    @Benchmark
    public OrderCommand order() {
        int i = next & (FLOW - 1);
        next++;
        now++;
        long price = MID + flow.priceSteps[i];
        OrderCommand cmd = OrderCommand.newOrder(flow.ioc[i] ? OrderType.IOC : OrderType.GTC, now, flow.account[i] + 1L,
                price, price, flow.lots[i], flow.buy[i] ? OrderAction.BID : OrderAction.ASK);
        cmd.timestamp = now;
        book.newOrder(cmd);
        placedIds[i] = now;
        if (i % 3 == 0) {
            int victim = (i - 30) & (FLOW - 1);
            book.cancelOrder(OrderCommand.cancel(placedIds[victim], flow.account[victim] + 1L));
        }
        return cmd;
    }
}
