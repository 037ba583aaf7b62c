package io.tradeguard.sim.engine;

/** The engine's mutable order; outside the engine it is seen only through {@link OrderView}. */
final class Order {
    final long orderId;
    final Account account;
    final Instrument inst;
    final String clientOrderId;
    final Side side;
    final OrderType type;
    final TimeInForce tif;
    final long price;
    final long origQty;
    final long time;
    /** Null for the common plain LIMIT/MARKET order: a smaller object to allocate, and to copy while it rests. */
    private final Extras extras;
    OrderList list;
    LockHolder lock;

    long executedQty;
    long cumQuote;
    long updateTime;
    long workingTime = -1;
    boolean tracking;
    boolean triggered;
    OrderStatus status = OrderStatus.NEW;
    ExpiryReason expiry = ExpiryReason.NONE;

    // intrusive FIFO of the price level
    PriceLevel level;
    Order prev;
    Order next;

    Order(long orderId, Account account, Instrument inst, String clientOrderId, Side side, OrderType type,
          TimeInForce tif, long price, long origQty, long quoteOrderQty, long stopPrice, long trailingDelta, long time) {
        this.orderId = orderId;
        this.account = account;
        this.inst = inst;
        this.clientOrderId = clientOrderId;
        this.side = side;
        this.type = type;
        this.tif = tif;
        this.price = price;
        this.origQty = origQty;
        this.extras = quoteOrderQty != 0 || stopPrice != 0 || trailingDelta != 0
                ? new Extras(quoteOrderQty, stopPrice, trailingDelta) : null;
        this.time = time;
        this.updateTime = time;
    }

    /** What only quote-quantity, stop and trailing orders carry. */
    private static final class Extras {
        final long quoteOrderQty;
        final long stopPrice;
        final long trailingDelta;
        long trailingTime = -1;
        /** Best price since a trailing stop started tracking. */
        long trailExtreme;

        Extras(long quoteOrderQty, long stopPrice, long trailingDelta) {
            this.quoteOrderQty = quoteOrderQty;
            this.stopPrice = stopPrice;
            this.trailingDelta = trailingDelta;
        }
    }

    long quoteOrderQty() {
        return extras == null ? 0 : extras.quoteOrderQty;
    }

    long stopPrice() {
        return extras == null ? 0 : extras.stopPrice;
    }

    long trailingDelta() {
        return extras == null ? 0 : extras.trailingDelta;
    }

    /** When a trailing stop started tracking, else -1. */
    long trailingTime() {
        return extras == null ? -1 : extras.trailingTime;
    }

    long trailExtreme() {
        return extras == null ? 0 : extras.trailExtreme;
    }

    /** Only trailing stops track (they carry a trailing delta, hence the extras). */
    void trailingTime(long time) {
        extras.trailingTime = time;
    }

    void trailExtreme(long price) {
        extras.trailExtreme = price;
    }

    long remaining() {
        return origQty - executedQty;
    }

    long listId() {
        return list == null ? -1 : list.listId;
    }

    /** On the book, or a trigger that waits: either way it holds funds and counts as open. */
    boolean isWorking() {
        return workingTime >= 0 && status.isOpen();
    }

    OrderView view() {
        return new OrderView(inst, orderId, listId(), clientOrderId, price, origQty, executedQty, cumQuote,
                quoteOrderQty(), status, tif, type, side, stopPrice(), trailingDelta(), trailingTime(), time, updateTime,
                workingTime, level != null, expiry);
    }
}
