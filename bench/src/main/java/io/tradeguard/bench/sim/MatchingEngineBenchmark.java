package io.tradeguard.bench.sim;

import io.tradeguard.sim.engine.Account;
import io.tradeguard.sim.engine.EngineListener;
import io.tradeguard.sim.engine.Instrument;
import io.tradeguard.sim.engine.Liquidity;
import io.tradeguard.sim.engine.MatchingEngine;
import io.tradeguard.sim.engine.NewOrder;
import io.tradeguard.sim.engine.OrderType;
import io.tradeguard.sim.engine.Outcome;
import io.tradeguard.sim.engine.Side;
import io.tradeguard.sim.engine.SymbolSpec;
import io.tradeguard.sim.engine.TimeInForce;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Orders per second through the simulator's matching engine, in-process (no HTTP): a seeded flow of
 * limit orders on both sides of one BTCUSDT book (about half of them cross and trade), one cancel for
 * every three orders so the book stays small, and optionally the house depth. The stream is
 * {@link SeededOrderFlow}, the one {@link ExchangeCoreMatchingBenchmark} replays through exchange-core.
 *
 * <pre>
 * ./mvnw -q -pl bench -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/cp.txt -DincludeScope=runtime
 * java -cp bench/target/classes:$(cat bench/target/cp.txt) org.openjdk.jmh.Main MatchingEngineBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MatchingEngineBenchmark {
    private static final int FLOW = SeededOrderFlow.SIZE;
    private static final String SYMBOL = "BTCUSDT";

    /** "none": only resting orders; "house": the default synthetic depth around the last price as well. */
    @Param({"none", "house"})
    public String depth;

    private MatchingEngine engine;
    private Account[] accounts;
    private SeededOrderFlow flow;
    private long mid;
    /** One seeded price step in price units (1 USDT). */
    private long priceStep;
    private long[] placedIds;
    private int next;
    private long now;

    @Setup(Level.Iteration)
    public void setUp() {
        SymbolSpec btc = SymbolSpec.defaults().get(0);
        SymbolSpec roomy = new SymbolSpec(btc.symbol(), btc.baseAsset(), btc.quoteAsset(), btc.tickSize(), btc.minPrice(),
                btc.maxPrice(), btc.stepSize(), btc.minQty(), btc.maxQty(), btc.marketMaxQty(), btc.minNotional(),
                btc.maxNotional(), 1_000_000, 5, 10, 2000, btc.initialPrice());
        Liquidity liquidity = depth.equals("house") ? Liquidity.defaults() : Liquidity.none();
        engine = new MatchingEngine(java.util.List.of(roomy), liquidity, 10_000, EngineListener.NONE);
        accounts = new Account[8];
        for (int i = 0; i < accounts.length; i++) {
            accounts[i] = engine.openAccount("bench" + i, Map.of("USDT", new BigDecimal("10000000000"),
                    "BTC", new BigDecimal("10000000")), new BigDecimal("0.001"), new BigDecimal("0.001"), 1);
        }
        Instrument inst = engine.instrument(SYMBOL);
        mid = inst.price(new BigDecimal("60000"));
        priceStep = inst.tick * 100;
        flow = new SeededOrderFlow(accounts.length);
        placedIds = new long[FLOW];
        next = 0;
    }

    /**
     * One order command: a placement, and every third one also a cancel of the order placed 30 before. The
     * command is built here from the seeded arrays, as {@link ExchangeCoreMatchingBenchmark#order()} builds its
     * own. Client ids must be unique among open orders and the flow repeats, so each order gets a fresh one.
     */
    @Benchmark
    public Object order() {
        int i = next & (FLOW - 1);
        next++;
        now++;
        Account a = accounts[flow.account[i]];
        NewOrder o = new NewOrder(SYMBOL, flow.buy[i] ? Side.BUY : Side.SELL, OrderType.LIMIT,
                flow.ioc[i] ? TimeInForce.IOC : TimeInForce.GTC,
                mid + flow.priceSteps[i] * priceStep,                 // +-10 USDT in 1 USDT steps
                flow.lots[i] * 100L, 0, 0, 0, Long.toString(now, 36)); // 0.001-0.02 BTC
        Outcome out = engine.place(a, o, now);
        if (out instanceof Outcome.Placed p) {
            placedIds[i] = p.order().orderId();
        }
        if (i % 3 == 0) {
            int victim = (i - 30) & (FLOW - 1);
            engine.cancel(accounts[flow.account[victim]], SYMBOL, placedIds[victim], null, "c", null, now);
        }
        return out;
    }
}
