package io.tradeguard.core.order;

import io.tradeguard.core.venue.Fill;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An order's fills as an immutable list that grows by one without copying: each version is a prefix of one
 * shared array, and appending to the newest version writes the next slot (slots a published version can see
 * are never written again). Appending to an older version, or out of time order, copies. An order gains a fill
 * per execution report; copying its whole fill list each time made the cost per report grow with its fills.
 *
 * <p>Only the engine thread appends; other threads receive versions through the engine's queues (a safe
 * hand-off) and read the slots below their size, which never change.
 */
final class FillList extends AbstractList<Fill> implements RandomAccess {

    private static final FillList EMPTY = new FillList(new Shared(new Fill[0], 0), 0, Long.MIN_VALUE);

    /** The array the versions share, and how many of its slots some version already uses. */
    private static final class Shared {
        final Fill[] slots;
        /** the slots' trade ids side by side: the duplicate check per report reads no Fill */
        final long[] tradeIds;
        int used;

        Shared(Fill[] slots, int used) {
            this.slots = slots;
            this.tradeIds = new long[slots.length];
            for (int i = 0; i < used; i++) {
                tradeIds[i] = slots[i].tradeId();
            }
            this.used = used;
        }

        /** A grown copy of {@code from}'s first {@code size} slots: the trade ids are copied, not read from each fill. */
        Shared(Shared from, int size, int capacity) {
            this.slots = new Fill[capacity];
            this.tradeIds = new long[capacity];
            System.arraycopy(from.slots, 0, slots, 0, size); // not beyond: those slots belong to other versions
            System.arraycopy(from.tradeIds, 0, tradeIds, 0, size);
            this.used = size;
        }
    }

    private final Shared shared;
    private final int size;
    private final Fill[] slots;
    private final long[] tradeIds;
    /**
     * The largest trade id among the fills (Long.MIN_VALUE when none): venues number an order's trades upwards,
     * so the duplicate check of a new fill settles here without reading the ids.
     */
    private final long maxTradeId;

    private FillList(Shared shared, int size, long maxTradeId) {
        this.shared = shared;
        this.size = size;
        this.slots = shared.slots;
        this.tradeIds = shared.tradeIds;
        this.maxTradeId = maxTradeId;
    }

    private FillList(Shared shared, int size) {
        this(shared, size, max(shared.tradeIds, size));
    }

    private static long max(long[] ids, int size) {
        long max = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, ids[i]);
        }
        return max;
    }

    static FillList empty() {
        return EMPTY;
    }

    /** The given fills (kept in the order given), as a FillList; the same list when it already is one. */
    static FillList of(List<Fill> fills) {
        if (fills instanceof FillList list) {
            return list;
        }
        if (fills.isEmpty()) {
            return EMPTY;
        }
        Fill[] copy = fills.toArray(new Fill[0]);
        for (Fill fill : copy) {
            java.util.Objects.requireNonNull(fill, "fill");
        }
        return new FillList(new Shared(copy, copy.length), copy.length);
    }

    /** These fills with one more, kept in time order ({@link Order#BY_TIME}). */
    FillList plus(Fill fill) {
        java.util.Objects.requireNonNull(fill, "fill");
        boolean inOrder = size == 0 || Order.BY_TIME.compare(slots[size - 1], fill) <= 0;
        long max = Math.max(maxTradeId, fill.tradeId());
        if (inOrder && shared.used > size && slots[size] == fill) {
            return new FillList(shared, size + 1, max); // another version already appended this very fill here
        }
        if (inOrder && shared.used == size && size < slots.length) {
            slots[size] = fill;
            tradeIds[size] = fill.tradeId();
            shared.used = size + 1;
            return new FillList(shared, size + 1, max);
        }
        if (!inOrder) {
            Fill[] grown = new Fill[Math.max(4, size + (size >> 1) + 1)];
            System.arraycopy(slots, 0, grown, 0, size); // not beyond: those slots belong to other versions
            grown[size] = fill;
            Arrays.sort(grown, 0, size + 1, Order.BY_TIME);
            return new FillList(new Shared(grown, size + 1), size + 1, max);
        }
        Shared grown = new Shared(shared, size, Math.max(4, size + (size >> 1) + 1));
        grown.slots[size] = fill;
        grown.tradeIds[size] = fill.tradeId();
        grown.used = size + 1;
        return new FillList(grown, size + 1, max);
    }

    /** Whether this list is {@code base} with {@code fill} appended: the same fills, in the same slots' order. */
    boolean isAppended(FillList base, Fill fill) {
        if (size != base.size + 1 || slots[base.size] != fill) {
            return false;
        }
        if (slots != base.slots) { // appended into a grown copy
            for (int i = 0; i < base.size; i++) {
                if (slots[i] != base.slots[i]) {
                    return false;
                }
            }
        }
        return true;
    }

    boolean hasTrade(long tradeId) {
        if (tradeId > maxTradeId) {
            return false;
        }
        for (int i = size - 1; i >= 0; i--) { // a repeated report is usually about the newest fill
            if (tradeIds[i] == tradeId) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Fill get(int index) {
        java.util.Objects.checkIndex(index, size);
        return slots[index];
    }

    @Override
    public int size() {
        return size;
    }
}
