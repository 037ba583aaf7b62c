package io.tradeguard.server.api;

import io.tradeguard.core.model.Asset;

import java.math.BigDecimal;
import java.util.Objects;

/** Expected commission of an order, at the taker rate unless it can only make. */
public record FeeEstimate(BigDecimal amount, Asset asset, BigDecimal rate) {
    public FeeEstimate {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(rate, "rate");
        if (amount.signum() < 0 || rate.signum() < 0) {
            throw new IllegalArgumentException("fees are not negative");
        }
    }
}
