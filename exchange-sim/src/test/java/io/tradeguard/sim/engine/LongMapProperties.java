package io.tradeguard.sim.engine;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The primitive-keyed map behaves like java.util.HashMap under any mix of puts and removes. */
class LongMapProperties {

    @Property(tries = 300)
    void behavesLikeAHashMap(@ForAll @Size(max = 400) List<@IntRange(min = -300, max = 300) Integer> ops) {
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
