package io.tradeguard.core.venue;

import io.tradeguard.core.model.Asset;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One trade of an order. Trade ids are unique per symbol on the venue, which makes applying a fill
 * idempotent.
 *
 * @param commissionAsset null when the venue charged nothing
 */
public record Fill(long tradeId, BigDecimal price, BigDecimal quantity, BigDecimal commission,
                   Asset commissionAsset, boolean maker, Instant time) {

    public Fill {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(commission, "commission");
        Objects.requireNonNull(time, "time");
        if (price.signum() <= 0 || quantity.signum() <= 0) {
            throw new IllegalArgumentException("a fill needs a positive price and quantity");
        }
        if (commission.signum() < 0) {
            throw new IllegalArgumentException("commission must not be negative");
        }
    }
}
