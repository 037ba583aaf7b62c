package io.tradeguard.bench.ticktoorder;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.journal.InMemoryJournal;
import io.tradeguard.core.journal.Journal;
import io.tradeguard.core.journal.JournalEntry;
import io.tradeguard.core.journal.JournalException;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * {@link TickToOrderBenchmark}'s tick in a plain loop, timed per stage on each thread's own clock reading, so the
 * figures say which hand-off costs what, however loaded the machine is:
 * <ol>
 *   <li>{@code engine wake}: tick posted → the engine thread starts on it;</li>
 *   <li>{@code engine decide}: the engine thread's decision (guards, gates, the exit placed);</li>
 *   <li>{@code journal wake}: decision done → the journal thread starts appending;</li>
 *   <li>{@code journal append}: the in-memory append;</li>
 *   <li>{@code to submit}: appended → the I/O worker calls {@code Venue.submit} (listeners, release, worker start);</li>
 *   <li>{@code sign}: {@code submit} builds the signed request;</li>
 *   <li>{@code waiter wake}: request ready → the parked caller runs again (the benchmark's own overestimate).</li>
 * </ol>
 * Also the CPU time of the engine and journal threads per tick, counted over the whole iteration (set-up of the
 * next stop and the idle time between ticks included), so a waiting strategy that spins shows up; and what the
 * engine's threads use in 3 s without any message.
 *
 * <pre>java -cp bench/target/classes:$(cat bench/target/classpath.txt) io.tradeguard.bench.ticktoorder.TickToOrderStages [ticks] [idle µs between ticks] [hand-off spin µs]</pre>
 */
public final class TickToOrderStages {
    private TickToOrderStages() {
    }

    /** Notes the first append after {@link #arm} that holds an order submission: the stop's exit. */
    private static final class StampingJournal implements Journal {
        private final Journal delegate = new InMemoryJournal();
        final AtomicLong appendStarted = new AtomicLong(-1);
        volatile long appendEnded;

        void arm() {
            appendStarted.set(0);
        }

        @Override
        public void append(List<JournalEntry> entries) throws JournalException {
            long started = System.nanoTime();
            boolean first = entries.stream().anyMatch(e -> e.event() instanceof DomainEvent.OrderSubmitted)
                    && appendStarted.compareAndSet(0, started);
            delegate.append(entries);
            if (first) {
                appendEnded = System.nanoTime();
            }
        }

        @Override
        public void replay(long afterSequence, Consumer<JournalEntry> sink) throws JournalException {
            delegate.replay(afterSequence, sink);
        }

        @Override
        public long lastSequence() throws JournalException {
            return delegate.lastSequence();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    public static void main(String[] args) throws Exception {
        int ticks = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        long idleMicros = args.length > 1 ? Long.parseLong(args[1]) : 0;
        TickToOrderBenchmark b = new TickToOrderBenchmark();
        StampingJournal journal = new StampingJournal();
        b.journal = journal;
        if (args.length > 2) {
            b.handoffSpin = java.time.Duration.ofNanos(Long.parseLong(args[2]) * 1_000);
        }
        b.start();
        AtomicLong decideStarted = new AtomicLong(-1);
        AtomicLong decideEnded = new AtomicLong();
        b.engine.onMessageHandled((kind, nanos) -> {
            long now = System.nanoTime();
            if (kind.equals("VenueIn") && decideStarted.compareAndSet(0, now - nanos)) {
                decideEnded.set(now);
            }
        });
        String[] names = {"engine wake", "engine decide", "journal wake", "journal append", "to submit", "sign",
                "waiter wake", "tick to order (signed)", "tick to order (waiter running)"};
        Map<String, Histogram> stages = new LinkedHashMap<>();
        for (String name : names) {
            stages.put(name, new Histogram(3));
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long engineThread = threadId("tg-engine");
        long journalThread = threadId("tg-journal");
        long senderThread = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("tg-send"))
                .mapToLong(Thread::threadId).findFirst().orElse(-1);
        // bytes each thread allocates per tick: what the collector must clear, however loaded the machine is
        com.sun.management.ThreadMXBean alloc = (com.sun.management.ThreadMXBean) mx;
        long engineBytes = 0;
        long journalBytes = 0;
        long senderBytes = 0;
        long setupBytes = 0;
        long waiterBytes = 0;
        long senderCpu = 0;
        long engineCpu = 0;
        long journalCpu = 0;
        long wall = 0;
        int measured = 0;
        for (int i = 0; i < ticks; i++) {
            long e0 = mx.getThreadCpuTime(engineThread);
            long j0 = mx.getThreadCpuTime(journalThread);
            long s0 = cpu(mx, senderThread);
            long ea0 = alloc.getThreadAllocatedBytes(engineThread);
            long ja0 = alloc.getThreadAllocatedBytes(journalThread);
            long sa0 = allocated(alloc, senderThread);
            long ma0 = alloc.getCurrentThreadAllocatedBytes();
            long w0 = System.nanoTime();
            b.armed();
            long ma1 = alloc.getCurrentThreadAllocatedBytes();
            if (idleMicros > 0) {
                long until = System.nanoTime() + idleMicros * 1_000;
                while (System.nanoTime() < until) {
                    java.util.concurrent.locks.LockSupport.parkNanos(until - System.nanoTime());
                }
            }
            journal.arm();
            decideStarted.set(0);
            long total = b.tickToOrder();
            long woke = System.nanoTime();
            long ma2 = alloc.getCurrentThreadAllocatedBytes();
            long signedAt = b.venue.signedAtNanos();
            long t0 = signedAt - total;
            if (i < ticks / 2) {
                continue; // warm-up
            }
            long[] at = {t0, decideStarted.get(), decideEnded.get(), journal.appendStarted.get(), journal.appendEnded,
                    b.venue.submitCalledNanos(), signedAt, woke};
            for (int s = 0; s < 7; s++) {
                stages.get(names[s]).recordValue(Math.max(0, at[s + 1] - at[s]));
            }
            stages.get(names[7]).recordValue(signedAt - t0);
            stages.get(names[8]).recordValue(woke - t0);
            engineCpu += mx.getThreadCpuTime(engineThread) - e0;
            journalCpu += mx.getThreadCpuTime(journalThread) - j0;
            senderCpu += cpu(mx, senderThread) - s0;
            wall += woke - w0;
            engineBytes += alloc.getThreadAllocatedBytes(engineThread) - ea0;
            journalBytes += alloc.getThreadAllocatedBytes(journalThread) - ja0;
            senderBytes += allocated(alloc, senderThread) - sa0;
            setupBytes += ma1 - ma0;
            waiterBytes += ma2 - ma1;
            measured++;
        }
        long idleStart = mx.getThreadCpuTime(engineThread) + mx.getThreadCpuTime(journalThread) + cpu(mx, senderThread);
        Thread.sleep(3_000);
        long idleCpu = mx.getThreadCpuTime(engineThread) + mx.getThreadCpuTime(journalThread) + cpu(mx, senderThread)
                - idleStart;
        b.stop();
        System.out.printf("%d ticks measured (after %d warm-up), idle %d us between ticks, hand-off spin %d us, load average %s%n",
                measured, ticks - measured, idleMicros, b.handoffSpin.toNanos() / 1_000, new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim());
        System.out.printf("%-32s %9s %9s %9s %9s %9s%n", "stage (us)", "p50", "p90", "p99", "p99.9", "max");
        stages.forEach((name, h) -> System.out.printf("%-32s %9.1f %9.1f %9.1f %9.1f %9.1f%n", name,
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
                h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3));
        System.out.printf("per tick (with its set-up and idle time): wall %.1f us, engine thread CPU %.1f us (%.0f %% busy),"
                        + " journal thread CPU %.1f us (%.0f %% busy), sender thread CPU %.1f us (%.0f %% busy)%n",
                wall / 1e3 / measured, engineCpu / 1e3 / measured, 100.0 * engineCpu / wall, journalCpu / 1e3 / measured,
                100.0 * journalCpu / wall, senderCpu / 1e3 / measured, 100.0 * senderCpu / wall);
        System.out.printf("allocated per tick (with its set-up): engine thread %d B, journal thread %d B, sender thread %d B,"
                        + " benchmark thread %d B in the set-up (arming the stop, the book, the snapshot) + %d B in the tick;"
                        + " total %d B (a sender on a virtual thread is not counted)%n",
                engineBytes / measured, journalBytes / measured, senderBytes / measured, setupBytes / measured,
                waiterBytes / measured, (engineBytes + journalBytes + senderBytes + setupBytes + waiterBytes) / measured);
        idleLine(idleCpu);
    }

    /** bytes a thread allocated so far, 0 when it does not exist */
    private static long allocated(com.sun.management.ThreadMXBean mx, long thread) {
        return thread < 0 ? 0 : Math.max(0, mx.getThreadAllocatedBytes(thread));
    }

    private static void idleLine(long idleCpu) {
        System.out.printf("idle engine, 3 s without messages: engine + journal + sender threads used %.3f ms of CPU%n", idleCpu / 1e6);
    }

    private static long threadId(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no thread " + name)).threadId();
    }

    /** CPU time of a thread, 0 when it does not exist (an engine without a sender thread) */
    private static long cpu(ThreadMXBean mx, long thread) {
        return thread < 0 ? 0 : mx.getThreadCpuTime(thread);
    }
}
