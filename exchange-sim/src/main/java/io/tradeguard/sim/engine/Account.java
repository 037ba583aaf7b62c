package io.tradeguard.sim.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A spot account: free and locked balance per asset (1e-8 units), commission rates, open and past orders. */
public final class Account {
    public final long id;
    public final String apiKey;
    /** Commission rates in 1e-8 units (0.001 = 100_000). */
    long makerRate;
    long takerRate;
    long[] free = new long[8];
    long[] locked = new long[8];
    long updateTime;
    final Map<Long, OrderList> openLists = new HashMap<>();
    /** Every retained order (open ones are never evicted). */
    final LongMap<Order> orders = new LongMap<>();
    /** Open orders of all symbols. */
    private int openCount;
    /** The latest order with each client id, open or not. */
    final Map<String, Order> byClientId = new HashMap<>();
    final LinkedHashMap<Long, OrderList> lists = new LinkedHashMap<>();
    final Map<String, OrderList> listsByClientId = new HashMap<>();
    final ArrayDeque<Fill> trades = new ArrayDeque<>();
    /** Closed orders, oldest first: the ones evicted once more than the history limit are kept. */
    final ArrayDeque<Order> closed = new ArrayDeque<>();
    /** Open orders per market index, for MAX_NUM_ORDERS without a scan. */
    private int[] openPerMarket = new int[4];
    /** Assets changed since the last outboundAccountPosition, as a bit set over asset ids. */
    long[] touched = new long[1];
    boolean dirty;
    boolean queued;

    Account(long id, String apiKey, long makerRate, long takerRate) {
        this.id = id;
        this.apiKey = apiKey;
        this.makerRate = makerRate;
        this.takerRate = takerRate;
    }

    void ensure(int asset) {
        if (asset >= free.length) {
            int n = Math.max(asset + 1, free.length * 2);
            free = Arrays.copyOf(free, n);
            locked = Arrays.copyOf(locked, n);
        }
        if ((asset >> 6) >= touched.length) {
            touched = Arrays.copyOf(touched, (asset >> 6) + 1);
        }
    }

    public long free(int asset) {
        return asset < free.length ? free[asset] : 0;
    }

    public long locked(int asset) {
        return asset < locked.length ? locked[asset] : 0;
    }

    public long makerRate() {
        return makerRate;
    }

    public long takerRate() {
        return takerRate;
    }

    public long updateTime() {
        return updateTime;
    }

    public int assetSlots() {
        return free.length;
    }

    void touch(int asset) {
        ensure(asset);
        touched[asset >> 6] |= 1L << (asset & 63);
        dirty = true;
    }

    void addFree(int asset, long delta) {
        ensure(asset);
        long next = free[asset] + delta;
        if (next < 0) {
            throw new IllegalStateException("free balance of asset " + asset + " would go negative");
        }
        free[asset] = next;
        touch(asset);
    }

    /** Moves free to locked. */
    void lock(int asset, long amount) {
        addFree(asset, -amount);
        locked[asset] += amount;
    }

    /** Moves locked back to free. */
    void unlock(int asset, long amount) {
        ensure(asset);
        if (locked[asset] < amount) {
            throw new IllegalStateException("locked balance of asset " + asset + " would go negative");
        }
        locked[asset] -= amount;
        free[asset] += amount;
        touch(asset);
    }

    /** Removes locked funds that leave the account (spent in a trade). */
    void spendLocked(int asset, long amount) {
        ensure(asset);
        if (locked[asset] < amount) {
            throw new IllegalStateException("locked balance of asset " + asset + " would go negative");
        }
        locked[asset] -= amount;
        touch(asset);
    }

    void remember(Order o) {
        orders.put(o.orderId, o);
        byClientId.put(o.clientOrderId, o);
        if (o.inst.index >= openPerMarket.length) {
            openPerMarket = Arrays.copyOf(openPerMarket, o.inst.index + 1);
        }
        openPerMarket[o.inst.index]++;
        openCount++;
    }

    /** The order is closed: it stays queryable until {@code limit} newer orders have closed. */
    void closed(Order o, int limit) {
        openPerMarket[o.inst.index]--;
        openCount--;
        closed.addLast(o);
        while (closed.size() > limit) {
            Order old = closed.removeFirst();
            orders.remove(old.orderId);
            byClientId.remove(old.clientOrderId, old);
        }
    }

    void remember(OrderList l, int limit) {
        lists.put(l.listId, l);
        listsByClientId.put(l.listClientOrderId, l);
        if (lists.size() > limit) {
            OrderList eldest = lists.values().iterator().next();
            if (eldest.done) {
                lists.remove(eldest.listId);
                listsByClientId.remove(eldest.listClientOrderId, eldest);
            }
        }
    }

    int openOrderCount(Instrument inst) {
        return inst.index < openPerMarket.length ? openPerMarket[inst.index] : 0;
    }

    /** Open orders (of one symbol, or all when null), oldest first. */
    List<Order> openOrders(String symbol) {
        List<Order> out = new ArrayList<>(Math.min(openCount, 1024));
        if (openCount > 0) {
            for (Order o : orders.values()) {
                if (o.status.isOpen() && (symbol == null || o.inst.symbol.equals(symbol))) {
                    out.add(o);
                }
            }
            out.sort(java.util.Comparator.comparingLong(o -> o.orderId));
        }
        return out;
    }

    /** The open order with this client id, or null. */
    Order openByClientId(String clientOrderId) {
        Order o = byClientId.get(clientOrderId);
        return o != null && o.status.isOpen() ? o : null;
    }
}
