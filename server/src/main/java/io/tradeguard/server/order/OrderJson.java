package io.tradeguard.server.order;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;

/**
 * Writes an intent with the request's own field names, so a client can send a preview's {@code order}
 * back unchanged (plus the token) to place exactly that order.
 */
public final class OrderJson {
    private OrderJson() {
    }

    public static ObjectNode write(OrderIntent o) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("order_type", o.kind().path());
        out.put("symbol", o.symbol().value());
        out.put("side", o.side().name());
        out.put("market", o.market().wireName());
        decimal(out, "quantity", o.quantity());
        decimal(out, "quote_quantity", o.quoteQuantity());
        decimal(out, "price", o.price());
        decimal(out, "stop_price", o.stopPrice());
        decimal(out, "stop_limit_price", o.stopLimitPrice());
        if (o.trailingDelta() != null) {
            out.put("trailing_delta", o.trailingDelta());
        }
        decimal(out, "callback_rate", o.callbackRate());
        decimal(out, "activation_price", o.activationPrice());
        if (o.timeInForce() != null) {
            out.put("time_in_force", o.timeInForce().name());
        }
        if (o.leverage() != null) {
            out.put("leverage", o.leverage());
        }
        if (o.reduceOnly()) {
            out.put("reduce_only", true);
        }
        if (o.clientOrderId() != null) {
            out.put("client_order_id", o.clientOrderId().value());
        }
        decimal(out, "stop_loss", o.stopLoss());
        decimal(out, "take_profit", o.takeProfit());
        out.put("protection", o.protection());
        return out;
    }

    private static void decimal(ObjectNode out, String name, BigDecimal value) {
        if (value != null) {
            out.put(name, value);
        }
    }
}
