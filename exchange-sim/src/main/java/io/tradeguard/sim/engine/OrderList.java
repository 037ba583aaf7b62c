package io.tradeguard.sim.engine;

/** An OCO: two legs sharing one lock; when one leg executes the other expires. */
final class OrderList {
    final long listId;
    final String listClientOrderId;
    final Instrument inst;
    final long time;
    Order above;
    Order below;
    boolean done;
    long updateTime;

    OrderList(long listId, String listClientOrderId, Instrument inst, long time) {
        this.listId = listId;
        this.listClientOrderId = listClientOrderId;
        this.inst = inst;
        this.time = time;
        this.updateTime = time;
    }

    Order other(Order leg) {
        return leg == above ? below : above;
    }

    OrderListView view() {
        // legs in order of their ids, as Binance lists them
        Order first = above.orderId < below.orderId ? above : below;
        Order second = other(first);
        return new OrderListView(listId, listClientOrderId, inst.symbol, done ? "ALL_DONE" : "EXEC_STARTED",
                done ? "ALL_DONE" : "EXECUTING", updateTime, java.util.List.of(first.view(), second.view()));
    }
}
