package io.tradeguard.core.venue;

import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.util.Objects;

/** Best bid and ask of a symbol (REST book ticker, or the bookTicker stream). */
public record BookTicker(Symbol symbol, BigDecimal bidPrice, BigDecimal bidQuantity, BigDecimal askPrice,
                         BigDecimal askQuantity) {
    public BookTicker {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(bidPrice, "bidPrice");
        Objects.requireNonNull(bidQuantity, "bidQuantity");
        Objects.requireNonNull(askPrice, "askPrice");
        Objects.requireNonNull(askQuantity, "askQuantity");
    }
}
