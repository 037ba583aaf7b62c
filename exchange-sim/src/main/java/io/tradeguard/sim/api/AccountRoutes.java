package io.tradeguard.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.tradeguard.sim.engine.Account;
import io.tradeguard.sim.engine.EngineEvent;
import io.tradeguard.sim.engine.Fill;
import io.tradeguard.sim.engine.Instrument;
import io.tradeguard.sim.engine.OrderListView;
import io.tradeguard.sim.engine.OrderView;
import io.tradeguard.sim.engine.Outcome;
import io.tradeguard.sim.engine.Units;

import java.util.List;

/** The USER_DATA endpoints: orders, lists, account, trades, commission, order counts (§3.5, §3.7). */
public final class AccountRoutes {
    private static final long DAY = 86_400_000L;
    private final Http http;
    private final Venue venue;
    private final TradeRoutes trade;

    public AccountRoutes(Http http, TradeRoutes trade) {
        this.http = http;
        this.venue = http.venue();
        this.trade = trade;
    }

    public void register(Javalin app) {
        app.get("/api/v3/order", http.signedEndpoint(p -> 4, this::queryOrder));
        app.get("/api/v3/openOrders", http.signedEndpoint(p -> p.has("symbol") ? 6 : 80, this::openOrders));
        app.get("/api/v3/allOrders", http.signedEndpoint(p -> 20, this::allOrders));
        app.get("/api/v3/orderList", http.signedEndpoint(p -> 4, this::orderList));
        app.get("/api/v3/openOrderList", http.signedEndpoint(p -> 6, this::openOrderLists));
        app.get("/api/v3/account", http.signedEndpoint(p -> 20, this::account));
        app.get("/api/v3/myTrades", http.signedEndpoint(p -> p.has("orderId") ? 5 : 20, this::myTrades));
        app.get("/api/v3/account/commission", http.signedEndpoint(p -> 20, this::commission));
        app.get("/api/v3/rateLimit/order", http.signedEndpoint(p -> 40, this::orderCounts));
    }

