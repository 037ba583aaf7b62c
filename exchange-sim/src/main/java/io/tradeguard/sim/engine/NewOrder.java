package io.tradeguard.sim.engine;

import java.util.Objects;

/**
 * A new-order request already parsed to the symbol's fixed point. Zero means "not sent" for the
 * optional numbers; the wire layer has checked which ones the type requires.
 */
public record NewOrder(String symbol, Side side, OrderType type, TimeInForce tif, long price, long quantity,
                       long quoteOrderQty, long stopPrice, long trailingDelta, String clientOrderId) {
    public NewOrder {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        if (price < 0 || quantity < 0 || quoteOrderQty < 0 || stopPrice < 0 || trailingDelta < 0) {
            throw new IllegalArgumentException("order numbers are never negative");
        }
        if (type.needsTimeInForce() != (tif != null)) {
            throw new IllegalArgumentException(type + " needs a time in force: " + type.needsTimeInForce());
        }
        if (quantity > 0 && quoteOrderQty > 0) {
            throw new IllegalArgumentException("quantity or quoteOrderQty, not both");
        }
        if (quoteOrderQty > 0 && type != OrderType.MARKET) {
            throw new IllegalArgumentException("quoteOrderQty is for MARKET orders only");
        }
    }

    public static NewOrder limit(String symbol, Side side, long price, long qty, String clientOrderId) {
        return new NewOrder(symbol, side, OrderType.LIMIT, TimeInForce.GTC, price, qty, 0, 0, 0, clientOrderId);
    }

    public static NewOrder market(String symbol, Side side, long qty, String clientOrderId) {
        return new NewOrder(symbol, side, OrderType.MARKET, null, 0, qty, 0, 0, 0, clientOrderId);
    }
}
