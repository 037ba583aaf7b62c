package io.tradeguard.server.api;

import io.tradeguard.core.model.Asset;

import java.math.BigDecimal;
import java.util.Objects;

/** One fill of an order, as the API shows it. */
public record FillView(BigDecimal price, BigDecimal quantity, BigDecimal commission, Asset commissionAsset, long tradeId) {
    public FillView {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(commission, "commission");
    }
}
