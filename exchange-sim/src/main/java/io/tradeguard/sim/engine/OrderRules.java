package io.tradeguard.sim.engine;

/** The symbol filters of binance-api.md §3.2, checked in Binance's order; null means the order passes. */
final class OrderRules {
    private OrderRules() {
    }

    static Reject check(Instrument inst, NewOrder o, long lastPrice, int openOrders, int openAlgoOrders, int newOrders) {
        OrderType type = o.type();
        if (type.hasLimitPrice() && !priceOk(inst, o.price())) {
            return Reject.filter("PRICE_FILTER");
        }
        if (o.stopPrice() > 0 && !priceOk(inst, o.stopPrice())) {
            return Reject.filter("PRICE_FILTER");
        }
        if (o.quoteOrderQty() == 0) {
            long q = o.quantity();
            if (q < inst.minQty || q > inst.maxQty || q % inst.step != 0) {
                return Reject.filter("LOT_SIZE");
            }
            if (isMarketExecution(type) && q > inst.marketMaxQty) {
                return Reject.filter("MARKET_LOT_SIZE");
            }
        }
        Reject notional = notional(inst, o, lastPrice);
        if (notional != null) {
            return notional;
        }
        if (o.trailingDelta() > 0 && (o.trailingDelta() < inst.spec.minTrailingDelta()
                || o.trailingDelta() > inst.spec.maxTrailingDelta())) {
            return Reject.filter("TRAILING_DELTA");
        }
        if (openOrders + newOrders > inst.spec.maxNumOrders()) {
            return Reject.filter("MAX_NUM_ORDERS");
        }
        if (type.isConditional() && openAlgoOrders + 1 > inst.spec.maxNumAlgoOrders()) {
            return Reject.filter("MAX_NUM_ALGO_ORDERS");
        }
        return null;
    }

    private static boolean isMarketExecution(OrderType type) {
        return type == OrderType.MARKET || type == OrderType.STOP_LOSS || type == OrderType.TAKE_PROFIT;
    }

    private static boolean priceOk(Instrument inst, long price) {
        return price >= inst.minPrice && price <= inst.maxPrice && price % inst.tick == 0;
    }

    /** NOTIONAL: limit prices use their own price; market executions the last price (applyMinToMarket). */
    private static Reject notional(Instrument inst, NewOrder o, long lastPrice) {
        long value;
        if (o.quoteOrderQty() > 0) {
            value = o.quoteOrderQty();
        } else {
            long ref = o.type().hasLimitPrice() ? o.price() : (o.stopPrice() > 0 ? o.stopPrice() : lastPrice);
            value = inst.notional(ref, o.quantity());
        }
        boolean market = isMarketExecution(o.type());
        if (value < inst.minNotional || (!market && value > inst.maxNotional)) {
            return Reject.filter("NOTIONAL");
        }
        return null;
    }

    /** Whether a stop's trigger (or a trailing stop's activation) condition holds at {@code price}. */
    static boolean stopConditionMet(OrderType type, Side side, long stopPrice, long price) {
        boolean sl = type.isStopLoss();
        return switch (side) {
            case BUY -> sl ? price >= stopPrice : price <= stopPrice;
            case SELL -> sl ? price <= stopPrice : price >= stopPrice;
        };
    }
}
