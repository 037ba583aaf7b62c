package io.tradeguard.sim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A spot account: free and locked balance per asset (1e-8 units), commission rates, open and past orders. */
public final class Account {
    private static final Comparator<Order> BY_ID = Comparator.comparingLong(o -> o.orderId);

    public final long id;
    public final String apiKey;
    /** Commission rates in 1e-8 units (0.001 = 100_000). */
    long makerRate;
    long takerRate;
    long[] free = new long[8];
    long[] locked = new long[8];
    long updateTime;
    final Map<Long, OrderList> openLists = new HashMap<>();
    /** Open orders of all symbols, by id; they are never evicted. */
    private final LongMap<Order> open = new LongMap<>();
    /** Open orders by client id: two open orders never share one. */
    private final ClientIdIndex openByClientId = new ClientIdIndex();
    final LinkedHashMap<Long, OrderList> lists = new LinkedHashMap<>();
    final Map<String, OrderList> listsByClientId = new HashMap<>();
    final TradeHistory trades = new TradeHistory();
    /** Closed orders, oldest first, at most the history limit. */
    private final ClosedOrders closed = new ClosedOrders(this);
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
        open.put(o.orderId, o);
        openByClientId.put(o);
        if (o.inst.index >= openPerMarket.length) {
            openPerMarket = Arrays.copyOf(openPerMarket, o.inst.index + 1);
        }
        openPerMarket[o.inst.index]++;
    }

    /** The order is closed: it stays queryable until {@code limit} newer orders have closed. */
    void closed(Order o, int limit) {
        openPerMarket[o.inst.index]--;
        open.remove(o.orderId);
        openByClientId.remove(o);
        closed.add(o, limit);
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
        List<Order> out = new ArrayList<>(open.size());
        for (Order o : open.values()) {
            if (symbol == null || o.inst.symbol.equals(symbol)) {
                out.add(o);
            }
        }
        out.sort(BY_ID);
        return out;
    }

    /** Every retained order, open or closed, oldest first. */
    List<Order> retainedOrders() {
        List<Order> out = new ArrayList<>(open.size() + closed.size());
        out.addAll(open.values());
        closed.addTo(out);
        out.sort(BY_ID);
        return out;
    }

    /** The open order with this id, or null. */
    Order openOrder(long orderId) {
        return open.get(orderId);
    }

    /** The open order with this id, else the retained closed one, else null. */
    Order order(long orderId) {
        Order o = open.get(orderId);
        return o != null ? o : closed.byId(orderId);
    }

    /** The open order with this client id, or null. */
    Order openByClientId(String clientOrderId) {
        Order o = openByClientId.get(clientOrderId);
        return o != null && o.status.isOpen() ? o : null;
    }

    /** The newest retained order with this client id (an open one is always the newest), or null. */
    Order latestByClientId(String clientOrderId) {
        Order o = openByClientId.get(clientOrderId);
        return o != null ? o : closed.latestByClientId(clientOrderId);
    }
}
