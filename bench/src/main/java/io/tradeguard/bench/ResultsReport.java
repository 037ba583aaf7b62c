package io.tradeguard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Turns JMH's JSON output into the flat metric file of bench/run. Every metric is named in {@link #METRICS}:
 * which benchmark (class.method and parameters), which statistic (the score, or a percentile of a
 * SampleTime run) and the unit it is converted to. Ratios and rates derived from them are in
 * {@link #derive}. A benchmark run that no metric names is still listed, raw, in the markdown table.
 */
public final class ResultsReport {

    /** One metric: benchmark + parameters + statistic → name, converted to {@code unit} (ns, us, per_s). */
    public record Metric(String name, String benchmark, Map<String, String> params, String statistic, String unit,
                         String meaning) {
    }

    private static final String B = "io.tradeguard.bench.";

    public static final List<Metric> METRICS = List.of(
            new Metric("tick_to_order_p50_us", B + "ticktoorder.TickToOrderBenchmark.tickToOrder", Map.of(), "p50", "us",
                    "price tick into the engine's queue → local stop → risk → safety → journal → signed request ready, median"),
            new Metric("tick_to_order_p99_us", B + "ticktoorder.TickToOrderBenchmark.tickToOrder", Map.of(), "p99", "us",
                    "the same, 99th percentile"),
            new Metric("tick_to_order_p999_us", B + "ticktoorder.TickToOrderBenchmark.tickToOrder", Map.of(), "p99.9", "us",
                    "the same, 99.9th percentile"),
            new Metric("tick_to_order_one_thread_p50_us", B + "ticktoorder.TickChainBenchmark.chainOnOneThread", Map.of(), "p50", "us",
                    "the same chain called on one thread, without the engine's queue and thread hand-offs, median"),
            new Metric("tick_to_order_one_thread_p99_us", B + "ticktoorder.TickChainBenchmark.chainOnOneThread", Map.of(), "p99", "us",
                    "the same, 99th percentile"),
            new Metric("pretrade_check_ns_10_positions", B + "risk.PreTradeCheckBenchmark.check", Map.of("positions", "10"),
                    "score", "ns", "full pre-trade rule set, 10 open positions"),
            new Metric("pretrade_check_ns_100_positions", B + "risk.PreTradeCheckBenchmark.check", Map.of("positions", "100"),
                    "score", "ns", "full pre-trade rule set, 100 open positions"),
            new Metric("local_trigger_tick_to_exit_p50_ns", B + "risk.LocalTriggerBenchmark.tickToExit", Map.of(), "p50", "ns",
                    "trigger book: tick → exit order request, median"),
            new Metric("exec_reports_per_s", B + "engine.ExecutionReportsBenchmark.applyReports",
                    Map.of("journal", "memory", "fills", "5"), "score", "per_s", "execution reports applied, journal in memory"),
            new Metric("exec_reports_per_s_no_journal", B + "engine.ExecutionReportsBenchmark.applyReports",
                    Map.of("journal", "off", "fills", "5"), "score", "per_s",
                    "execution reports applied, no journal kept (each entry's sequence checked on the journal thread)"),
            new Metric("exec_reports_per_s_journal_sqlite", B + "engine.ExecutionReportsBenchmark.applyReports",
                    Map.of("journal", "sqlite", "fills", "5"), "score", "per_s", "execution reports applied and durable on SQLite"),
            new Metric("journal_sqlite_writes_per_s_batch", B + "store.JournalWriteBenchmark.batch",
                    Map.of("db", "sqlite", "fillsPerOrder", "5"), "score", "per_s", "fill events journaled on SQLite, 100 per commit"),
            new Metric("journal_postgres_writes_per_s_batch", B + "store.JournalWriteBenchmark.batch",
                    Map.of("db", "postgres", "fillsPerOrder", "5"), "score", "per_s", "fill events journaled on PostgreSQL, 100 per commit"),
            new Metric("client_overhead_ns", B + "client.ClientOverheadBench.buildSignSerializeHttpRequest", Map.of(),
                    "score", "ns", "ours: order → params → timestamp + HMAC → body → JDK HttpRequest"),
            new Metric("official_client_overhead_ns", B + "client.ClientOverheadBench.officialBuildSignSerialize", Map.of(),
                    "score", "ns", "official connector: param map → checks → timestamp + HMAC → URL → OkHttp Request"),
            new Metric("roundtrip_p50_us", B + "client.RoundTripBenchmark.ours", Map.of(), "p50", "us",
                    "ours: new order over loopback to the simulator and its answer, median"),
            new Metric("roundtrip_p99_us", B + "client.RoundTripBenchmark.ours", Map.of(), "p99", "us", "the same, p99"),
            new Metric("roundtrip_mean_us", B + "client.RoundTripBenchmark.ours", Map.of(), "score", "us", "the same, mean"),
            new Metric("official_roundtrip_p50_us", B + "client.RoundTripBenchmark.official", Map.of(), "p50", "us",
                    "official connector, same order, same simulator, median"),
            new Metric("official_roundtrip_p99_us", B + "client.RoundTripBenchmark.official", Map.of(), "p99", "us", "the same, p99"),
            new Metric("official_roundtrip_mean_us", B + "client.RoundTripBenchmark.official", Map.of(), "score", "us", "the same, mean"),
            new Metric("matching_orders_per_s", B + "sim.MatchingEngineBenchmark.order", Map.of("depth", "none"), "score", "per_s",
                    "simulator matcher, seeded order stream, in-process"),
            new Metric("matching_orders_per_s_house_depth", B + "sim.MatchingEngineBenchmark.order", Map.of("depth", "house"),
                    "score", "per_s", "the same with the simulator's synthetic depth"),
            new Metric("exchange_core_orders_per_s", B + "sim.ExchangeCoreMatchingBenchmark.order", Map.of(), "score", "per_s",
                    "exchange-core order book, the same seeded stream, in-process"));

    /** Derived metrics: name → meaning (computed in {@link #derive}). */
    public static final Map<String, String> DERIVED = Map.of(
            "client_overhead_ratio_vs_official", "client_overhead_ns / official_client_overhead_ns (< 1: ours is faster)",
            "roundtrip_p50_ratio_vs_official", "roundtrip_p50_us / official_roundtrip_p50_us (< 1: ours is faster)",
            "orders_per_s_loopback", "1e6 / roundtrip_mean_us: orders/s of one caller, ours",
            "official_orders_per_s_loopback", "1e6 / official_roundtrip_mean_us",
            "matching_ratio_vs_exchange_core", "matching_orders_per_s / exchange_core_orders_per_s (> 1: ours is faster)");

    private ResultsReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ResultsReport <jmh-result.json> <results.json> <results.md>");
            System.exit(2);
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode runs = json.readTree(Path.of(args[0]).toFile());
        Map<String, Double> metrics = metrics(runs);
        ObjectNode out = json.createObjectNode();
        metrics.forEach(out::put);
        json.writerWithDefaultPrettyPrinter().writeValue(Path.of(args[1]).toFile(), out);
        Files.writeString(Path.of(args[2]), markdown(metrics, runs));
    }

    /** The named metrics found in a JMH JSON result, then the derived ones, in table order. */
    public static Map<String, Double> metrics(JsonNode runs) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Metric m : METRICS) {
            find(runs, m).ifPresent(run -> metrics.put(m.name(), value(run, m)));
        }
        derive(metrics);
        return metrics;
    }

    static void derive(Map<String, Double> m) {
        ratio(m, "client_overhead_ratio_vs_official", "client_overhead_ns", "official_client_overhead_ns");
        ratio(m, "roundtrip_p50_ratio_vs_official", "roundtrip_p50_us", "official_roundtrip_p50_us");
        if (m.containsKey("roundtrip_mean_us")) {
            m.put("orders_per_s_loopback", 1e6 / m.get("roundtrip_mean_us"));
        }
        if (m.containsKey("official_roundtrip_mean_us")) {
            m.put("official_orders_per_s_loopback", 1e6 / m.get("official_roundtrip_mean_us"));
        }
        ratio(m, "matching_ratio_vs_exchange_core", "matching_orders_per_s", "exchange_core_orders_per_s");
    }

    private static void ratio(Map<String, Double> m, String name, String numerator, String denominator) {
        if (m.containsKey(numerator) && m.containsKey(denominator)) {
            m.put(name, m.get(numerator) / m.get(denominator));
        }
    }

    private static Optional<JsonNode> find(JsonNode runs, Metric m) {
        for (JsonNode run : runs) {
            if (!run.path("benchmark").asText().equals(m.benchmark())) {
                continue;
            }
            boolean match = true;
            for (Map.Entry<String, String> p : m.params().entrySet()) {
                match &= p.getValue().equals(run.path("params").path(p.getKey()).asText(null));
            }
            if (match) {
                return Optional.of(run);
            }
        }
        return Optional.empty();
    }

    private static double value(JsonNode run, Metric m) {
        JsonNode primary = run.path("primaryMetric");
        double raw = switch (m.statistic()) {
            case "score" -> primary.path("score").asDouble();
            case "p50" -> percentile(primary, "50.0");
            case "p99" -> percentile(primary, "99.0");
            case "p99.9" -> percentile(primary, "99.9");
            default -> throw new IllegalArgumentException("unknown statistic " + m.statistic());
        };
        return convert(raw, primary.path("scoreUnit").asText(), m.unit());
    }

    private static double percentile(JsonNode primary, String p) {
        JsonNode v = primary.path("scorePercentiles").path(p);
        if (v.isMissingNode()) {
            throw new IllegalStateException("no percentile " + p + " (not a SampleTime run?)");
        }
        return v.asDouble();
    }

    /** Converts a JMH value in {@code from} (ns/op, us/op, ms/op, ops/s, ops/ms, ops/us) to ns, us or per_s. */
    static double convert(double v, String from, String to) {
        double nanosPerOp;
        switch (from) {
            case "ns/op" -> nanosPerOp = v;
            case "us/op" -> nanosPerOp = v * 1e3;
            case "ms/op" -> nanosPerOp = v * 1e6;
            case "s/op" -> nanosPerOp = v * 1e9;
            case "ops/s" -> nanosPerOp = 1e9 / v;
            case "ops/ms" -> nanosPerOp = 1e6 / v;
            case "ops/us" -> nanosPerOp = 1e3 / v;
            default -> throw new IllegalArgumentException("unknown JMH unit " + from);
        }
        return switch (to) {
            case "ns" -> nanosPerOp;
            case "us" -> nanosPerOp / 1e3;
            case "per_s" -> 1e9 / nanosPerOp;
            default -> throw new IllegalArgumentException("unknown unit " + to);
        };
    }

    private static String markdown(Map<String, Double> metrics, JsonNode runs) {
        StringBuilder md = new StringBuilder();
        md.append("| metric | value | what it measures |\n|---|---:|---|\n");
        Map<String, String> meaning = new LinkedHashMap<>();
        METRICS.forEach(m -> meaning.put(m.name(), m.meaning()));
        meaning.putAll(DERIVED);
        metrics.forEach((k, v) -> md.append("| `").append(k).append("` | ").append(format(v)).append(" | ")
                .append(meaning.getOrDefault(k, "")).append(" |\n"));
        md.append("\nMachine: ").append(machine()).append('\n');
        md.append("\n<details><summary>Every JMH run (raw)</summary>\n\n| benchmark | params | mode | score | error | unit |\n"
                + "|---|---|---|---:|---:|---|\n");
        for (JsonNode run : runs) {
            List<String> params = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = run.path("params").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                params.add(p.getKey() + "=" + p.getValue().asText());
            }
            JsonNode pm = run.path("primaryMetric");
            md.append("| ").append(run.path("benchmark").asText().replace(B, "")).append(" | ").append(String.join(", ", params))
                    .append(" | ").append(run.path("mode").asText()).append(" | ").append(format(pm.path("score").asDouble()))
                    .append(" | ").append(pm.path("scoreError").isNumber() ? format(pm.path("scoreError").asDouble()) : "")
                    .append(" | ").append(pm.path("scoreUnit").asText()).append(" |\n");
        }
        md.append("\n</details>\n");
        return md.toString();
    }

    private static String format(double v) {
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3f", v);
    }

    /** Cores, CPU model (/proc/cpuinfo), OS, JDK, and the load average bench/run recorded at start. */
    public static String machine() {
        String cpu = "unknown CPU";
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: keep "unknown CPU"
        }
        String load = System.getProperty("bench.loadavg.start", "");
        if (load.isBlank()) {
            try {
                load = Files.readString(Path.of("/proc/loadavg")).trim();
            } catch (IOException e) {
                load = "unknown";
            }
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", JDK " + System.getProperty("java.vm.vendor") + " "
                + System.getProperty("java.version") + "; load average at start (1, 5, 15 min): " + load
                + "; at the end: " + endLoad();
    }

    /** Keeps the load average of now as the run's start load, unless the caller (bench/run) already gave one. */
    public static void rememberStartLoad() {
        if (System.getProperty("bench.loadavg.start", "").isBlank()) {
            System.setProperty("bench.loadavg.start", endLoad());
        }
    }

    private static String endLoad() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
