package io.tradeguard.sim.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Read-only views of the engine's state; call them under the same lock as the commands. */
public final class EngineQueries {
    private final MatchingEngine engine;

    EngineQueries(MatchingEngine engine) {
        this.engine = engine;
    }

    /** GET /api/v3/order: by orderId (the client id must then match) or by client order id. */
    public Outcome order(Account a, String symbol, long orderId, String origClientOrderId) {
        Order o = orderId >= 0 ? a.order(orderId) : a.latestByClientId(origClientOrderId);
        if (o == null || !o.inst.symbol.equals(symbol)) {
            return new Outcome.Rejected(Reject.NO_SUCH_ORDER);
        }
        if (orderId >= 0 && origClientOrderId != null && !o.clientOrderId.equals(origClientOrderId)) {
            return new Outcome.Rejected(Reject.CLIENT_ID_MISMATCH);
        }
        return new Outcome.Placed(o.view(), List.of(), o.updateTime);
    }

    public List<OrderView> openOrders(Account a, String symbol) {
        return a.openOrders(symbol).stream().map(Order::view).toList();
    }

    /** GET /api/v3/allOrders: from orderId upwards, else the most recent {@code limit}; time bounds inclusive. */
    public List<OrderView> allOrders(Account a, String symbol, long fromOrderId, long startTime, long endTime, int limit) {
        List<OrderView> matching = new ArrayList<>();
        for (Order o : a.retainedOrders()) {
            if (o.inst.symbol.equals(symbol) && o.orderId >= Math.max(fromOrderId, 0)
                    && o.time >= startTime && o.time <= endTime) {
                matching.add(o.view());
            }
        }
        return window(matching, fromOrderId >= 0, limit);
    }

    /** GET /api/v3/myTrades. */
    public List<Fill> trades(Account a, String symbol, long orderId, long fromId, long startTime, long endTime, int limit) {
        List<Fill> matching = new ArrayList<>();
        for (Fill f : a.trades.fills(symbol, engine.assets())) {
            if ((orderId < 0 || f.orderId() == orderId)
                    && f.tradeId() >= Math.max(fromId, 0) && f.time() >= startTime && f.time() <= endTime) {
                matching.add(f);
            }
        }
        return window(matching, fromId >= 0, limit);
    }

    private static <T> List<T> window(List<T> items, boolean fromStart, int limit) {
        if (items.size() <= limit) {
            return items;
        }
        return fromStart ? items.subList(0, limit) : items.subList(items.size() - limit, items.size());
    }

    public OrderListView orderList(Account a, long listId, String listClientOrderId) {
        OrderList l = listId >= 0 ? a.lists.get(listId) : a.listsByClientId.get(listClientOrderId);
        return l == null ? null : l.view();
    }

    public List<OrderListView> openOrderLists(Account a) {
        return a.openLists.values().stream().sorted(Comparator.comparingLong(l -> l.listId)).map(OrderList::view).toList();
    }

    public record Depth(Instrument inst, long lastUpdateId, List<long[]> bids, List<long[]> asks) {
    }

    public Depth depth(String symbol, int limit) {
        Market m = engine.markets().get(symbol);
        return new Depth(m.inst, m.book.updateId, engine.depthSide(m, Side.BUY, limit), engine.depthSide(m, Side.SELL, limit));
    }

    // ---- ledgers, for conservation checks and the state endpoint ---------------------------------

    /** Net units the outside world (deposits, the house depth) gave minus took; negative = it gave. */
    public long houseUnits(String asset) {
        int id = engine.assets().find(asset);
        long[] h = engine.execution().house;
        return id < 0 || id >= h.length ? 0 : h[id];
    }

    public long feeUnits(String asset) {
        int id = engine.assets().find(asset);
        long[] f = engine.execution().fees;
        return id < 0 || id >= f.length ? 0 : f[id];
    }

    public List<String> assetNames() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < engine.assets().size(); i++) {
            out.add(engine.assets().name(i));
        }
        return out;
    }

    public int assetId(String asset) {
        return engine.assets().find(asset);
    }

    public boolean isCrossed(String symbol) {
        return engine.markets().get(symbol).book.isCrossed();
    }

    public int restingOrders(String symbol) {
        return engine.markets().get(symbol).book.orderCount();
    }

    /** Every order of the account, open or not, oldest first (as far as retained). */
    public List<OrderView> orders(Account a) {
        return a.retainedOrders().stream().map(Order::view).toList();
    }
}
