package io.tradeguard.sim.engine;

import java.util.List;

/**
 * One account's retained closed orders, in the order they closed: a ring that drops the oldest once it holds
 * {@code limit}. Closing costs an array store, with no index to maintain; the queries that look up a closed
 * order (by id, by client id) scan the ring's primitive id and hash columns instead, which keeps the order
 * path free of cache misses on old orders.
 */
final class ClosedOrders {
    private Order[] orders = new Order[16];
    private long[] ids = new long[16];
    private int[] clientIdHashes = new int[16];
    /** Slot of the oldest order. */
    private int head;
    private int size;

    void add(Order o, int limit) {
        if (size == limit) {
            orders[head] = null;
            head = wrap(head + 1);
            size--;
        } else if (size == orders.length) {
            grow(limit);
        }
        int slot = wrap(head + size);
        orders[slot] = o;
        ids[slot] = o.orderId;
        clientIdHashes[slot] = o.clientOrderId.hashCode();
        size++;
    }

    /** A slot index past the end wraps to the start (indexes stay below twice the length). */
    private int wrap(int i) {
        return i < orders.length ? i : i - orders.length;
    }

    private void grow(int limit) {
        int n = (int) Math.min(limit, orders.length * 2L);
        Order[] o = new Order[n];
        long[] id = new long[n];
        int[] h = new int[n];
        for (int i = 0; i < size; i++) {
            int from = wrap(head + i);
            o[i] = orders[from];
            id[i] = ids[from];
            h[i] = clientIdHashes[from];
        }
        orders = o;
        ids = id;
        clientIdHashes = h;
        head = 0;
    }

    Order byId(long orderId) {
        for (int i = 0; i < size; i++) {
            int slot = wrap(head + i);
            if (ids[slot] == orderId) {
                return orders[slot];
            }
        }
        return null;
    }

    /**
     * The newest closed order with this client id. Orders sharing a client id never overlap in time (an open
     * one refuses the next), so the last to close is also the last placed.
     */
    Order latestByClientId(String clientOrderId) {
        int hash = clientOrderId.hashCode();
        for (int i = size - 1; i >= 0; i--) {
            int slot = wrap(head + i);
            if (clientIdHashes[slot] == hash && orders[slot].clientOrderId.equals(clientOrderId)) {
                return orders[slot];
            }
        }
        return null;
    }

    void addTo(List<Order> out) {
        for (int i = 0; i < size; i++) {
            out.add(orders[wrap(head + i)]);
        }
    }

    int size() {
        return size;
    }
}
