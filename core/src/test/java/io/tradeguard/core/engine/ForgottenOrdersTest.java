package io.tradeguard.core.engine;

import io.tradeguard.core.model.ClientOrderId;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ForgottenOrdersTest {

    private static ClientOrderId id(long n) {
        return ClientOrderId.of("TGM-" + n);
    }

    @Test
    void keepsTheMostRecentlyForgottenIdsUpToItsCapacity() {
        ForgottenOrders forgotten = new ForgottenOrders(1_000);
        for (long n = 1; n <= 2_500; n++) {
            forgotten.add(id(n));
        }
        assertThat(forgotten.size()).isEqualTo(1_000);
        for (long n = 1; n <= 1_500; n++) {
            assertThat(forgotten.contains(id(n))).as("id %d, forgotten before the last 1,000", n).isFalse();
        }
        for (long n = 1_501; n <= 2_500; n++) {
            assertThat(forgotten.contains(id(n))).as("id %d", n).isTrue();
        }
        assertThat(forgotten.contains(ClientOrderId.of("web_1501"))).isFalse();
    }

    /** Against a plain deque and set: adds, repeats and the oldest dropping out, over many table growths and wraps. */
    @Test
    void answersLikeABoundedFirstInFirstOutSetUnderRandomUse() {
        for (int capacity : new int[]{1, 7, 300, 5_000}) {
            Random random = new Random(capacity);
            ForgottenOrders forgotten = new ForgottenOrders(capacity);
            Deque<Long> order = new ArrayDeque<>();
            Set<Long> reference = new HashSet<>();
            for (int step = 0; step < 40_000; step++) {
                long n = random.nextInt(3 * capacity + 10);
                if (random.nextInt(4) > 0) {
                    forgotten.add(id(n));
                    if (reference.add(n)) {
                        order.addLast(n);
                        if (order.size() > capacity) {
                            reference.remove(order.removeFirst());
                        }
                    }
                } else {
                    assertThat(forgotten.contains(id(n))).as("capacity %d step %d id %d", capacity, step, n)
                            .isEqualTo(reference.contains(n));
                }
                assertThat(forgotten.size()).isEqualTo(reference.size());
            }
            for (long n = 0; n < 3L * capacity + 10; n++) {
                assertThat(forgotten.contains(id(n))).as("capacity %d id %d at the end", capacity, n)
                        .isEqualTo(reference.contains(n));
            }
        }
    }

    @Test
    void similarIdsGetDifferentFingerprints() {
        Set<Long> prints = new HashSet<>();
        for (long n = 0; n < 200_000; n++) {
            prints.add(ForgottenOrders.fingerprint("TGM-" + n));
        }
        assertThat(prints).hasSize(200_000);
        assertThatThrownBy(() -> new ForgottenOrders(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
