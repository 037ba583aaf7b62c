package io.tradeguard.sim.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** The client-id index behaves like a HashMap of client id to order, also when hash codes collide. */
class ClientIdIndexProperties {
    private static final List<String> IDS = new ArrayList<>();

    static {
        // "Aa" and "BB" share a hash code, so these 8 ids collide fully; the rest spread
        for (String a : List.of("Aa", "BB")) {
            for (String b : List.of("Aa", "BB")) {
                for (String c : List.of("Aa", "BB")) {
                    IDS.add(a + b + c);
                }
            }
        }
        // a hash code of 0 is stored as 1: these two share a stored hash
        IDS.add("");
        IDS.add("\u0001");
        for (int i = 0; i < 70; i++) {
            IDS.add("k" + i);
        }
    }

    @Test
    void behavesLikeAHashMap() {
        qt().withExamples(300).forAll(lists().of(integers().between(-10_000, 10_000)).ofSizeBetween(0, 400))
                .checkAssert(this::behavesLikeAHashMap);
    }

    void behavesLikeAHashMap(List<Integer> ops) {
        ClientIdIndex index = new ClientIdIndex();
        Map<String, Order> reference = new HashMap<>();
        long nextId = 1;
        for (int op : ops) {
            String id = IDS.get(Math.abs(op) % IDS.size());
            if (op >= 0) {
                Order o = new Order(nextId++, null, null, id, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 1, 1, 0, 0, 0, 0);
                index.put(o);
                reference.put(id, o);
            } else {
                Order current = reference.get(id);
                Order stale = new Order(nextId++, null, null, id, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 1, 1, 0, 0, 0, 0);
                assertThat(index.remove(stale)).as("only the mapped order is removed").isFalse();
                assertThat(index.remove(current == null ? stale : current)).isEqualTo(current != null);
                reference.remove(id);
            }
            assertThat(index.size()).isEqualTo(reference.size());
        }
        for (String id : IDS) {
            assertThat(index.get(id)).isSameAs(reference.get(id));
        }
        assertThat(index.get("absent")).isNull();
    }
}
