package io.tradeguard.core.risk;

import java.math.BigDecimal;
import java.util.Objects;

/** One price level of an order book: price and the quantity resting there. */
public record BookLevel(BigDecimal price, BigDecimal quantity) {
    public BookLevel {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(quantity, "quantity");
        if (price.signum() <= 0 || quantity.signum() < 0) {
            throw new IllegalArgumentException("a book level needs a positive price and a non-negative quantity");
        }
    }
}
