package io.tradeguard.bench.store;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.journal.JournalEntry;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.ExecutionType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.order.OrderReports;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.store.Database;
import io.tradeguard.store.JdbcJournal;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Journal writes per second on SQLite (WAL, synchronous=FULL) and on a local PostgreSQL with its default
 * durability (fsync on, synchronous_commit on), started by the benchmark from Maven-shipped binaries.
 * The event is a fill (OrderPartiallyFilled with the order's snapshot), the most common and largest
 * event, with its orders and fills projections. One = one event per transaction (the worst case: an
 * engine that waits for each); batch = 100 events per transaction (group commit under load).
 *
 * <pre>java -cp … org.openjdk.jmh.Main JournalWriteBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 3)
@Fork(1)
public class JournalWriteBenchmark {
    private static final int BATCH = 100;

    @Param({"sqlite", "postgres"})
    public String db;

    /** a fresh order every this many fills: the fill event carries the order with its fills so far */
    @Param({"5", "50"})
    public int fillsPerOrder;

    private Path dir;
    private EmbeddedPostgres postgres;
    private Database database;
    private JdbcJournal journal;
    private long sequence;
    private long tradeId;
    private Order order;

    @Setup(Level.Trial)
    public void open() throws Exception {
        dir = Files.createTempDirectory("tg-journal-bench");
        if (db.equals("sqlite")) {
            database = Database.sqlite(dir.resolve("journal.db"));
        } else {
            Path base = Path.of("target", "embedded-pg").toAbsolutePath();
            postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(base.resolve("bin").toFile())
                    .setDataDirectory(dir.resolve("pgdata"))
                    .start();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE bench");
            }
            database = Database.open(postgres.getJdbcUrl("postgres", "bench"), "postgres", "postgres");
        }
        journal = database.journal();
        sequence = journal.lastSequence();
        order = Order.pending(OrderIntent.limit(Market.SPOT, Symbol.of("BTCUSDT"), Side.BUY, new BigDecimal("1000"),
                new BigDecimal("50000.12"), OrderOrigin.MANUAL), ClientOrderId.of("TGM-bench-1"), Instant.now());
    }

    private DomainEvent nextFill() {
        Instant now = Instant.now();
        Fill fill = new Fill(++tradeId, new BigDecimal("50000.12"), new BigDecimal("0.00100"), new BigDecimal("0.00000100"),
                Asset.of("BTC"), false, now);
        // a fresh order every fillsPerOrder fills, as on a venue: an order's snapshot grows with its fills
        if (tradeId % fillsPerOrder == 1 || fillsPerOrder == 1) {
            order = Order.pending(OrderIntent.limit(Market.SPOT, Symbol.of("BTCUSDT"), Side.BUY, new BigDecimal("1000"),
                    new BigDecimal("50000.12"), OrderOrigin.MANUAL), ClientOrderId.of("TGM-bench-" + tradeId), now);
        }
        OrderUpdate report = new OrderUpdate(Market.SPOT, order.symbol(), 1000 + tradeId / fillsPerOrder, order.clientOrderId(),
                Side.BUY, OrderType.LIMIT, TimeInForce.GTC, OrderStatus.PARTIALLY_FILLED, ExecutionType.TRADE,
                order.quantity(), order.price(), null, order.filledQuantity().add(fill.quantity()), BigDecimal.ZERO, fill,
                null, -1, false, now, now);
        order = OrderReports.apply(order, report).order();
        return new DomainEvent.OrderPartiallyFilled(order, fill, now);
    }

    @Benchmark
    public long one() throws Exception {
        journal.append(List.of(new JournalEntry(++sequence, nextFill())));
        return sequence;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long batch() throws Exception {
        List<JournalEntry> entries = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            entries.add(new JournalEntry(++sequence, nextFill()));
        }
        journal.append(entries);
        return sequence;
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        database.close();
        if (postgres != null) {
            postgres.close();
        }
    }
}
