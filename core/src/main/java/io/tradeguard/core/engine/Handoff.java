package io.tradeguard.core.engine;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A queue between threads with one consumer, which polls for a bounded time before it parks.
 *
 * <p>Why not a {@code LinkedBlockingQueue}: waking a parked thread cost 12–30 µs at the median on the 2-core VM
 * measured (more under load), and the tick-to-order path crosses three threads. A consumer that has just finished
 * work keeps polling for the spin time before it parks, so a message that follows soon after (the next step of the
 * same order, a burst of execution reports) is taken without a wake-up; it yields the core between polls, so a
 * runnable thread is not kept waiting by it. Producers only pay for {@code unpark} when the consumer really parked.
 * The spin is bounded: an idle engine parks after it and burns no core while nothing arrives.
 */
final class Handoff<T> {
    private final Queue<T> queue = new ConcurrentLinkedQueue<>();
    private final long spinNanos;
    private volatile Thread consumer;
    /** set by the consumer just before it parks; producers then unpark it */
    private volatile boolean parked;

    /** @param spinNanos how long the consumer polls after its last message before it parks; 0 parks at once */
    Handoff(long spinNanos) {
        if (spinNanos < 0) {
            throw new IllegalArgumentException("spin must not be negative: " + spinNanos);
        }
        this.spinNanos = spinNanos;
    }

    void add(T message) {
        queue.add(Objects.requireNonNull(message, "message"));
        if (parked) {
            LockSupport.unpark(consumer);
        }
    }

    /**
     * Messages waiting now: counted by walking the queue, which only the metrics ask for. A shared counter would
     * cost every message a write to one cache line from the producers and one from the consumer.
     */
    int size() {
        return queue.size();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** The next message, or null when none is waiting; consumer thread only. */
    T poll() {
        return queue.poll();
    }

    /** The next message, waiting for it: first polling for the spin time, then parked. Consumer thread only. */
    T take() throws InterruptedException {
        T message = poll();
        if (message != null) {
            return message;
        }
        if (consumer != Thread.currentThread()) {
            consumer = Thread.currentThread();
        }
        while (true) {
            long spinUntil = System.nanoTime() + spinNanos;
            do {
                message = poll();
                if (message != null) {
                    return message;
                }
                Thread.yield(); // polite: a runnable thread (the next step of the same order) gets the core at once
            } while (System.nanoTime() - spinUntil < 0);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            parked = true;
            // volatile write, then volatile read: a producer that added before this poll is seen here; one that adds
            // after it sees parked == true and unparks
            message = poll();
            if (message != null) {
                parked = false;
                return message;
            }
            LockSupport.parkNanos(this, TimeUnit.SECONDS.toNanos(1));
            parked = false;
        }
    }
}
