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
    final long quoteOrderQty;
    final long stopPrice;
    final long trailingDelta;
    final long time;
    OrderList list;
    LockHolder lock;

    long executedQty;
    long cumQuote;
    long updateTime;
    long workingTime = -1;
    long trailingTime = -1;
    long trailExtreme;
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
        this.quoteOrderQty = quoteOrderQty;
        this.stopPrice = stopPrice;
        this.trailingDelta = trailingDelta;
        this.time = time;
        this.updateTime = time;
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
                quoteOrderQty, status, tif, type, side, stopPrice, trailingDelta, trailingTime, time, updateTime,
                workingTime, level != null, expiry);
    }
}
