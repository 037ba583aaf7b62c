package io.tradeguard.sim.engine;

/** When a waiting stop fires, from the trade prices it sees (binance-api.md §3.4, trailing-stop FAQ). */
final class Triggers {
    private static final long BIPS = 10_000;

    private Triggers() {
    }

    /**
     * Shows a trade price to a waiting stop; returns true when the stop fires. Trailing stops start
     * tracking at the first qualifying trade (the stop condition when a stopPrice is set, else the next
     * trade) and fire when the price moved trailingDelta bips back from the best price since.
     */
    static boolean observe(Order o, long price, long now) {
        long trailingDelta = o.trailingDelta();
        if (trailingDelta == 0) {
            return OrderRules.stopConditionMet(o.type, o.side, o.stopPrice(), price);
        }
        if (!o.tracking) {
            if (o.stopPrice() > 0 && !OrderRules.stopConditionMet(o.type, o.side, o.stopPrice(), price)) {
                return false;
            }
            o.tracking = true;
            o.trailExtreme(price);
            o.trailingTime(now);
            return false;
        }
        return switch (o.side) {
            case SELL -> {
                if (price > o.trailExtreme()) {
                    o.trailExtreme(price);
                    yield false;
                }
                yield Math.multiplyExact(price, BIPS) <= Math.multiplyExact(o.trailExtreme(), BIPS - trailingDelta);
            }
            case BUY -> {
                if (price < o.trailExtreme()) {
                    o.trailExtreme(price);
                    yield false;
                }
                yield Math.multiplyExact(price, BIPS) >= Math.multiplyExact(o.trailExtreme(), BIPS + trailingDelta);
            }
        };
    }
}
