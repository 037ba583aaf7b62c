package io.tradeguard.core.order;

import io.tradeguard.core.model.Asset;

import java.math.BigDecimal;
import java.util.Objects;

/** A commission total in the asset the venue charged it in. */
public record Commission(Asset asset, BigDecimal amount) {
    public Commission {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("commission must not be negative");
        }
    }
}
