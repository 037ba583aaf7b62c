package io.tradeguard.core.venue;

import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** A depth snapshot: bids best (highest) first, asks best (lowest) first. */
public record OrderBook(Symbol symbol, long lastUpdateId, List<Level> bids, List<Level> asks) {
    public OrderBook {
        Objects.requireNonNull(symbol, "symbol");
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    public record Level(BigDecimal price, BigDecimal quantity) {
        public Level {
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(quantity, "quantity");
        }
    }
}
