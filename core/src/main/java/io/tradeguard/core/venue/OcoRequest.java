package io.tradeguard.core.venue;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A one-cancels-the-other pair on spot: one leg above the market, one below, sharing side and
 * quantity; when one works, the venue cancels the other. For a SELL bracket the above leg is the
 * take-profit (LIMIT_MAKER / TAKE_PROFIT*) and the below leg the stop-loss (STOP_LOSS*); mirrored for BUY.
 */
public record OcoRequest(Symbol symbol, Side side, BigDecimal quantity, Leg above, Leg below,
                         ClientOrderId listClientOrderId) {

    public OcoRequest {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(above, "above");
        Objects.requireNonNull(below, "below");
        Objects.requireNonNull(listClientOrderId, "listClientOrderId");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("an OCO needs a positive quantity");
        }
    }

    /**
     * One leg. Stop types need a stop price and/or a trailing delta (BIPS); limit types a price (and a
     * time in force for the *_LIMIT stop types).
     */
    public record Leg(OrderType type, BigDecimal price, BigDecimal stopPrice, Integer trailingDelta,
                      TimeInForce timeInForce, ClientOrderId clientOrderId) {
        public Leg {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            boolean stopType = switch (type) {
                case STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT, TAKE_PROFIT_LIMIT -> true;
                case LIMIT_MAKER -> false;
                case MARKET, LIMIT, STOP, STOP_MARKET, TAKE_PROFIT_MARKET, TRAILING_STOP_MARKET, LIQUIDATION ->
                        throw new IllegalArgumentException(type + " cannot be a leg of a spot OCO");
            };
            if (stopType && stopPrice == null && trailingDelta == null) {
                throw new IllegalArgumentException(type + " leg needs a stop price or a trailing delta");
            }
            boolean limit = type == OrderType.LIMIT_MAKER || type == OrderType.STOP_LOSS_LIMIT || type == OrderType.TAKE_PROFIT_LIMIT;
            if (limit && price == null) {
                throw new IllegalArgumentException(type + " leg needs a price");
            }
            if (trailingDelta != null && trailingDelta <= 0) {
                throw new IllegalArgumentException("trailingDelta must be positive BIPS");
            }
        }
    }
}
