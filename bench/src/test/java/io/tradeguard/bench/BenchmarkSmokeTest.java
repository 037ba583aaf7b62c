package io.tradeguard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeguard.bench.soak.SoakDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Smoke mode of the benchmark suite, so the benchmarks cannot rot: every JMH benchmark of this module runs
 * once, in-process, for 100 ms with no warm-up (one parameter value where a benchmark has several; the
 * PostgreSQL journal variant is left to bench/run, its server start alone takes most of the budget), and
 * every metric bench/run promises must come out of the results as a positive number. The soak driver runs
 * for three seconds. No figure is judged: this is not a timed test.
 */
class BenchmarkSmokeTest {

    static final List<String> REQUIRED = List.of("tick_to_order_p50_us", "tick_to_order_p99_us", "tick_to_order_p999_us",
            "tick_to_order_one_thread_p50_us",
            "pretrade_check_ns_10_positions", "pretrade_check_ns_100_positions", "exec_reports_per_s",
            "exec_reports_per_s_no_journal",
            "exec_reports_per_s_journal_sqlite", "client_overhead_ns", "official_client_overhead_ns",
            "client_overhead_ratio_vs_official", "roundtrip_p50_us", "roundtrip_p99_us", "official_roundtrip_p50_us",
            "roundtrip_p50_ratio_vs_official", "orders_per_s_loopback", "matching_orders_per_s",
            "exchange_core_orders_per_s", "matching_ratio_vs_exchange_core");

    @Test
    void everyBenchmarkRunsAndEveryMetricComesOut(@TempDir Path dir) throws Exception {
        System.setProperty("tradeguard.bench.roundtrip.warmupSeconds", "0"); // the smoke checks it runs, not its figures
        System.setProperty("jmh.ignoreLock", "true"); // another build's JMH may hold /tmp/jmh.lock; no figure is judged here
        Path result = dir.resolve("jmh-result.json");
        Options options = new OptionsBuilder()
                .include("io\\.tradeguard\\.bench\\..*")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .param("fills", "5")
                .param("fillsPerOrder", "5")
                .param("db", "sqlite")
                .resultFormat(ResultFormatType.JSON)
                .result(result.toString())
                .shouldFailOnError(true)
                .build();
        new Runner(options).run();

        JsonNode runs = new ObjectMapper().readTree(result.toFile());
        Map<String, Double> metrics = ResultsReport.metrics(runs);
        assertThat(metrics).containsKeys(REQUIRED.toArray(String[]::new));
        REQUIRED.forEach(name -> assertThat(metrics.get(name)).as(name).isPositive().isFinite());
    }

    @Test
    void soakDriverSamplesAndTheJournalHoldsEveryEvent() throws Exception {
        SoakDriver.Report report = SoakDriver.run(3_000, 50, 1_000, line -> { });
        assertThat(report.samples()).isNotEmpty();
        assertThat(report.ordersSent()).isPositive();
        assertThat(report.journalRows()).isEqualTo(report.engineEvents()).isPositive();
        assertThat(report.samples()).allSatisfy(s -> {
            assertThat(s.fds()).isPositive();
            assertThat(s.threads()).isPositive();
            assertThat(s.heapMb()).isPositive();
        });
    }
}
