package io.tradeguard.sim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Resting limit orders of one symbol, price-time priority. Bids best (highest) first, asks lowest first. */
final class OrderBook {
    private final Levels bids = new Levels(true);
    private final Levels asks = new Levels(false);
    /** Grows with every change; served as lastUpdateId / the bookTicker `u`. */
    long updateId = 1;

    /**
     * One side's price levels in a sorted array, worst first and best last: the best level, where nearly all
     * matching happens, is read and dropped at the end without moving anything, and a new level near the top
     * moves only the few levels better than it. Lookups are binary searches; no boxing, no tree nodes.
     */
    private static final class Levels implements Iterable<PriceLevel> {
        private final boolean bids;
        private PriceLevel[] levels = new PriceLevel[16];
        private int size;

        Levels(boolean bids) {
            this.bids = bids;
        }

        /** Ascending in array order for both sides: bids by price, asks by negated price. */
        private long key(long price) {
            return bids ? price : -price;
        }

        /** Index of the level with this price, or -(insertion point) - 1. */
        private int find(long price) {
            long k = key(price);
            int lo = 0;
            int hi = size - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                long m = key(levels[mid].price);
                if (m < k) {
                    lo = mid + 1;
                } else if (m > k) {
                    hi = mid - 1;
                } else {
                    return mid;
                }
            }
            return -(lo + 1);
        }

        PriceLevel levelFor(long price) {
            if (size > 0 && levels[size - 1].price == price) {
                return levels[size - 1];
            }
            int i = find(price);
            if (i >= 0) {
                return levels[i];
            }
            int at = -(i + 1);
            if (size == levels.length) {
                levels = Arrays.copyOf(levels, size * 2);
            }
            System.arraycopy(levels, at, levels, at + 1, size - at);
            PriceLevel level = new PriceLevel(price);
            levels[at] = level;
            size++;
            return level;
        }

        void remove(PriceLevel level) {
            int i = size > 0 && levels[size - 1] == level ? size - 1 : find(level.price);
            if (i < 0 || levels[i] != level) {
                throw new IllegalStateException("level " + level.price + " is not on the book");
            }
            System.arraycopy(levels, i + 1, levels, i, size - i - 1);
            levels[--size] = null;
        }

        PriceLevel best() {
            return size == 0 ? null : levels[size - 1];
        }

        /** Best first. The book must not change while iterating. */
        @Override
        public Iterator<PriceLevel> iterator() {
            return new Iterator<>() {
                private int next = size - 1;

                @Override
                public boolean hasNext() {
                    return next >= 0;
                }

                @Override
                public PriceLevel next() {
                    if (next < 0) {
                        throw new NoSuchElementException();
                    }
                    return levels[next--];
                }
            };
        }
    }

    private Levels side(Side s) {
        return s == Side.BUY ? bids : asks;
    }

    void add(Order o) {
        side(o.side).levelFor(o.price).append(o);
        updateId++;
    }

    void remove(Order o) {
        PriceLevel level = o.level;
        if (level == null) {
            return;
        }
        level.remove(o);
        if (level.isEmpty()) {
            side(o.side).remove(level);
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
        return side(s).best();
    }

    /** Levels of side {@code s}, best first, at most {@code limit}. */
    List<long[]> depth(Side s, int limit) {
        List<long[]> out = new ArrayList<>();
        for (PriceLevel level : side(s)) {
            if (out.size() >= limit) {
                break;
            }
            out.add(new long[]{level.price, level.totalQty});
        }
        return out;
    }

    Iterable<PriceLevel> levels(Side s) {
        return side(s);
    }

    boolean isCrossed() {
        PriceLevel b = best(Side.BUY);
        PriceLevel a = best(Side.SELL);
        return b != null && a != null && b.price >= a.price;
    }

    int orderCount() {
        int n = 0;
        for (PriceLevel l : bids) {
            n += l.count;
        }
        for (PriceLevel l : asks) {
            n += l.count;
        }
        return n;
    }
}
