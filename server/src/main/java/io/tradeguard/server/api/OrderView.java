package io.tradeguard.server.api;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** An order as the API shows it (DESIGN.md §7 field names). {@code price} and {@code avgPrice} may be null. */
public record OrderView(String orderId, ClientOrderId clientOrderId, Symbol symbol, Market market, Side side,
                        OrderType orderType, OrderStatus status, BigDecimal quantity, BigDecimal filledQuantity,
                        BigDecimal price, BigDecimal avgPrice, List<FillView> fills, OrderOrigin origin,
                        Instant createdAt, Instant updatedAt) {
    public OrderView {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(orderType, "orderType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        fills = List.copyOf(fills);
    }
}
