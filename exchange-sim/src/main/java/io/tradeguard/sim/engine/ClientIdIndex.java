package io.tradeguard.sim.engine;

/**
 * Client order ids to open orders: open addressing over the ids' hash codes kept in an int column
 * (0 marks a free slot, so a hash code of 0 is stored as 1), linear probing, deletion by backward shift.
 * Unlike a HashMap it allocates nothing per entry, and a lookup of an unused id (every new order's
 * duplicate check) usually reads one slot of the hash column without touching any order or string.
 */
final class ClientIdIndex {
    private int[] hashes = new int[64];
    private Order[] orders = new Order[64];
    private int mask = 63;
    private int size;

    private static int stored(String clientOrderId) {
        int h = clientOrderId.hashCode();
        return h == 0 ? 1 : h;
    }

    private static int slot(int hash, int mask) {
        return (hash ^ (hash >>> 16)) & mask;
    }

    Order get(String clientOrderId) {
        int h = stored(clientOrderId);
        for (int i = slot(h, mask); hashes[i] != 0; i = (i + 1) & mask) {
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
        int h = stored(id);
        int i = slot(h, mask);
        while (hashes[i] != 0) {
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
        int h = stored(o.clientOrderId);
        int i = slot(h, mask);
        while (hashes[i] != 0 && (hashes[i] != h || orders[i] != o)) {
            i = (i + 1) & mask;
        }
        if (hashes[i] == 0) {
            return false;
        }
        hashes[i] = 0;
        orders[i] = null;
        size--;
        // shift back the entries of the probe run so lookups never stop at the hole
        for (int j = (i + 1) & mask; hashes[j] != 0; j = (j + 1) & mask) {
            int home = slot(hashes[j], mask);
            boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                hashes[i] = hashes[j];
                orders[i] = orders[j];
                hashes[j] = 0;
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
            if (oldHashes[i] != 0) {
                int j = slot(oldHashes[i], mask);
                while (hashes[j] != 0) {
                    j = (j + 1) & mask;
                }
                hashes[j] = oldHashes[i];
                orders[j] = o;
            }
        }
    }
}
