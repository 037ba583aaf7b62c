package io.tradeguard.sim.engine;

import java.util.ArrayList;
import java.util.List;

/** One symbol's state: its book, its waiting stops, its last trade and the house depth around it. */
final class Market {
    final Instrument inst;
    final OrderBook book = new OrderBook();
    /** Untriggered STOP_LOSS* / TAKE_PROFIT* orders, in placement order. */
    final List<Order> triggers = new ArrayList<>();
    long lastPrice;
    /** Trade prices not yet shown to the waiting stops. */
    long[] pending = new long[16];
    int pendingHead;
    int pendingTail;
    // last published top of book, to publish only changes
    long topBid = -1;
    long topBidQty = -1;
    long topAsk = -1;
    long topAskQty = -1;
    boolean touched;

    Market(Instrument inst) {
        this.inst = inst;
        this.lastPrice = inst.price(inst.spec.initialPrice());
    }

    void pushPrice(long price) {
        if (triggers.isEmpty()) {
            return;
        }
        if (pendingTail == pending.length) {
            if (pendingHead > 0) {
                System.arraycopy(pending, pendingHead, pending, 0, pendingTail - pendingHead);
                pendingTail -= pendingHead;
                pendingHead = 0;
            } else {
                pending = java.util.Arrays.copyOf(pending, pending.length * 2);
            }
        }
        pending[pendingTail++] = price;
    }

    boolean hasPending() {
        return pendingHead < pendingTail;
    }

    long pollPrice() {
        long p = pending[pendingHead++];
        if (pendingHead == pendingTail) {
            pendingHead = 0;
            pendingTail = 0;
        }
        return p;
    }

    int algoOrders(Account acct) {
        if (triggers.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (Order o : triggers) {
            if (o.account == acct) {
                n++;
            }
        }
        return n;
    }
}
