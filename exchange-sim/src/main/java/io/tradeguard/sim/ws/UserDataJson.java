package io.tradeguard.sim.ws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeguard.sim.api.Json;
import io.tradeguard.sim.engine.EngineEvent;
import io.tradeguard.sim.engine.ExpiryReason;
import io.tradeguard.sim.engine.Instrument;
import io.tradeguard.sim.engine.OrderListView;
import io.tradeguard.sim.engine.OrderStatus;
import io.tradeguard.sim.engine.OrderView;
import io.tradeguard.sim.engine.Units;

/** User data events (binance-api.md §5.3), keys in Binance's order. */
public final class UserDataJson {
    private UserDataJson() {
    }

    public static ObjectNode executionReport(EngineEvent.OrderUpdate u, long executionId) {
        OrderView o = u.order();
        Instrument inst = o.inst();
        ObjectNode n = Json.object();
        n.put("e", "executionReport");
        n.put("E", u.time());
        n.put("s", o.symbol());
        n.put("c", u.clientOrderId());
        n.put("S", o.side().wire());
        n.put("o", o.type().wire());
        n.put("f", o.timeInForce().wire());
        n.put("q", inst.qtyText(o.origQty()));
        n.put("p", inst.priceText(o.price()));
        n.put("P", inst.priceText(o.stopPrice()));
        if (o.trailingDelta() > 0) {
            n.put("d", o.trailingDelta());
        }
        n.put("F", inst.qtyText(0));
        n.put("g", o.orderListId());
        n.put("C", u.origClientOrderId());
        n.put("x", u.execType().wire());
        n.put("X", o.status().wire());
        n.put("r", "NONE");
        n.put("i", o.orderId());
        n.put("l", inst.qtyText(u.lastQty()));
        n.put("z", inst.qtyText(o.executedQty()));
        n.put("L", inst.priceText(u.lastPrice()));
        n.put("n", Units.asset(u.commission()));
        if (u.commissionAsset() == null) {
            n.putNull("N");
        } else {
            n.put("N", u.commissionAsset());
        }
        n.put("T", u.time());
        n.put("t", u.tradeId());
        n.put("I", executionId);
        n.put("w", onBook(u));
        n.put("m", u.maker());
        n.put("M", false);
        n.put("O", o.time());
        n.put("Z", Units.asset(o.cumQuote()));
        n.put("Y", Units.asset(u.lastQuote()));
        n.put("Q", Units.asset(o.origQuoteOrderQty()));
        if (o.trailingDelta() > 0) {
            n.put("D", o.trailingTime());
        }
        if (o.isWorking()) {
            n.put("W", o.workingTime());
        }
        n.put("V", "NONE");
        if (o.status() == OrderStatus.EXPIRED && o.expiry() != ExpiryReason.NONE) {
            n.put("eR", o.expiry().wire());
        }
        return n;
    }

    /** A new GTC limit order is reported as going onto the book; afterwards the book says. */
    private static boolean onBook(EngineEvent.OrderUpdate u) {
        OrderView o = u.order();
        if (u.execType() == io.tradeguard.sim.engine.ExecutionType.NEW) {
            return o.isWorking() && o.type().hasLimitPrice() && o.timeInForce() == io.tradeguard.sim.engine.TimeInForce.GTC;
        }
        return o.onBook();
    }

    public static ObjectNode accountPosition(EngineEvent.AccountPosition p, long eventTime) {
        ObjectNode n = Json.object();
        n.put("e", "outboundAccountPosition");
        n.put("E", eventTime);
        n.put("u", p.time());
        ArrayNode arr = n.putArray("B");
        for (EngineEvent.Balance b : p.balances()) {
            ObjectNode bn = arr.addObject();
            bn.put("a", b.asset());
            bn.put("f", Units.asset(b.free()));
            bn.put("l", Units.asset(b.locked()));
        }
        return n;
    }

    public static ObjectNode balanceUpdate(EngineEvent.BalanceChange c, long eventTime) {
        ObjectNode n = Json.object();
        n.put("e", "balanceUpdate");
        n.put("E", eventTime);
        n.put("a", c.asset());
        n.put("d", c.delta() < 0 ? "-" + Units.asset(-c.delta()) : Units.asset(c.delta()));
        n.put("T", c.time());
        return n;
    }

    public static ObjectNode listStatus(EngineEvent.ListUpdate u) {
        OrderListView l = u.list();
        ObjectNode n = Json.object();
        n.put("e", "listStatus");
        n.put("E", u.time());
        n.put("s", l.symbol());
        n.put("g", l.orderListId());
        n.put("c", "OCO");
        n.put("l", l.listStatusType());
        n.put("L", l.listOrderStatus());
        n.put("r", "NONE");
        n.put("C", l.listClientOrderId());
        n.put("T", l.transactionTime());
        ArrayNode arr = n.putArray("O");
        for (OrderView o : l.legs()) {
            ObjectNode on = arr.addObject();
            on.put("s", o.symbol());
            on.put("i", o.orderId());
            on.put("c", o.clientOrderId());
        }
        return n;
    }

    public static ObjectNode terminated(long eventTime) {
        ObjectNode n = Json.object();
        n.put("e", "eventStreamTerminated");
        n.put("E", eventTime);
        return n;
    }

    public static ObjectNode wrap(int subscriptionId, ObjectNode event) {
        ObjectNode n = Json.object();
        n.put("subscriptionId", subscriptionId);
        n.set("event", event);
        return n;
    }
}
