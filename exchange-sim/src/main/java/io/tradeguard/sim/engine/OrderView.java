package io.tradeguard.sim.engine;

/** An immutable snapshot of an order, in fixed point; the wire layer formats it with {@link #inst}. */
public record OrderView(Instrument inst, long orderId, long orderListId, String clientOrderId, long price,
                        long origQty, long executedQty, long cumQuote, long origQuoteOrderQty, OrderStatus status,
                        TimeInForce tif, OrderType type, Side side, long stopPrice, long trailingDelta,
                        long trailingTime, long time, long updateTime, long workingTime, boolean onBook,
                        ExpiryReason expiry) {
    public OrderView {
        java.util.Objects.requireNonNull(inst, "inst");
        java.util.Objects.requireNonNull(status, "status");
        java.util.Objects.requireNonNull(type, "type");
        java.util.Objects.requireNonNull(side, "side");
        java.util.Objects.requireNonNull(expiry, "expiry");
        if (executedQty < 0 || executedQty > origQty && origQty > 0 || cumQuote < 0) {
            throw new IllegalStateException("order " + orderId + " executed more than its quantity");
        }
    }

    public String symbol() {
        return inst.symbol;
    }

    /** Binance reports GTC for types without a time in force. */
    public TimeInForce timeInForce() {
        return tif == null ? TimeInForce.GTC : tif;
    }

    public boolean isWorking() {
        return workingTime >= 0;
    }
}
