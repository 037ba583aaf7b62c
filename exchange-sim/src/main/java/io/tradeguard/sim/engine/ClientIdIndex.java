package io.tradeguard.sim.engine;

/**
 * Client order ids to open orders: open addressing over the ids' hash codes kept in an int column,
 * linear probing, deletion by backward shift. Unlike a HashMap it allocates nothing per entry, and a
 * lookup of an unused id (every new order's duplicate check) usually reads one slot of the hash column
 * without touching any order or string.
 */
final class ClientIdIndex {
    private int[] hashes = new int[64];
    private Order[] orders = new Order[64];
    private int mask = 63;
    private int size;

    private static int slot(int hash, int mask) {
        return (hash ^ (hash >>> 16)) & mask;
    }

    Order get(String clientOrderId) {
        int h = clientOrderId.hashCode();
        for (int i = slot(h, mask); orders[i] != null; i = (i + 1) & mask) {
            if (hashes[i] == h && orders[i].clientOrderId.equals(clientOrderId)) {
                return orders[i];
            }
        }
        return null;
    }

    /** Maps the order's client id to it, replacing the order that had it. */
    void put(Order o) {
        if ((size + 1) * 2 > orders.length) {
            resize(orders.length * 2);
        }
        String id = o.clientOrderId;
        int h = id.hashCode();
        int i = slot(h, mask);
        while (orders[i] != null) {
            if (hashes[i] == h && orders[i].clientOrderId.equals(id)) {
                orders[i] = o;
                return;
            }
            i = (i + 1) & mask;
        }
        hashes[i] = h;
        orders[i] = o;
        size++;
    }

    /** Removes the order's client id if it maps to this very order. */
    boolean remove(Order o) {
        int h = o.clientOrderId.hashCode();
        int i = slot(h, mask);
        while (orders[i] != null && orders[i] != o) {
            i = (i + 1) & mask;
        }
        if (orders[i] == null) {
            return false;
        }
        orders[i] = null;
        size--;
        // shift back the entries of the probe run so lookups never stop at the hole
        for (int j = (i + 1) & mask; orders[j] != null; j = (j + 1) & mask) {
            int home = slot(hashes[j], mask);
            boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                hashes[i] = hashes[j];
                orders[i] = orders[j];
                orders[j] = null;
                i = j;
            }
        }
        return true;
    }

    int size() {
        return size;
    }

    private void resize(int capacity) {
        int[] oldHashes = hashes;
        Order[] oldOrders = orders;
        hashes = new int[capacity];
        orders = new Order[capacity];
        mask = capacity - 1;
        for (int i = 0; i < oldOrders.length; i++) {
            Order o = oldOrders[i];
            if (o != null) {
                int j = slot(oldHashes[i], mask);
                while (orders[j] != null) {
                    j = (j + 1) & mask;
                }
                hashes[j] = oldHashes[i];
                orders[j] = o;
            }
        }
    }
}
