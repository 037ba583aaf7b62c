package io.tradeguard.bench.ticktoorder;

import io.tradeguard.core.engine.Command;
import io.tradeguard.core.engine.CommandResult;
import io.tradeguard.core.engine.Engine;
import io.tradeguard.core.engine.EngineSettings;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.guard.TradingGuards;
import io.tradeguard.core.journal.InMemoryJournal;
import io.tradeguard.core.journal.Journal;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.protection.PriceTrigger;
import io.tradeguard.core.risk.BookLevel;
import io.tradeguard.core.risk.OrderBookView;
import io.tradeguard.core.risk.RiskConfig;
import io.tradeguard.core.venue.OrderBook;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.time.InstantSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Tick to order through the running engine: a {@code PriceTick} is posted the way the venue's price stream posts
 * it, into the engine's queue → the engine thread marks the price and hands the tick to the guards' price watcher
 * ({@link TradingGuards#priceWatcher}) → the local stop-loss on BTCUSDT fires and its market exit becomes an
 * engine command in the same step → the engine's pre-trade gates (instrument filters, the full risk rule set with a
 * 5-level book fresh from the depth stream, the safety gate: emergency stop, kill switch, circuit breaker) → the order intent is
 * journaled (in memory) by the journal thread, which releases the submit to the I/O worker → {@link SigningVenue}
 * builds the wire parameters, timestamp, recvWindow, HMAC signature, encoded body and JDK {@code HttpRequest} with
 * our Binance client's code. Measured: from posting the tick until the signed request exists (SampleTime: p50 /
 * p99 / p99.9). Three thread hand-offs, as in production: engine, journal writer, I/O worker.
 *
 * <p>Before every tick (not measured) a fresh stop-loss for 0.01 BTC of the 0.5 BTC position is armed with 50 stops
 * on other symbols beside it, the book is refreshed, and the engine has finished the previous exit.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TickToOrderBenchmark {
    /** how long the benchmark thread polls for the signed request before it parks */
    private static final long POLL_NANOS = 200_000;
    private static final BigDecimal STOP = new BigDecimal("45000.00");
    private static final BigDecimal[] TICKS = {new BigDecimal("44000.00"), new BigDecimal("44000.01")};

    /** the engine's journal; {@link TickToOrderStages} wraps it to note when the exit is appended */
    Journal journal = new InMemoryJournal();
    /** how long the engine's threads poll before they park: the engine's default unless a driver compares others */
    java.time.Duration handoffSpin = Engine.DEFAULT_HANDOFF_SPIN;
    SigningVenue venue;
    private TradingGuards guards;
    Engine engine;
    private OrderBook book;
    private long n;

    @Setup(Level.Trial)
    public void start() throws Exception {
        venue = new SigningVenue();
        venue.waiter = Thread.currentThread();
        guards = TradingGuards.create(RiskConfig.defaults(), InstantSource.system());
        engine = Engine.builder(guards.watch(venue), journal)
                .settings(EngineSettings.defaults(Market.SPOT).withTickInterval(null).withCancelOpenOrdersOnStop(false))
                .gates(guards.gates())
                .priceWatcher(guards.priceWatcher())
                .listener(guards.listener())
                .handoffSpin(handoffSpin)
                .build();
        guards.bind(engine::submit);
        engine.start();
        List<BookLevel> asks = new ArrayList<>();
        List<BookLevel> bids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            asks.add(new BookLevel(TICKS[0].add(BigDecimal.valueOf(i + 1, 2)), new BigDecimal("3")));
            bids.add(new BookLevel(TICKS[0].subtract(BigDecimal.valueOf(i, 2)), new BigDecimal("3")));
        }
        guards.onBook(SigningVenue.BTCUSDT, new OrderBookView(bids, asks));
        book = new OrderBook(SigningVenue.BTCUSDT, 1, bids.stream().map(l -> new OrderBook.Level(l.price(), l.quantity())).toList(),
                asks.stream().map(l -> new OrderBook.Level(l.price(), l.quantity())).toList());
        Instant at = Instant.now();
        venue.pushUser(new VenueEvent.PriceTick(Market.SPOT, SigningVenue.BTCUSDT, TICKS[0], false, at, at)); // values the BTC held
        // a 0.5 BTC position bought through the engine: the stops protect it, and the engine watches its price
        CommandResult bought = engine.submit(new Command.PlaceOrder(OrderIntent.limit(Market.SPOT, SigningVenue.BTCUSDT,
                Side.BUY, new BigDecimal("0.5"), TICKS[0], OrderOrigin.MANUAL))).get(10, TimeUnit.SECONDS);
        if (!(bought instanceof CommandResult.Accepted accepted)) {
            throw new IllegalStateException("the entry was refused: " + bought);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (venue.accepted(accepted.order()) == null && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        venue.fillWhole(accepted.order(), TICKS[0]);
        while ((engine.snapshot().get(10, TimeUnit.SECONDS).positions().isEmpty() || !venue.pricesSubscribed())
                && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        while (!venue.pushBook(book) && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        if (!venue.pricesSubscribed() || !venue.pushBook(book)) {
            throw new IllegalStateException("the engine opened no position or did not subscribe to its price and book");
        }
        long entries = venue.signed();
        for (int i = 0; i < 50; i++) {
            guards.arm(new PriceTrigger("other" + i, Market.SPOT, io.tradeguard.core.model.Symbol.of("S" + i + "USDT"),
                    Side.SELL, BigDecimal.ONE, PriceTrigger.Kind.STOP_LOSS, new BigDecimal("10"), null));
        }
        armed();
        tickToOrder();
        armed();
        if (venue.signed() != entries + 1 || venue.lastOrder().side() != Side.SELL
                || venue.lastRequest() == null) {
            throw new IllegalStateException("the stop's exit was not signed: " + (venue.signed() - entries) + " requests");
        }
    }

    /** A fresh stop-loss and book before every tick; waits until the engine has finished the previous exit. */
    @Setup(Level.Invocation)
    public void armed() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (venue.acceptedCount() < venue.signed() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(50_000);
        }
        venue.pushBook(book); // the depth stream keeps the book fresh for the slippage rule
        guards.arm(new PriceTrigger("sl" + (++n), Market.SPOT, SigningVenue.BTCUSDT, Side.SELL, new BigDecimal("0.01"),
                PriceTrigger.Kind.STOP_LOSS, STOP, null));
        // a round trip through the queue: the arming's journal command and the last exit's answer are applied
        TradingSnapshot idle = engine.snapshot().get(10, TimeUnit.SECONDS);
        if (idle.halted()) {
            throw new IllegalStateException("trading halted: " + idle.haltReason());
        }
    }

    /**
     * Waits politely: it polls with {@link Thread#yield()} for up to {@link #POLL_NANOS} (a runnable engine thread
     * gets the core at once, so on 2 cores it takes nothing from the threads it waits for), then parks. The measured
     * time ends when this thread sees the signed request: a slight overestimate, which a production order does not
     * have (there the request goes onto the socket).
     *
     * @return nanoseconds from posting the tick until the signed request was ready
     */
    @Benchmark
    public long tickToOrder() {
        venue.waiter = Thread.currentThread();
        long before = venue.signed();
        Instant now = Instant.now();
        BigDecimal price = TICKS[(int) (n & 1)];
        long t0 = System.nanoTime();
        venue.pushPrice(new VenueEvent.PriceTick(Market.SPOT, SigningVenue.BTCUSDT, price, false, now, now));
        while (venue.signed() == before) {
            long waited = System.nanoTime() - t0;
            if (waited > TimeUnit.SECONDS.toNanos(10)) {
                throw new IllegalStateException("the tick at " + price + " produced no signed order within 10 s");
            }
            if (waited < POLL_NANOS) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(1_000_000);
            }
        }
        return venue.signedAtNanos() - t0;
    }

    @TearDown(Level.Trial)
    public void stop() {
        engine.stop("benchmark over");
    }
}
