package io.tradeguard.core.venue;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One order as the engine asks the venue to place it, already conformed to the instrument's filters.
 * Nullable fields are absent on the wire.
 *
 * @param quantity       base quantity; null for a spot market order by quote amount or a futures close-position stop
 * @param quoteQuantity  spot MARKET by quote amount (`quoteOrderQty`)
 * @param stopPrice      trigger price of stop / take-profit types (futures algo: `triggerPrice`)
 * @param trailingDelta  spot trailing stop in BIPS (100 = 1%)
 * @param callbackRate   futures trailing stop in percent (1 = 1%)
 * @param activationPrice futures trailing stop activation price
 */
public record OrderRequest(Market market, Symbol symbol, Side side, OrderType type, TimeInForce timeInForce,
                           BigDecimal quantity, BigDecimal quoteQuantity, BigDecimal price, BigDecimal stopPrice,
                           Integer trailingDelta, BigDecimal callbackRate, BigDecimal activationPrice,
                           boolean reduceOnly, boolean closePosition, ClientOrderId clientOrderId) {

    public OrderRequest {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        requirePositiveIfPresent(quantity, "quantity");
        requirePositiveIfPresent(quoteQuantity, "quoteQuantity");
        requirePositiveIfPresent(price, "price");
        requirePositiveIfPresent(stopPrice, "stopPrice");
        requirePositiveIfPresent(callbackRate, "callbackRate");
        requirePositiveIfPresent(activationPrice, "activationPrice");
        if (trailingDelta != null && trailingDelta <= 0) {
            throw new IllegalArgumentException("trailingDelta must be positive BIPS");
        }
        if (quantity == null && quoteQuantity == null && !closePosition) {
            throw new IllegalArgumentException("an order needs a quantity (or a quote quantity for a market order)");
        }
        if (type.hasLimitPrice(market) && price == null) {
            throw new IllegalArgumentException(type + " needs a limit price");
        }
    }

    /** A plain order: MARKET or LIMIT GTC. */
    public static OrderRequest simple(Market market, Symbol symbol, Side side, OrderType type,
                                      BigDecimal quantity, BigDecimal price, ClientOrderId id) {
        TimeInForce tif = type == OrderType.LIMIT ? TimeInForce.GTC : null;
        return new OrderRequest(market, symbol, side, type, tif, quantity, null, price, null,
                null, null, null, false, false, id);
    }

    private static void requirePositiveIfPresent(BigDecimal value, String name) {
        if (value != null && value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value.toPlainString());
        }
    }
}
