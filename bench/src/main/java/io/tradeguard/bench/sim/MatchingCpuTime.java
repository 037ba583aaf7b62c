package io.tradeguard.bench.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The two matching benchmarks' streams (ours with no house depth, and exchange-core's order book) run in a plain
 * loop, reporting orders per second of this thread's CPU time beside the wall-clock rate. On a shared, loaded
 * machine the wall-clock rate mostly measures the scheduler; CPU time is what the code costs. The thread's CPU
 * time leaves out the garbage collector, which works on its own threads, so the process's CPU time per order
 * (this thread plus the collector and the JIT) is shown as well.
 *
 * <pre>java -cp bench/target/classes:$(cat bench/target/classpath.txt) io.tradeguard.bench.sim.MatchingCpuTime [rounds] [orders]</pre>
 */
public final class MatchingCpuTime {
    private MatchingCpuTime() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int orders = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 1; round <= rounds; round++) {
            MatchingEngineBenchmark ours = new MatchingEngineBenchmark();
            ours.depth = "none";
            ours.setUp();
            ExchangeCoreMatchingBenchmark peer = new ExchangeCoreMatchingBenchmark();
            peer.setUp();
            long p0 = os.getProcessCpuTime();
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < orders; i++) {
                ours.order();
            }
            long c1 = mx.getCurrentThreadCpuTime();
            long t1 = System.nanoTime();
            long p1 = os.getProcessCpuTime();
            for (int i = 0; i < orders; i++) {
                peer.order();
            }
            long c2 = mx.getCurrentThreadCpuTime();
            long t2 = System.nanoTime();
            long p2 = os.getProcessCpuTime();
            double oursCpu = orders / ((c1 - c0) / 1e9);
            double peerCpu = orders / ((c2 - c1) / 1e9);
            System.out.printf("round %d: ours %,.0f orders per CPU-second (%,.0f per process CPU-second, %,.0f/s wall),"
                    + " exchange-core %,.0f per CPU-second (%,.0f per process CPU-second, %,.0f/s wall), ratio %.3f%n",
                    round, oursCpu, orders / ((p1 - p0) / 1e9), orders / ((t1 - t0) / 1e9), peerCpu,
                    orders / ((p2 - p1) / 1e9), orders / ((t2 - t1) / 1e9), oursCpu / peerCpu);
        }
    }
}
