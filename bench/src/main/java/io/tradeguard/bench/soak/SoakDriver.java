package io.tradeguard.bench.soak;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeguard.bench.ResultsReport;
import io.tradeguard.binance.BinanceEndpoints;
import io.tradeguard.binance.SpotVenueConfig;
import io.tradeguard.binance.auth.ApiCredentials;
import io.tradeguard.binance.spot.BinanceSpotVenue;
import io.tradeguard.core.engine.Command;
import io.tradeguard.core.engine.CommandResult;
import io.tradeguard.core.engine.Engine;
import io.tradeguard.core.engine.EngineSettings;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.pretrade.AllowAllGate;
import io.tradeguard.core.pretrade.PreTradeGate;
import io.tradeguard.sim.ExchangeSimulator;
import io.tradeguard.sim.PriceFeed;
import io.tradeguard.sim.RateLimits;
import io.tradeguard.sim.SimAccount;
import io.tradeguard.sim.SimConfig;
import io.tradeguard.store.Database;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Soak: the embedded simulator and the real engine in-process (our Binance client as its venue, a SQLite
 * journal), fed a seeded random order stream at a fixed rate — resting GTC limits away from the market,
 * market orders against the simulator's house depth, and cancels that keep at most {@code maxOpen} orders resting. After every sampling
 * window it forces a full GC and records the heap used after it, the latency percentiles of the window
 * (engine.submit → decision journaled, which includes the order's REST round trip to the simulator), open
 * file descriptors ({@code /proc/self/fd}) and live threads. At the end it fits a least-squares slope to
 * each series (first window left out as warm-up), checks that the journal holds exactly the events the
 * engine emitted, and exits 1 if heap, fds or threads grow.
 *
 * <p>The demo strategy runs alongside ({@link DemoStrategyFeed}): a seeded price walk on the simulator, 1-second bars, the
 * built-in moving-average crossover deciding through {@code SignalDecider}; its commands count as orders sent.
 *
 * <pre>java -cp … io.tradeguard.bench.soak.SoakDriver --minutes 60 [--rate 20] [--window-seconds 60] [--out f.json]</pre>
 */
public final class SoakDriver {
    /**
     * Closed orders and trades the simulator keeps per account: at 20 commands/s about 15 minutes of trades, far
     * more than the engine's reconciliation asks for (a minute back), and bounded.
     */
    static final int SIM_HISTORY = 2_000;
    private static final Symbol BTC = Symbol.of("BTCUSDT");

    /** The outcome: one sample per window, slopes per minute, and whether it passed. */
    public record Report(List<Sample> samples, double heapSlopeMbPerMin, double fdSlopePerMin, double threadSlopePerMin,
                         double p99SlopeUsPerMin, long ordersSent, long engineEvents, long journalRows, List<String> failures,
                         long demoSignals, long demoSignalsTraded) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    public record Sample(double minute, double heapMb, long fds, int threads, long orders, long p50Us, long p99Us, long maxUs) {
    }

    private SoakDriver() {
    }

    public static void main(String[] args) throws Exception {
        // the result names the load at the start; bench/run passes it, a direct run takes it here, before the load
        ResultsReport.rememberStartLoad();
        double minutes = 60;
        int rate = 20;
        int window = -1;
        Path out = Path.of("bench", "soak-result.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--minutes" -> minutes = Double.parseDouble(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--window-seconds" -> window = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (window < 0) {
            window = minutes <= 5 ? 10 : 60;
        }
        Report report = run((long) (minutes * 60_000), rate, window * 1000L, System.out::println);
        write(report, out, minutes, rate);
        System.out.printf("soak: %d orders, heap slope %.3f MB/min, fd slope %.3f/min, thread slope %.3f/min, p99 slope %.1f us/min, "
                        + "journal rows %d = engine events %d: %s%n", report.ordersSent(), report.heapSlopeMbPerMin(),
                report.fdSlopePerMin(), report.threadSlopePerMin(), report.p99SlopeUsPerMin(), report.journalRows(),
                report.engineEvents(), report.passed() ? "PASS" : "FAIL " + report.failures());
        System.exit(report.passed() ? 0 : 1);
    }

    /** Runs the soak for {@code durationMillis}, one sample every {@code windowMillis}. */
    public static Report run(long durationMillis, int ordersPerSecond, long windowMillis, java.util.function.Consumer<String> log)
            throws Exception {
        // the simulator is the exchange here, not the product: its history of closed orders and trades is kept
        // short (SIM_HISTORY) so that the heap measured is the engine's, not the simulated exchange's archive
        SimConfig config = SimConfig.defaults().withPort(0).withPriceFeed(new PriceFeed.Manual())
                .withRateLimits(new RateLimits(1_000_000_000, 1_000_000_000, 1_000_000_000, 3, 120))
                .withHistoryLimit(SIM_HISTORY);
        Path dir = Files.createTempDirectory("tg-soak");
        AtomicLong events = new AtomicLong();
        List<Sample> samples = new ArrayList<>();
        long sent = 0;
        long signals = 0;
        long signalOrders = 0;
        long journalRows;
        try (ExchangeSimulator sim = ExchangeSimulator.start(config)) {
            sim.setPrice("BTCUSDT", new BigDecimal("60000"));
            // BTC kept small: a CLOSE signal of the demo strategy sells the whole free spot position
            SimAccount account = sim.createAccount(Map.of("USDT", new BigDecimal("1000000000"), "BTC", new BigDecimal("2")));
            BinanceSpotVenue venue = BinanceSpotVenue.connect(SpotVenueConfig.of(
                    BinanceEndpoints.compatible("sim", sim.baseUrl(), sim.wsBaseUrl()),
                    ApiCredentials.hmac(account.apiKey(), account.secretKey())));
            Database database = Database.sqlite(dir.resolve("journal.db"));
            Engine engine = Engine.builder(venue, database.journal())
                    .settings(EngineSettings.defaults(Market.SPOT).withCancelOpenOrdersOnStop(false))
                    .gates(List.of(new AllowAllGate(PreTradeGate.Stage.RISK)))
                    .listener(entry -> events.incrementAndGet())
                    .build();
            engine.start();
            try {
                DemoStrategyFeed demo = new DemoStrategyFeed(11, 60_000, Duration.ofSeconds(1),
                        price -> sim.setPrice("BTCUSDT", price), Instant.now());
                sent = drive(engine, demo, durationMillis, ordersPerSecond, windowMillis, samples, log);
                signals = demo.signals;
                signalOrders = demo.decisionsTraded;
                log.accept("soak: demo strategy decisions " + demo.reasons);
            } finally {
                engine.stop("soak over");
                venue.close();
            }
            journalRows = countRows(database);
            database.close();
        }
        log.accept("soak: the demo strategy saw " + signals + " crossover signals, " + signalOrders + " of them traded");
        Report report = evaluate(samples, sent, events.get(), journalRows);
        return new Report(report.samples(), report.heapSlopeMbPerMin(), report.fdSlopePerMin(), report.threadSlopePerMin(),
                report.p99SlopeUsPerMin(), report.ordersSent(), report.engineEvents(), report.journalRows(), report.failures(),
                signals, signalOrders);
    }

    private static long drive(Engine engine, DemoStrategyFeed demo, long durationMillis, int rate, long windowMillis, List<Sample> samples,
                              java.util.function.Consumer<String> log) throws Exception {
        SplittableRandom rnd = new SplittableRandom(7);
        ArrayDeque<ClientOrderId> resting = new ArrayDeque<>();
        int maxOpen = 50;
        long periodNanos = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long end = start + durationMillis * 1_000_000L;
        long nextWindow = start + windowMillis * 1_000_000L;
        long next = start;
        long nextStep = start;
        long sent = 0;
        long inWindow = 0;
        Histogram latency = new Histogram(60_000_000L, 3);
        while (System.nanoTime() < end) {
            long now = System.nanoTime();
            if (now >= nextStep) {
                // the demo strategy: a price step every 250 ms, a decision on every closed 1-second bar
                nextStep += 250_000_000L;
                var signal = demo.step(Instant.now(), 60_000);
                if (signal.isPresent()) {
                    long t0 = System.nanoTime();
                    engine.submit(signal.get()).get(30, TimeUnit.SECONDS);
                    latency.recordValue(Math.min((System.nanoTime() - t0) / 1000, 59_999_999));
                    sent++;
                    inWindow++;
                }
            }
            if (now < next) {
                TimeUnit.NANOSECONDS.sleep(Math.min(Math.min(next, nextStep) - now, 1_000_000));
                continue;
            }
            next += periodNanos;
            Command command;
            boolean rest = rnd.nextInt(4) < 3;
            if (resting.size() >= maxOpen || (!resting.isEmpty() && rnd.nextInt(3) == 0)) {
                command = new Command.CancelOrder(resting.poll(), "soak");
                rest = false;
            } else {
                Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
                int offset = 10 + rnd.nextInt(990);
                BigDecimal price = BigDecimal.valueOf(side == Side.BUY ? 60_000 - offset : 60_000 + offset);
                command = new Command.PlaceOrder(rest
                        ? OrderIntent.limit(Market.SPOT, BTC, side, new BigDecimal("0.001"), price, OrderOrigin.MANUAL)
                        : OrderIntent.market(Market.SPOT, BTC, side, new BigDecimal("0.001"), OrderOrigin.MANUAL));
            }
            long t0 = System.nanoTime();
            CommandResult result = engine.submit(command).get(30, TimeUnit.SECONDS);
            latency.recordValue(Math.min((System.nanoTime() - t0) / 1000, 59_999_999));
            sent++;
            inWindow++;
            if (rest && result instanceof CommandResult.Accepted accepted && !accepted.orders().isEmpty()) {
                resting.add(accepted.orders().get(0));
            }
            if (System.nanoTime() >= nextWindow) {
                System.gc();
                var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
                Sample s = new Sample((System.nanoTime() - start) / 60e9, heap.getUsed() / 1048576.0, openFds(),
                        Thread.activeCount() > 0 ? ManagementFactory.getThreadMXBean().getThreadCount() : 0, inWindow,
                        latency.getValueAtPercentile(50), latency.getValueAtPercentile(99), latency.getMaxValue());
                samples.add(s);
                log.accept(String.format("soak t=%.2f min heap=%.1f MB fds=%d threads=%d orders=%d p50=%d us p99=%d us max=%d us",
                        s.minute(), s.heapMb(), s.fds(), s.threads(), s.orders(), s.p50Us(), s.p99Us(), s.maxUs()));
                latency.reset();
                inWindow = 0;
                nextWindow += windowMillis * 1_000_000L;
            }
        }
        return sent;
    }

    static Report evaluate(List<Sample> samples, long sent, long events, long rows) {
        List<Sample> steady = samples.size() > 2 ? samples.subList(1, samples.size()) : samples;
        double heap = slope(steady, Sample::heapMb);
        double fds = slope(steady, s -> s.fds());
        double threads = slope(steady, s -> s.threads());
        double p99 = slope(steady, s -> s.p99Us());
        List<String> failures = new ArrayList<>();
        if (steady.size() < 2) {
            failures.add("fewer than two samples: run longer than two windows");
        } else {
            Sample first = steady.get(0);
            Sample last = steady.get(steady.size() - 1);
            double span = last.minute() - first.minute();
            // growth over the run, from the fitted line, beyond the noise of a forced GC and of the HTTP pool
            if (heap > 0 && heap * span > Math.max(8, 0.2 * first.heapMb())) {
                failures.add(String.format("heap grows %.2f MB/min", heap));
            }
            if (fds > 0 && fds * span > 3 && last.fds() > first.fds()) {
                failures.add(String.format("open file descriptors grow %.2f/min", fds));
            }
            if (threads > 0 && threads * span > 3 && last.threads() > first.threads()) {
                failures.add(String.format("threads grow %.2f/min", threads));
            }
        }
        if (rows != events) {
            failures.add("journal has " + rows + " rows, the engine emitted " + events + " events");
        }
        return new Report(List.copyOf(samples), heap, fds, threads, p99, sent, events, rows, failures, 0, 0);
    }

    /** Least-squares slope of y over the sample minute. */
    static double slope(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> y) {
        int n = samples.size();
        if (n < 2) {
            return 0;
        }
        double mx = 0;
        double my = 0;
        for (Sample s : samples) {
            mx += s.minute();
            my += y.applyAsDouble(s);
        }
        mx /= n;
        my /= n;
        double num = 0;
        double den = 0;
        for (Sample s : samples) {
            num += (s.minute() - mx) * (y.applyAsDouble(s) - my);
            den += (s.minute() - mx) * (s.minute() - mx);
        }
        return den == 0 ? 0 : num / den;
    }

    static long openFds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static long countRows(Database database) throws Exception {
        AtomicLong rows = new AtomicLong();
        database.journal().replay(0, e -> rows.incrementAndGet());
        return rows.get();
    }

    private static void write(Report r, Path out, double minutes, int rate) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.put("minutes", minutes).put("orders_per_s_target", rate).put("machine", ResultsReport.machine())
                .put("orders_sent", r.ordersSent()).put("engine_events", r.engineEvents()).put("journal_rows", r.journalRows())
                .put("demo_strategy_signals", r.demoSignals()).put("demo_strategy_signals_traded", r.demoSignalsTraded())
                .put("heap_slope_mb_per_min", r.heapSlopeMbPerMin()).put("fd_slope_per_min", r.fdSlopePerMin())
                .put("thread_slope_per_min", r.threadSlopePerMin()).put("p99_slope_us_per_min", r.p99SlopeUsPerMin())
                .put("passed", r.passed());
        root.set("failures", json.valueToTree(r.failures()));
        ArrayNode samples = root.putArray("samples");
        r.samples().forEach(s -> samples.add(json.valueToTree(s)));
        json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), root);
    }
}
