package io.tradeguard.sim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One account's retained trades (myTrades), oldest first, at most the history limit: a ring of primitive rows
 * rather than {@link Fill} objects. A fill stays queryable for thousands of later trades, so as objects every
 * one of them outlived the young generation and was copied by the collector; as rows a trade costs a few array
 * stores, and {@link Fill}s are built only when someone asks.
 */
final class TradeHistory {
    private static final int TRADE_ID = 0;
    private static final int ORDER_ID = 1;
    private static final int LIST_ID = 2;
    private static final int PRICE = 3;
    private static final int QTY = 4;
    private static final int QUOTE = 5;
    private static final int COMMISSION = 6;
    private static final int TIME = 7;
    /** market index << 2 | buyer << 1 | maker */
    private static final int FLAGS = 8;
    private static final int STRIDE = 9;

    private long[] rows = new long[16 * STRIDE];
    private int capacity = 16;
    /** Instruments by market index, for rebuilding fills. */
    private Instrument[] instruments = new Instrument[4];
    /** Slot of the oldest trade. */
    private int head;
    private int size;

    void add(Instrument inst, long tradeId, long orderId, long listId, long price, long qty, long quote, long commission,
             long time, boolean buyer, boolean maker, int limit) {
        if (price <= 0 || qty <= 0 || quote <= 0 || commission < 0) { // what Fill's constructor guards
            throw new IllegalArgumentException("a fill has a positive price, quantity and quote, and no negative commission");
        }
        if (size == limit) {
            head = wrap(head + 1);
            size--;
        } else if (size == capacity) {
            grow(limit);
        }
        int index = inst.index;
        if (index >= instruments.length) {
            instruments = Arrays.copyOf(instruments, Math.max(index + 1, instruments.length * 2));
        }
        if (instruments[index] != inst) {
            instruments[index] = inst;
        }
        int r = wrap(head + size) * STRIDE;
        long[] t = rows;
        t[r + TRADE_ID] = tradeId;
        t[r + ORDER_ID] = orderId;
        t[r + LIST_ID] = listId;
        t[r + PRICE] = price;
        t[r + QTY] = qty;
        t[r + QUOTE] = quote;
        t[r + COMMISSION] = commission;
        t[r + TIME] = time;
        t[r + FLAGS] = (long) index << 2 | (buyer ? 2 : 0) | (maker ? 1 : 0);
        size++;
    }

    /** A slot index past the end wraps to the start (indexes stay below twice the capacity). */
    private int wrap(int i) {
        return i < capacity ? i : i - capacity;
    }

    private void grow(int limit) {
        int n = (int) Math.min(limit, capacity * 2L);
        long[] next = new long[n * STRIDE];
        for (int i = 0; i < size; i++) {
            System.arraycopy(rows, wrap(head + i) * STRIDE, next, i * STRIDE, STRIDE);
        }
        rows = next;
        capacity = n;
        head = 0;
    }

    int size() {
        return size;
    }

    /** The retained trades of {@code symbol}, oldest first, as fills (commission in the asset the side receives). */
    List<Fill> fills(String symbol, Assets assets) {
        List<Fill> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int r = wrap(head + i) * STRIDE;
            long flags = rows[r + FLAGS];
            Instrument inst = instruments[(int) (flags >>> 2)];
            if (!inst.symbol.equals(symbol)) {
                continue;
            }
            boolean buyer = (flags & 2) != 0;
            out.add(new Fill(inst, rows[r + TRADE_ID], rows[r + ORDER_ID], rows[r + LIST_ID], rows[r + PRICE],
                    rows[r + QTY], rows[r + QUOTE], rows[r + COMMISSION],
                    assets.name(buyer ? inst.baseAsset : inst.quoteAsset), rows[r + TIME], buyer, (flags & 1) != 0));
        }
        return out;
    }
}