    private JsonNode queryOrder(Http.Call call) {
        Params p = call.params;
        Instrument inst = trade.instrument(p);
        Long orderId = p.longValue("orderId", false);
        String orig = p.optional("origClientOrderId");
        if (orderId == null && orig == null) {
            throw new ApiError(400, -1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }
        p.requireAllRead();
        Account a = call.account();
        Outcome out = venue.locked(e -> e.queries().order(a, inst.symbol, orderId == null ? -1 : orderId, orig));
        return switch (out) {
            case Outcome.Placed found -> OrderJson.queried(found.order());
            case Outcome.Rejected r -> throw ApiError.of(r.reject());
            default -> throw new IllegalStateException("unexpected outcome " + out);
        };
    }

    private JsonNode openOrders(Http.Call call) {
        Params p = call.params;
        String symbol = p.has("symbol") ? trade.instrument(p).symbol : p.symbol("symbol", false);
        p.requireAllRead();
        Account a = call.account();
        List<OrderView> orders = venue.locked(e -> e.queries().openOrders(a, symbol));
        ArrayNode arr = Json.array();
        orders.forEach(o -> arr.add(OrderJson.queried(o)));
        return arr;
    }

    /** startTime/endTime at most 24 h apart (-1127); limit 1-1000 (default 500). */
    private long[] window(Params p) {
        Long start = p.longValue("startTime", false);
        Long end = p.longValue("endTime", false);
        if (start != null && end != null && end - start > DAY) {
            throw new ApiError(400, -1127, "More than 24 hours between startTime and endTime.");
        }
        if (start != null && end != null && end < start) {
            throw ApiError.invalid("endTime");
        }
        Long limit = p.longValue("limit", false);
        if (limit != null && (limit < 1 || limit > 1000)) {
            throw ApiError.invalid("limit");
        }
        return new long[]{start == null ? 0 : start, end == null ? Long.MAX_VALUE : end, limit == null ? 500 : limit};
    }

    private JsonNode allOrders(Http.Call call) {
        Params p = call.params;
        Instrument inst = trade.instrument(p);
        Long from = p.longValue("orderId", false);
        long[] w = window(p);
        p.requireAllRead();
        Account a = call.account();
        List<OrderView> orders = venue.locked(e -> e.queries().allOrders(a, inst.symbol, from == null ? -1 : from, w[0], w[1], (int) w[2]));
        ArrayNode arr = Json.array();
        orders.forEach(o -> arr.add(OrderJson.queried(o)));
        return arr;
    }

    private JsonNode myTrades(Http.Call call) {
        Params p = call.params;
        Instrument inst = trade.instrument(p);
        Long orderId = p.longValue("orderId", false);
        Long fromId = p.longValue("fromId", false);
        long[] w = window(p);
        if (fromId != null && (p.has("startTime") || p.has("endTime"))) {
            throw new ApiError(400, -1128, "Combination of optional parameters invalid.");
        }
        p.requireAllRead();
        Account a = call.account();
        List<Fill> fills = venue.locked(e -> e.queries().trades(a, inst.symbol, orderId == null ? -1 : orderId,
                fromId == null ? -1 : fromId, w[0], w[1], (int) w[2]));
        ArrayNode arr = Json.array();
        fills.forEach(f -> arr.add(OrderJson.trade(f)));
        return arr;
    }

    private JsonNode orderList(Http.Call call) {
        Params p = call.params;
        Long listId = p.longValue("orderListId", false);
        String orig = p.optional("origClientOrderId");
        if (listId == null && orig == null) {
            throw new ApiError(400, -1102, "Param 'orderListId' or 'origClientOrderId' must be sent, but both were empty/null!");
        }
        p.requireAllRead();
        Account a = call.account();
        OrderListView l = venue.locked(e -> e.queries().orderList(a, listId == null ? -1 : listId, orig));
        if (l == null) {
            throw new ApiError(400, -2013, "Order list does not exist.");
        }
        return OrderJson.list(l, null, null, l.transactionTime());
    }

    private JsonNode openOrderLists(Http.Call call) {
        call.params.requireAllRead();
        Account a = call.account();
        List<OrderListView> lists = venue.locked(e -> e.queries().openOrderLists(a));
        ArrayNode arr = Json.array();
        lists.forEach(l -> arr.add(OrderJson.list(l, null, null, l.transactionTime())));
        return arr;
    }

    private JsonNode account(Http.Call call) {
        String omit = call.params.optional("omitZeroBalances");
        if (omit != null && !omit.equals("true") && !omit.equals("false")) {
            throw ApiError.invalid("omitZeroBalances");
        }
        call.params.requireAllRead();
        Account a = call.account();
        record Snapshot(List<EngineEvent.Balance> balances, long maker, long taker, long updateTime) {
        }
        Snapshot s = venue.locked(e -> new Snapshot(e.balances(a), a.makerRate(), a.takerRate(), a.updateTime()));
        ObjectNode n = Json.object();
        n.put("makerCommission", s.maker / 10_000);
        n.put("takerCommission", s.taker / 10_000);
        n.put("buyerCommission", 0);
        n.put("sellerCommission", 0);
        ObjectNode rates = n.putObject("commissionRates");
        rates.put("maker", Units.asset(s.maker));
        rates.put("taker", Units.asset(s.taker));
        rates.put("buyer", "0.00000000");
        rates.put("seller", "0.00000000");
        n.put("canTrade", true);
        n.put("canWithdraw", true);
        n.put("canDeposit", true);
        n.put("brokered", false);
        n.put("requireSelfTradePrevention", false);
        n.put("preventSor", false);
        n.put("updateTime", s.updateTime);
        n.put("accountType", "SPOT");
        ArrayNode balances = n.putArray("balances");
        for (EngineEvent.Balance b : s.balances) {
            if ("true".equals(omit) && b.free() == 0 && b.locked() == 0) {
                continue;
            }
            ObjectNode bn = balances.addObject();
            bn.put("asset", b.asset());
            bn.put("free", Units.asset(b.free()));
            bn.put("locked", Units.asset(b.locked()));
        }
        n.putArray("permissions").add("SPOT");
        n.put("uid", a.id);
        return n;
    }

    private JsonNode commission(Http.Call call) {
        Instrument inst = trade.instrument(call.params);
        call.params.requireAllRead();
        Account a = call.account();
        ObjectNode n = Json.object();
        n.put("symbol", inst.symbol);
        ObjectNode std = n.putObject("standardCommission");
        std.put("maker", Units.asset(a.makerRate()));
        std.put("taker", Units.asset(a.takerRate()));
        std.put("buyer", "0.00000000");
        std.put("seller", "0.00000000");
        for (String name : List.of("specialCommission", "taxCommission")) {
            ObjectNode c = n.putObject(name);
            c.put("maker", "0.00000000");
            c.put("taker", "0.00000000");
            c.put("buyer", "0.00000000");
            c.put("seller", "0.00000000");
        }
        ObjectNode d = n.putObject("discount");
        d.put("enabledForAccount", false);
        d.put("enabledForSymbol", false);
        d.put("discountAsset", "BNB");
        d.put("discount", "0.00000000");
        return n;
    }

    private JsonNode orderCounts(Http.Call call) {
        call.params.requireAllRead();
        int[] counts = http.limiter().orderCounts(call.account().id, call.receivedAt);
        ArrayNode arr = Json.array();
        arr.add(limit("SECOND", 10, http.limiter().limits().ordersPer10s(), counts[0]));
        arr.add(limit("DAY", 1, http.limiter().limits().ordersPerDay(), counts[1]));
        return arr;
    }

    static ObjectNode limit(String interval, int num, int limit, int count) {
        ObjectNode n = Json.object();
        n.put("rateLimitType", "ORDERS");
        n.put("interval", interval);
        n.put("intervalNum", num);
        n.put("limit", limit);
        n.put("count", count);
        return n;
    }
}
