package io.tradeguard.core.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** No message is lost or reordered, and a parked consumer is always woken, whatever the spin. */
class HandoffTest {

    @Test
    void everyMessageArrivesInOrderFromTwoProducersWithAndWithoutSpin() throws Exception {
        for (long spin : new long[] {0, 20_000}) {
            Handoff<long[]> handoff = new Handoff<>(spin);
            int perProducer = 20_000;
            CompletableFuture<List<long[]>> taken = CompletableFuture.supplyAsync(() -> {
                List<long[]> got = new ArrayList<>();
                try {
                    while (got.size() < 2 * perProducer) {
                        got.add(handoff.take());
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return got;
            }, r -> Thread.ofPlatform().start(r));
            List<Thread> producers = new ArrayList<>();
            for (int p = 0; p < 2; p++) {
                int producer = p;
                producers.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; i < perProducer; i++) {
                        handoff.add(new long[] {producer, i});
                        if (i % 1_000 == 0) {
                            LockSupport.parkNanos(200_000); // lets the consumer park now and then
                        }
                    }
                }));
            }
            for (Thread t : producers) {
                t.join();
            }
            List<long[]> got = taken.get(20, TimeUnit.SECONDS);
            long[] next = new long[2];
            for (long[] m : got) {
                assertThat(m[1]).as("producer %d, spin %d ns", m[0], spin).isEqualTo(next[(int) m[0]]++);
            }
            assertThat(next).containsExactly(perProducer, perProducer);
            assertThat(handoff.isEmpty()).isTrue();
            assertThat(handoff.size()).isZero();
        }
    }

    @Test
    void aParkedConsumerIsWokenByTheNextMessage() throws Exception {
        Handoff<String> handoff = new Handoff<>(0);
        for (int round = 0; round < 50; round++) {
            CompletableFuture<String> taken = new CompletableFuture<>();
            Thread consumer = Thread.ofPlatform().start(() -> {
                try {
                    taken.complete(handoff.take());
                } catch (InterruptedException e) {
                    taken.completeExceptionally(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (consumer.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            handoff.add("tick " + round);
            // well under the consumer's 1 s safety timeout: the add itself woke it
            assertThat(taken.get(500, TimeUnit.MILLISECONDS)).isEqualTo("tick " + round);
            consumer.join();
        }
    }

    @Test
    void aNegativeSpinIsRefused() {
        assertThatThrownBy(() -> new Handoff<>(-1)).hasMessageContaining("must not be negative");
    }
}
