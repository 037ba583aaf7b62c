package io.tradeguard.core.venue;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.ExecutionType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the venue says about one order: an execution report from the user stream, or the state from an
 * order response or query (executionType SNAPSHOT). Carries two times: the venue's and ours.
 *
 * @param clientOrderId  the order's own id (for a cancel report: the original order's id, not the cancel's)
 * @param cumulativeQuote quote transacted so far; the average price is cumulativeQuote / filledQuantity
 * @param lastFill       the trade this report announces, present only for executionType TRADE
 * @param rejectReason   venue's reason for REJECTED/EXPIRED, or null
 * @param orderListId    the OCO list this order belongs to, -1 if none
 */
public record OrderUpdate(Market market, Symbol symbol, long venueOrderId, ClientOrderId clientOrderId,
                          Side side, OrderType type, TimeInForce timeInForce, OrderStatus status,
                          ExecutionType executionType, BigDecimal quantity, BigDecimal price,
                          BigDecimal stopPrice, BigDecimal filledQuantity, BigDecimal cumulativeQuote,
                          Fill lastFill, String rejectReason, long orderListId, boolean reduceOnly,
                          Instant venueTime, Instant receivedAt) {

    public OrderUpdate {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(executionType, "executionType");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(cumulativeQuote, "cumulativeQuote");
        Objects.requireNonNull(venueTime, "venueTime");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (executionType == ExecutionType.TRADE && lastFill == null) {
            throw new IllegalArgumentException("a TRADE report must carry its fill");
        }
    }

    public Optional<Fill> fill() {
        return Optional.ofNullable(lastFill);
    }
}
