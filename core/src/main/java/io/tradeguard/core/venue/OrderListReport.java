package io.tradeguard.core.venue;

import io.tradeguard.core.model.Symbol;

import java.util.List;
import java.util.Objects;

/**
 * The venue's answer about an order list (OCO): its status and the state of each order in it.
 *
 * @param listStatusType  RESPONSE, EXEC_STARTED, UPDATED, ALL_DONE
 * @param listOrderStatus EXECUTING, ALL_DONE, REJECT
 */
public record OrderListReport(Symbol symbol, long orderListId, String listClientOrderId, String listStatusType,
                              String listOrderStatus, List<OrderUpdate> orders) {
    public OrderListReport {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(listStatusType, "listStatusType");
        Objects.requireNonNull(listOrderStatus, "listOrderStatus");
        orders = List.copyOf(orders);
    }
}
