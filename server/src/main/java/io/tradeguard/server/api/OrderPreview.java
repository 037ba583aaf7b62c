package io.tradeguard.server.api;

import io.tradeguard.server.order.OrderIntent;

import java.util.Objects;

/**
 * The engine's answer to a preview: the order as it would be sent (rounded to the instrument's tick and
 * step), its fees and the risk verdict. Nothing is sent.
 */
public record OrderPreview(OrderIntent order, FeeEstimate fees, RiskVerdict verdict) {
    public OrderPreview {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(verdict, "verdict");
    }
}
