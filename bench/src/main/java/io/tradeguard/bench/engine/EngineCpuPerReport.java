package io.tradeguard.bench.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * {@link ExecutionReportsBenchmark}'s work (journal in memory, 5 fills per order) in a plain loop, reporting per
 * execution report the wall time and the CPU time of the engine thread ({@code tg-engine}), of the journal thread
 * ({@code tg-journal}) and of the thread pushing the reports. {@code 1e6 / engine µs} is the rate the engine thread
 * could apply with a core to itself; on a loaded 2-core machine the wall-clock rate is far lower.
 *
 * <pre>java -cp bench/target/classes:$(cat bench/target/classpath.txt) io.tradeguard.bench.engine.EngineCpuPerReport [invocations]</pre>
 */
public final class EngineCpuPerReport {
    private EngineCpuPerReport() {
    }

    public static void main(String[] args) throws Exception {
        int invocations = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        ExecutionReportsBenchmark b = new ExecutionReportsBenchmark();
        b.journal = "memory";
        b.fills = 5;
        b.start();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long engine = threadId("tg-engine");
        long journal = threadId("tg-journal");
        long wall = 0;
        long engineCpu = 0;
        long journalCpu = 0;
        long pusherCpu = 0;
        long reports = 0;
        for (int i = 0; i < invocations; i++) {
            b.placeOrders();
            long e0 = mx.getThreadCpuTime(engine);
            long j0 = mx.getThreadCpuTime(journal);
            long p0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            b.applyReports();
            if (i >= invocations / 2) { // the first half warms up
                wall += System.nanoTime() - t0;
                engineCpu += mx.getThreadCpuTime(engine) - e0;
                journalCpu += mx.getThreadCpuTime(journal) - j0;
                pusherCpu += mx.getCurrentThreadCpuTime() - p0;
                reports += 1000;
            }
        }
        b.stop();
        System.out.printf("per execution report: wall %.2f us (%,.0f reports/s), engine thread CPU %.2f us (%,.0f reports per"
                        + " engine CPU-second), journal thread CPU %.2f us, pushing thread CPU %.2f us%n",
                wall / 1e3 / reports, reports / (wall / 1e9), engineCpu / 1e3 / reports, reports / (engineCpu / 1e9),
                journalCpu / 1e3 / reports, pusherCpu / 1e3 / reports);
    }

    private static long threadId(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no thread " + name)).threadId();
    }
}
