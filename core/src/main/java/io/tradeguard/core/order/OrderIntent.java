package io.tradeguard.core.order;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.venue.OrderRequest;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order someone wants, before filters, risk rules and safety gates have seen it and before it has a
 * client order id. Gates may return an adjusted copy.
 *
 * @param reason       a short label of why (e.g. "stop loss", "close position"); becomes a closed trade's exit reason
 * @param instructions leverage, protection and provenance; never null ({@link OrderInstructions#DEFAULTS})
 */
public record OrderIntent(Market market, Symbol symbol, Side side, OrderType type, TimeInForce timeInForce,
                          BigDecimal quantity, BigDecimal quoteQuantity, BigDecimal price, BigDecimal stopPrice,
                          Integer trailingDelta, BigDecimal callbackRate, BigDecimal activationPrice,
                          boolean reduceOnly, boolean closePosition, OrderOrigin origin, String reason,
                          OrderInstructions instructions) {

    public OrderIntent {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(origin, "origin");
        if (origin == OrderOrigin.EXTERNAL) {
            throw new IllegalArgumentException("the engine does not place EXTERNAL orders; EXTERNAL marks orders placed elsewhere");
        }
        reason = reason == null ? "" : reason;
        instructions = instructions == null ? OrderInstructions.DEFAULTS : instructions;
        // the request's own rules (positive amounts, a limit price where needed) checked once, here
        new OrderRequest(market, symbol, side, type, timeInForce, quantity, quoteQuantity, price, stopPrice,
                trailingDelta, callbackRate, activationPrice, reduceOnly, closePosition, ClientOrderId.of("check"));
    }

    /** A market order for a base quantity. */
    public static OrderIntent market(Market market, Symbol symbol, Side side, BigDecimal quantity, OrderOrigin origin) {
        return new OrderIntent(market, symbol, side, OrderType.MARKET, null, quantity, null, null, null,
                null, null, null, false, false, origin, "", null);
    }

    /** A limit GTC order. */
    public static OrderIntent limit(Market market, Symbol symbol, Side side, BigDecimal quantity, BigDecimal price,
                                    OrderOrigin origin) {
        return new OrderIntent(market, symbol, side, OrderType.LIMIT, TimeInForce.GTC, quantity, null, price, null,
                null, null, null, false, false, origin, "", null);
    }

    public OrderIntent withQuantity(BigDecimal newQuantity) {
        return new OrderIntent(market, symbol, side, type, timeInForce, newQuantity, quoteQuantity, price, stopPrice,
                trailingDelta, callbackRate, activationPrice, reduceOnly, closePosition, origin, reason, instructions);
    }

    public OrderIntent withPrice(BigDecimal newPrice) {
        return new OrderIntent(market, symbol, side, type, timeInForce, quantity, quoteQuantity, newPrice, stopPrice,
                trailingDelta, callbackRate, activationPrice, reduceOnly, closePosition, origin, reason, instructions);
    }

    public OrderIntent withReason(String newReason) {
        return new OrderIntent(market, symbol, side, type, timeInForce, quantity, quoteQuantity, price, stopPrice,
                trailingDelta, callbackRate, activationPrice, reduceOnly, closePosition, origin, newReason, instructions);
    }

    public OrderIntent withInstructions(OrderInstructions newInstructions) {
        return new OrderIntent(market, symbol, side, type, timeInForce, quantity, quoteQuantity, price, stopPrice,
                trailingDelta, callbackRate, activationPrice, reduceOnly, closePosition, origin, reason, newInstructions);
    }

    public OrderRequest toRequest(ClientOrderId id) {
        return new OrderRequest(market, symbol, side, type, timeInForce, quantity, quoteQuantity, price, stopPrice,
                trailingDelta, callbackRate, activationPrice, reduceOnly, closePosition, id);
    }
}
