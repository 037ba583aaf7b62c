package io.tradeguard.sim.engine;

import java.util.List;

/** Snapshot of an OCO list with its two legs in id order. */
public record OrderListView(long orderListId, String listClientOrderId, String symbol, String listStatusType,
                            String listOrderStatus, long transactionTime, List<OrderView> legs) {
    public OrderListView {
        legs = List.copyOf(legs);
        if (legs.size() != 2) {
            throw new IllegalArgumentException("an OCO has two legs");
        }
    }
}
