package io.tradeguard.sim.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeguard.sim.engine.ExpiryReason;
import io.tradeguard.sim.engine.Fill;
import io.tradeguard.sim.engine.Instrument;
import io.tradeguard.sim.engine.OrderListView;
import io.tradeguard.sim.engine.OrderStatus;
import io.tradeguard.sim.engine.OrderView;
import io.tradeguard.sim.engine.Units;

import java.util.List;

/** Orders, fills and order lists in Binance's JSON shapes (binance-api.md §3.4-§3.7). */
public final class OrderJson {
    /** `newOrderRespType`. */
    public enum RespType {
        ACK, RESULT, FULL;

        public static RespType fromWire(String text) {
            return switch (text) {
                case "ACK" -> ACK;
                case "RESULT" -> RESULT;
                case "FULL" -> FULL;
                default -> null;
            };
        }
    }

    private OrderJson() {
    }

    public static ObjectNode placed(OrderView o, List<Fill> fills, long transactTime, RespType type) {
        ObjectNode n = Json.object();
        n.put("symbol", o.symbol());
        n.put("orderId", o.orderId());
        n.put("orderListId", o.orderListId());
        n.put("clientOrderId", o.clientOrderId());
        n.put("transactTime", transactTime);
        if (type == RespType.ACK) {
            return n;
        }
        result(n, o);
        if (type == RespType.FULL) {
            ArrayNode arr = n.putArray("fills");
            for (Fill f : fills) {
                ObjectNode fn = arr.addObject();
                fn.put("price", f.inst().priceText(f.price()));
                fn.put("qty", f.inst().qtyText(f.qty()));
                fn.put("commission", Units.asset(f.commission()));
                fn.put("commissionAsset", f.commissionAsset());
                fn.put("tradeId", f.tradeId());
            }
        }
        return n;
    }

    /** The RESULT block after the ACK fields. */
    private static void result(ObjectNode n, OrderView o) {
        Instrument inst = o.inst();
        n.put("price", inst.priceText(o.price()));
        n.put("origQty", inst.qtyText(o.origQty()));
        n.put("executedQty", inst.qtyText(o.executedQty()));
        n.put("origQuoteOrderQty", Units.asset(o.origQuoteOrderQty()));
        n.put("cummulativeQuoteQty", Units.asset(o.cumQuote()));
        n.put("status", o.status().wire());
        n.put("timeInForce", o.timeInForce().wire());
        n.put("type", o.type().wire());
        n.put("side", o.side().wire());
        conditional(n, o);
        n.put("workingTime", o.workingTime());
        n.put("selfTradePreventionMode", "NONE");
        expiry(n, o);
    }

    private static void conditional(ObjectNode n, OrderView o) {
        if (o.stopPrice() > 0) {
            n.put("stopPrice", o.inst().priceText(o.stopPrice()));
        }
        if (o.trailingDelta() > 0) {
            n.put("trailingDelta", o.trailingDelta());
            n.put("trailingTime", o.trailingTime());
        }
    }

    private static void expiry(ObjectNode n, OrderView o) {
        if (o.status() == OrderStatus.EXPIRED && o.expiry() != ExpiryReason.NONE) {
            n.put("expiryReason", o.expiry().wire());
        }
    }

    /** DELETE /api/v3/order item: the order's id as origClientOrderId, the cancel's id as clientOrderId. */
    public static ObjectNode canceled(OrderView o, String cancelClientOrderId, long transactTime) {
        Instrument inst = o.inst();
        ObjectNode n = Json.object();
        n.put("symbol", o.symbol());
        n.put("origClientOrderId", o.clientOrderId());
        n.put("orderId", o.orderId());
        n.put("orderListId", o.orderListId());
        n.put("clientOrderId", cancelClientOrderId);
        n.put("transactTime", transactTime);
        n.put("price", inst.priceText(o.price()));
        n.put("origQty", inst.qtyText(o.origQty()));
        n.put("executedQty", inst.qtyText(o.executedQty()));
        n.put("origQuoteOrderQty", Units.asset(o.origQuoteOrderQty()));
        n.put("cummulativeQuoteQty", Units.asset(o.cumQuote()));
        n.put("status", o.status().wire());
        n.put("timeInForce", o.timeInForce().wire());
        n.put("type", o.type().wire());
        n.put("side", o.side().wire());
        conditional(n, o);
        n.put("selfTradePreventionMode", "NONE");
        return n;
    }

