package io.tradeguard.sim.engine;

import java.util.Arrays;
import java.util.List;

/**
 * One account's retained closed orders, in the order they closed: a ring that drops the oldest once it holds
 * {@code limit}. A closed order is copied into primitive rows (its final state: nothing changes an order once
 * it is closed) and the {@link Order} itself is let go. A closed order stays queryable for thousands of later
 * closes, so kept as an object nearly every order outlived the young generation and was copied by the
 * collector, with its lock; as a row it costs a few array stores. The queries that look up a closed order
 * (by id, by client id) scan the primitive id and hash columns and rebuild a detached {@link Order} copy.
 */
final class ClosedOrders {
    private static final int PRICE = 0;
    private static final int ORIG_QTY = 1;
    private static final int EXECUTED_QTY = 2;
    private static final int CUM_QUOTE = 3;
    private static final int QUOTE_ORDER_QTY = 4;
    private static final int STOP_PRICE = 5;
    private static final int TRAILING_DELTA = 6;
    private static final int TRAILING_TIME = 7;
    private static final int TIME = 8;
    private static final int UPDATE_TIME = 9;
    private static final int WORKING_TIME = 10;
    /** market index << 32 | status, time in force (+1, 0 = none), type, side, expiry reason: a byte each */
    private static final int KINDS = 11;
    private static final int STRIDE = 12;

    private static final OrderStatus[] STATUSES = OrderStatus.values();
    private static final TimeInForce[] TIFS = TimeInForce.values();
    private static final OrderType[] TYPES = OrderType.values();
    private static final Side[] SIDES = Side.values();
    private static final ExpiryReason[] EXPIRIES = ExpiryReason.values();

    private final Account account;
    private long[] ids = new long[16];
    private int[] clientIdHashes = new int[16];
    private String[] clientIds = new String[16];
    /** The OCO of each order, null for a single order. */
    private OrderList[] lists = new OrderList[16];
    private long[] rows = new long[16 * STRIDE];
    private int capacity = 16;
    /** Instruments by market index, for rebuilding orders. */
    private Instrument[] instruments = new Instrument[4];
    /** Slot of the oldest order. */
    private int head;
    private int size;

    ClosedOrders(Account account) {
        this.account = account;
    }

    void add(Order o, int limit) {
        if (size == limit) {
            clientIds[head] = null;
            lists[head] = null;
            head = wrap(head + 1);
            size--;
        } else if (size == capacity) {
            grow(limit);
        }
        Instrument inst = o.inst;
        if (inst.index >= instruments.length) {
            instruments = Arrays.copyOf(instruments, Math.max(inst.index + 1, instruments.length * 2));
        }
        if (instruments[inst.index] != inst) {
            instruments[inst.index] = inst;
        }
        int slot = wrap(head + size);
        ids[slot] = o.orderId;
        clientIdHashes[slot] = o.clientOrderId.hashCode();
        clientIds[slot] = o.clientOrderId;
        if (o.list != null || lists[slot] != null) {
            lists[slot] = o.list;
        }
        int r = slot * STRIDE;
        long[] t = rows;
        t[r + PRICE] = o.price;
        t[r + ORIG_QTY] = o.origQty;
        t[r + EXECUTED_QTY] = o.executedQty;
        t[r + CUM_QUOTE] = o.cumQuote;
        t[r + QUOTE_ORDER_QTY] = o.quoteOrderQty();
        t[r + STOP_PRICE] = o.stopPrice();
        t[r + TRAILING_DELTA] = o.trailingDelta();
        t[r + TRAILING_TIME] = o.trailingTime();
        t[r + TIME] = o.time;
        t[r + UPDATE_TIME] = o.updateTime;
        t[r + WORKING_TIME] = o.workingTime;
        t[r + KINDS] = (long) inst.index << 32 | o.status.ordinal() << 24 | (o.tif == null ? 0 : o.tif.ordinal() + 1) << 16
                | o.type.ordinal() << 8 | o.side.ordinal() << 4 | o.expiry.ordinal();
        size++;
    }

    /** A slot index past the end wraps to the start (indexes stay below twice the capacity). */
    private int wrap(int i) {
        return i < capacity ? i : i - capacity;
    }

    private void grow(int limit) {
        int n = (int) Math.min(limit, capacity * 2L);
        long[] id = new long[n];
        int[] h = new int[n];
        String[] c = new String[n];
        OrderList[] l = new OrderList[n];
        long[] r = new long[n * STRIDE];
        for (int i = 0; i < size; i++) {
            int from = wrap(head + i);
            id[i] = ids[from];
            h[i] = clientIdHashes[from];
            c[i] = clientIds[from];
            l[i] = lists[from];
            System.arraycopy(rows, from * STRIDE, r, i * STRIDE, STRIDE);
        }
        ids = id;
        clientIdHashes = h;
        clientIds = c;
        lists = l;
        rows = r;
        capacity = n;
        head = 0;
    }

    /** The closed order in {@code slot} as it was when it closed; a copy that nothing in the engine holds. */
    private Order rebuild(int slot) {
        int r = slot * STRIDE;
        long[] t = rows;
        long kinds = t[r + KINDS];
        int tif = (int) (kinds >>> 16) & 0xff;
        Order o = new Order(ids[slot], account, instruments[(int) (kinds >>> 32)], clientIds[slot],
                SIDES[(int) (kinds >>> 4) & 0xf], TYPES[(int) (kinds >>> 8) & 0xff], tif == 0 ? null : TIFS[tif - 1],
                t[r + PRICE], t[r + ORIG_QTY], t[r + QUOTE_ORDER_QTY], t[r + STOP_PRICE], t[r + TRAILING_DELTA], t[r + TIME]);
        o.list = lists[slot];
        o.executedQty = t[r + EXECUTED_QTY];
        o.cumQuote = t[r + CUM_QUOTE];
        if (t[r + TRAILING_TIME] != -1) {
            o.trailingTime(t[r + TRAILING_TIME]);
        }
        o.updateTime = t[r + UPDATE_TIME];
        o.workingTime = t[r + WORKING_TIME];
        o.status = STATUSES[(int) (kinds >>> 24) & 0xff];
        o.expiry = EXPIRIES[(int) kinds & 0xf];
        return o;
    }

    Order byId(long orderId) {
        for (int i = 0; i < size; i++) {
            int slot = wrap(head + i);
            if (ids[slot] == orderId) {
                return rebuild(slot);
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
            if (clientIdHashes[slot] == hash && clientIds[slot].equals(clientOrderId)) {
                return rebuild(slot);
            }
        }
        return null;
    }

    void addTo(List<Order> out) {
        for (int i = 0; i < size; i++) {
            out.add(rebuild(wrap(head + i)));
        }
    }

    int size() {
        return size;
    }
}
