package io.tradeguard.core.engine;

import io.tradeguard.core.model.ClientOrderId;

/**
 * The client order ids of the settled orders that most recently left memory ({@link TradingState.Retention}), so
 * that a report the venue sends for one of them late (a re-delivery after a reconnect, a query answer) is known as a
 * report of an order whose every fill is already accounted, not adopted as someone else's order and posted again.
 *
 * <p>Kept as 64-bit fingerprints of the ids in an open-addressing table beside a ring in eviction order: about 24
 * bytes per id, so the {@link #CAPACITY} most recent cost about 2.4 MB once full, where the orders themselves cost
 * about 1 KB each. Two different ids share a fingerprint with odds of about 1 in 2^64 per pair. Which ids are here
 * depends only on the evictions, and those only on the events, so a replay of the journal rebuilds the same set.
 */
final class ForgottenOrders {

    /** At 20 orders a second, about 80 minutes of settled orders beyond the retention. */
    static final int CAPACITY = 100_000;

    private final int capacity;
    /** fingerprints in the order they were forgotten; the oldest at {@link #head} */
    private long[] ring = new long[256];
    private int head;
    private int size;
    /** open addressing, linear probing; 0 marks a free slot (a fingerprint of 0 is stored as 1) */
    private long[] table = new long[512];

    ForgottenOrders() {
        this(CAPACITY);
    }

    ForgottenOrders(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    void add(ClientOrderId id) {
        long print = fingerprint(id.value());
        if (contains(print)) {
            return;
        }
        if (size == capacity) {
            remove(ring[head]);
            head = (head + 1) % ring.length;
            size--;
        }
        if (size == ring.length) {
            growRing();
        }
        ring[(head + size) % ring.length] = print;
        size++;
        if (2 * size > table.length) {
            rehash(table.length * 2);
        }
        insert(table, print);
    }

    boolean contains(ClientOrderId id) {
        return contains(fingerprint(id.value()));
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    private boolean contains(long print) {
        int mask = table.length - 1;
        for (int i = slot(print, mask); table[i] != 0; i = (i + 1) & mask) {
            if (table[i] == print) {
                return true;
            }
        }
        return false;
    }

    /** Backward-shift deletion: the entries after the removed one move up so that no probe chain is broken. */
    private void remove(long print) {
        int mask = table.length - 1;
        int i = slot(print, mask);
        while (table[i] != print) {
            if (table[i] == 0) {
                return;
            }
            i = (i + 1) & mask;
        }
        int gap = i;
        for (int j = (gap + 1) & mask; table[j] != 0; j = (j + 1) & mask) {
            int home = slot(table[j], mask);
            // the entry at j may fill the gap unless its home lies cyclically in (gap, j]
            boolean homeBetween = gap <= j ? home > gap && home <= j : home > gap || home <= j;
            if (!homeBetween) {
                table[gap] = table[j];
                gap = j;
            }
        }
        table[gap] = 0;
    }

    private void growRing() {
        long[] grown = new long[Math.min(ring.length * 2, capacity)];
        for (int k = 0; k < size; k++) {
            grown[k] = ring[(head + k) % ring.length];
        }
        ring = grown;
        head = 0;
    }

    private void rehash(int length) {
        long[] grown = new long[length];
        for (long print : table) {
            if (print != 0) {
                insert(grown, print);
            }
        }
        table = grown;
    }

    private static void insert(long[] into, long print) {
        int mask = into.length - 1;
        int i = slot(print, mask);
        while (into[i] != 0) {
            i = (i + 1) & mask;
        }
        into[i] = print;
    }

    private static int slot(long print, int mask) {
        return (int) (print ^ (print >>> 32)) & mask;
    }

    /** FNV-1a over the characters, then a 64-bit finalizer so that similar ids spread over the table. */
    static long fingerprint(String value) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < value.length(); i++) {
            h ^= value.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