    /** GET /api/v3/order, openOrders, allOrders items. */
    public static ObjectNode queried(OrderView o) {
        Instrument inst = o.inst();
        ObjectNode n = Json.object();
        n.put("symbol", o.symbol());
        n.put("orderId", o.orderId());
        n.put("orderListId", o.orderListId());
        n.put("clientOrderId", o.clientOrderId());
        n.put("price", inst.priceText(o.price()));
        n.put("origQty", inst.qtyText(o.origQty()));
        n.put("executedQty", inst.qtyText(o.executedQty()));
        n.put("cummulativeQuoteQty", Units.asset(o.cumQuote()));
        n.put("status", o.status().wire());
        n.put("timeInForce", o.timeInForce().wire());
        n.put("type", o.type().wire());
        n.put("side", o.side().wire());
        n.put("stopPrice", inst.priceText(o.stopPrice()));
        n.put("icebergQty", inst.qtyText(0));
        n.put("time", o.time());
        n.put("updateTime", o.updateTime());
        n.put("isWorking", o.isWorking());
        n.put("workingTime", o.workingTime());
        n.put("origQuoteOrderQty", Units.asset(o.origQuoteOrderQty()));
        n.put("selfTradePreventionMode", "NONE");
        if (o.trailingDelta() > 0) {
            n.put("trailingDelta", o.trailingDelta());
            n.put("trailingTime", o.trailingTime());
        }
        expiry(n, o);
        return n;
    }

    /** An order list with per-leg reports in the requested shape (placement) or as cancel reports. */
    public static ObjectNode list(OrderListView l, RespType reports, String cancelClientOrderId, long transactionTime) {
        ObjectNode n = Json.object();
        n.put("orderListId", l.orderListId());
        n.put("contingencyType", "OCO");
        n.put("listStatusType", l.listStatusType());
        n.put("listOrderStatus", l.listOrderStatus());
        n.put("listClientOrderId", l.listClientOrderId());
        n.put("transactionTime", transactionTime);
        n.put("symbol", l.symbol());
        ArrayNode orders = n.putArray("orders");
        for (OrderView o : l.legs()) {
            ObjectNode on = orders.addObject();
            on.put("symbol", o.symbol());
            on.put("orderId", o.orderId());
            on.put("clientOrderId", o.clientOrderId());
        }
        if (reports == null && cancelClientOrderId == null) {
            return n;
        }
        ArrayNode arr = n.putArray("orderReports");
        for (OrderView o : l.legs()) {
            arr.add(cancelClientOrderId != null ? canceled(o, cancelClientOrderId, transactionTime)
                    : placed(o, List.of(), transactionTime, reports));
        }
        return n;
    }

    /** GET /api/v3/myTrades item. */
    public static ObjectNode trade(Fill f) {
        ObjectNode n = Json.object();
        n.put("symbol", f.inst().symbol);
        n.put("id", f.tradeId());
        n.put("orderId", f.orderId());
        n.put("orderListId", f.orderListId());
        n.put("price", f.inst().priceText(f.price()));
        n.put("qty", f.inst().qtyText(f.qty()));
        n.put("quoteQty", Units.asset(f.quote()));
        n.put("commission", Units.asset(f.commission()));
        n.put("commissionAsset", f.commissionAsset());
        n.put("time", f.time());
        n.put("isBuyer", f.buyer());
        n.put("isMaker", f.maker());
        n.put("isBestMatch", true);
        return n;
    }
}
