package io.tradeguard.sim.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Resting limit orders of one symbol, price-time priority. Bids best (highest) first, asks lowest first. */
final class OrderBook {
    private final TreeMap<Long, PriceLevel> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Long, PriceLevel> asks = new TreeMap<>();
    /** Grows with every change; served as lastUpdateId / the bookTicker `u`. */
    long updateId = 1;

    private TreeMap<Long, PriceLevel> side(Side s) {
        return s == Side.BUY ? bids : asks;
    }

    void add(Order o) {
        side(o.side).computeIfAbsent(o.price, PriceLevel::new).append(o);
        updateId++;
    }

    void remove(Order o) {
        PriceLevel level = o.level;
        if (level == null) {
            return;
        }
        level.remove(o);
        if (level.isEmpty()) {
            side(o.side).remove(level.price);
        }
        updateId++;
    }

    /** A resting order traded {@code qty}; the caller has already added it to executedQty. */
    void filled(Order o, long qty) {
        o.level.totalQty -= qty;
        updateId++;
    }

    /** Best level of the resting side {@code s}, or null. */
    PriceLevel best(Side s) {
        Map.Entry<Long, PriceLevel> e = side(s).firstEntry();
        return e == null ? null : e.getValue();
    }

    /** Levels of side {@code s}, best first, at most {@code limit}. */
    List<long[]> depth(Side s, int limit) {
        List<long[]> out = new ArrayList<>();
        for (PriceLevel level : side(s).values()) {
            if (out.size() >= limit) {
                break;
            }
            out.add(new long[]{level.price, level.totalQty});
        }
        return out;
    }

    Iterable<PriceLevel> levels(Side s) {
        return side(s).values();
    }

    boolean isCrossed() {
        PriceLevel b = best(Side.BUY);
        PriceLevel a = best(Side.SELL);
        return b != null && a != null && b.price >= a.price;
    }

    int orderCount() {
        int n = 0;
        for (PriceLevel l : bids.values()) {
            n += l.count;
        }
        for (PriceLevel l : asks.values()) {
            n += l.count;
        }
        return n;
    }
}
