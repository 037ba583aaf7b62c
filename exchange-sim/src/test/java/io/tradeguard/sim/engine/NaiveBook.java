package io.tradeguard.sim.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A deliberately slow reference matcher (STYLE.md idea 8): resting orders in one list, every match found
 * by a full scan for the best price and then the earliest arrival. No house depth, no fees.
 */
final class NaiveBook {
    record Trade(long takerId, long makerId, long price, long qty) {
    }

    private static final class Resting {
        final long id;
        final Side side;
        final long price;
        long qty;

        Resting(long id, Side side, long price, long qty) {
            this.id = id;
            this.side = side;
            this.price = price;
            this.qty = qty;
        }
    }

    private final List<Resting> resting = new ArrayList<>();

    private static boolean crosses(Side taker, long limit, long price) {
        return taker == Side.BUY ? price <= limit : price >= limit;
    }

    private Resting best(Side taker, long limit) {
        Comparator<Resting> byPrice = Comparator.comparingLong(r -> r.price);
        if (taker == Side.SELL) {
            byPrice = byPrice.reversed();
        }
        return resting.stream().filter(r -> r.side != taker && crosses(taker, limit, r.price))
                .min(byPrice.thenComparingLong(r -> r.id)).orElse(null);
    }

    List<Trade> submit(long id, Side side, long price, long qty, TimeInForce tif) {
        List<Trade> trades = new ArrayList<>();
        if (tif == TimeInForce.FOK) {
            long available = resting.stream().filter(r -> r.side != side && crosses(side, price, r.price)).mapToLong(r -> r.qty).sum();
            if (available < qty) {
                return trades;
            }
        }
        long left = qty;
        Resting maker;
        while (left > 0 && (maker = best(side, price)) != null) {
            long q = Math.min(left, maker.qty);
            trades.add(new Trade(id, maker.id, maker.price, q));
            maker.qty -= q;
            left -= q;
            if (maker.qty == 0) {
                resting.remove(maker);
            }
        }
        if (left > 0 && tif == TimeInForce.GTC) {
            resting.add(new Resting(id, side, price, left));
        }
        return trades;
    }

    void cancel(long id) {
        resting.removeIf(r -> r.id == id);
    }

    List<long[]> openOrders() {
        return resting.stream().sorted(Comparator.comparingLong(r -> r.id)).map(r -> new long[]{r.id, r.qty}).toList();
    }
}
