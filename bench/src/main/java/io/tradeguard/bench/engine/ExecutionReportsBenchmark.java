package io.tradeguard.bench.engine;

import io.tradeguard.core.engine.Command;
import io.tradeguard.core.engine.CommandResult;
import io.tradeguard.core.engine.Engine;
import io.tradeguard.core.engine.EngineSettings;
import io.tradeguard.core.journal.InMemoryJournal;
import io.tradeguard.core.journal.Journal;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.ExecutionType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.pretrade.AllowAllGate;
import io.tradeguard.core.pretrade.PreTradeGate;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.VenueEvent;
import io.tradeguard.store.Database;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Execution reports applied per second by the engine: each operation pushes 1,000 TRADE reports (1000 /
 * fills orders × fills each; every fill moves the order, the position and the journal) through the user-stream
 * entry and waits until the engine thread has applied them all — and, with a journal, until they are
 * durable. journal=off hands every entry to the journal thread, which checks its sequence and keeps nothing (the
 * engine without a journal: the "without the journal"); journal=memory keeps every entry in a list in memory
 * (so the collector copies a journal that only grows, hundreds of MB over a run); journal=sqlite writes every
 * event to a SQLite file with a full fsync per commit (group commit of whatever has queued up).
 *
 * <pre>java -cp … org.openjdk.jmh.Main ExecutionReportsBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExecutionReportsBenchmark {
    private static final int REPORTS = 1000;
    private static final BigDecimal FILL_QTY = new BigDecimal("0.001");

    @Param({"off", "memory", "sqlite"})
    public String journal;

    /** fills per order: an order's journaled snapshot carries its fills so far, so this drives event size */
    @Param({"5", "50"})
    public int fills;

    private InstantVenue venue;
    private Engine engine;
    private Database database;
    private Path dir;
    private final AtomicLong durable = new AtomicLong();
    private final AtomicLong tradeIds = new AtomicLong();
    private final List<OrderUpdate> orders = new ArrayList<>();

    @Setup(Level.Trial)
    public void start() throws Exception {
        venue = new InstantVenue();
        Journal store;
        if (journal.equals("sqlite")) {
            dir = Files.createTempDirectory("tg-bench");
            database = Database.sqlite(dir.resolve("journal.db"));
            store = database.journal();
        } else if (journal.equals("memory")) {
            store = new InMemoryJournal();
        } else if (journal.equals("off")) {
            store = new SequenceOnlyJournal();
        } else {
            throw new IllegalArgumentException("journal must be off, memory or sqlite: " + journal);
        }
        engine = Engine.builder(venue, store)
                .settings(EngineSettings.defaults(Market.SPOT).withTickInterval(null).withCancelOpenOrdersOnStop(false))
                .gates(List.of(new AllowAllGate(PreTradeGate.Stage.RISK)))
                .listener(entry -> durable.set(entry.sequence()))
                .build();
        engine.start();
    }

    @Setup(Level.Invocation)
    public void placeOrders() throws Exception {
        orders.clear();
        for (int i = 0; i < REPORTS / fills; i++) {
            CommandResult result = engine.submit(new Command.PlaceOrder(OrderIntent.limit(Market.SPOT,
                    InstantVenue.BTCUSDT, i % 2 == 0 ? Side.BUY : Side.SELL, FILL_QTY.multiply(BigDecimal.valueOf(fills)),
                    new BigDecimal("50000"), OrderOrigin.MANUAL))).get(10, TimeUnit.SECONDS);
            ClientOrderId id = ((CommandResult.Accepted) result).order();
            OrderUpdate accepted = null;
            while (accepted == null) {
                accepted = venue.accepted(id);
                LockSupport.parkNanos(20_000);
            }
            orders.add(accepted);
        }
    }

    @Benchmark
    @OperationsPerInvocation(REPORTS)
    public long applyReports() throws Exception {
        Instant now = Instant.now();
        for (int f = 1; f <= fills; f++) {
            for (OrderUpdate o : orders) {
                long tradeId = tradeIds.incrementAndGet();
                BigDecimal price = new BigDecimal(50000 + (tradeId % 200) - 100);
                BigDecimal cumulative = FILL_QTY.multiply(BigDecimal.valueOf(f));
                Fill fill = new Fill(tradeId, price, FILL_QTY, new BigDecimal("0.05"), io.tradeguard.core.model.Asset.USDT,
                        false, now);
                venue.push(new VenueEvent.OrderUpdated(new OrderUpdate(Market.SPOT, o.symbol(), o.venueOrderId(),
                        o.clientOrderId(), o.side(), o.type(), o.timeInForce(),
                        f == fills ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED, ExecutionType.TRADE,
                        o.quantity(), o.price(), null, cumulative, cumulative.multiply(price), fill, null, -1, false,
                        now, now)));
            }
        }
        long applied = engine.snapshot().get(60, TimeUnit.SECONDS).lastSequence();
        while (durable.get() < applied) {
            // parked, not spinning: on 2 cores a spinning waiter takes a core from the engine and journal threads
            LockSupport.parkNanos(20_000);
        }
        return applied;
    }

    /** The journal thread's hand-off with nothing kept: the sequence is checked as a real journal checks it. */
    static final class SequenceOnlyJournal implements Journal {
        private long last;

        @Override
        public synchronized void append(List<io.tradeguard.core.journal.JournalEntry> entries)
                throws io.tradeguard.core.journal.JournalException {
            for (var entry : entries) {
                if (entry.sequence() != last + 1) {
                    throw new io.tradeguard.core.journal.JournalException("journal sequence gap: expected " + (last + 1)
                            + ", got " + entry.sequence());
                }
                last = entry.sequence();
            }
        }

        @Override
        public void replay(long afterSequence, java.util.function.Consumer<io.tradeguard.core.journal.JournalEntry> sink) {
            // nothing kept: an engine started on it starts empty
        }

        @Override
        public synchronized long lastSequence() {
            return last;
        }

        @Override
        public void close() {
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        engine.stop("benchmark over");
        if (database != null) {
            database.close();
        }
    }
}
