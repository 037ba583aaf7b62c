package io.tradeguard.server.api;

import io.tradeguard.core.model.ClientOrderId;

import java.util.Objects;

/** How a cancel names its order. */
public sealed interface OrderRef {
    record ByOrderId(String orderId) implements OrderRef {
        public ByOrderId {
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    record ByClientOrderId(ClientOrderId clientOrderId) implements OrderRef {
        public ByClientOrderId {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
        }
    }
}
