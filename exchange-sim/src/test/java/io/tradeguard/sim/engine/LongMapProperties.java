package io.tradeguard.sim.engine;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** The primitive-keyed map behaves like java.util.HashMap under any mix of puts and removes. */
class LongMapProperties {

    @Test
    void behavesLikeAHashMap() {
        qt().withExamples(300).forAll(lists().of(integers().between(-300, 300)).ofSizeBetween(0, 400))
                .checkAssert(this::behavesLikeAHashMap);
    }

    void behavesLikeAHashMap(List<Integer> ops) {
        LongMap<String> map = new LongMap<>();
        Map<Long, String> reference = new HashMap<>();
        for (int op : ops) {
            long key = Math.abs(op) % 150;   // few keys: many collisions and re-inserts
            if (op >= 0) {
                map.put(key, "v" + op);
                reference.put(key, "v" + op);
            } else {
                assertThat(map.remove(key)).isEqualTo(reference.remove(key));
            }
            assertThat(map.size()).isEqualTo(reference.size());
        }
        for (long k = 0; k < 150; k++) {
            assertThat(map.get(k)).isEqualTo(reference.get(k));
        }
        assertThat(map.values()).containsExactlyInAnyOrderElementsOf(reference.values());
    }
}
