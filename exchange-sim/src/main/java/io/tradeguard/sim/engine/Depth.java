package io.tradeguard.sim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a market shows: resting orders merged with the house depth, and the top of book for @bookTicker. */
final class Depth {
    private Depth() {
    }

    static void publishTop(Execution exec, Events events, Market m) {
        Top t = top(exec, m);
        if (t.bid != m.topBid || t.bidQty != m.topBidQty || t.ask != m.topAsk || t.askQty != m.topAskQty) {
            m.topBid = t.bid;
            m.topBidQty = t.bidQty;
            m.topAsk = t.ask;
            m.topAskQty = t.askQty;
            events.top(new EngineEvent.TopOfBook(m.inst, m.book.updateId, t.bid, t.bidQty, t.ask, t.askQty));
        }
    }

    private record Top(long bid, long bidQty, long ask, long askQty) {
    }

    private static Top top(Execution exec, Market m) {
        List<long[]> bids = side(exec, m, Side.BUY, 1);
        List<long[]> asks = side(exec, m, Side.SELL, 1);
        return new Top(bids.isEmpty() ? 0 : bids.get(0)[0], bids.isEmpty() ? 0 : bids.get(0)[1],
                asks.isEmpty() ? 0 : asks.get(0)[0], asks.isEmpty() ? 0 : asks.get(0)[1]);
    }

    /** Book levels merged with the house depth, best first: {price, qty}. */
    static List<long[]> side(Execution exec, Market m, Side side, int limit) {
        java.util.TreeMap<Long, Long> merged = new java.util.TreeMap<>(
                side == Side.BUY ? java.util.Comparator.<Long>reverseOrder() : java.util.Comparator.<Long>naturalOrder());
        for (long[] level : m.book.depth(side, limit)) {
            merged.merge(level[0], level[1], Long::sum);
        }
        Ladder lad = exec.ladder(m, side);
        for (int i = 0; lad != null && lad.hasLiquidity() && i < limit; i++) {
            merged.merge(lad.price(), lad.available(), Long::sum);
            lad.take(lad.available());
        }
        List<long[]> out = new ArrayList<>();
        for (Map.Entry<Long, Long> e : merged.entrySet()) {
            if (out.size() == limit) {
                break;
            }
            out.add(new long[]{e.getKey(), e.getValue()});
        }
        return out;
    }
}
