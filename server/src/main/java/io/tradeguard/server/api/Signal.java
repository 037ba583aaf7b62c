package io.tradeguard.server.api;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A trading signal (DESIGN.md §7); optional fields are null.
 *
 * @param confidence 0 to 1
 */
public record Signal(String id, Symbol symbol, Market market, Direction direction, BigDecimal confidence,
                     BigDecimal entry, BigDecimal stopLoss, BigDecimal takeProfit, Integer leverage,
                     BigDecimal sizeUsd, String strategy, String source, Instant time) {
    public Signal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(time, "time");
        if (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("confidence must be between 0 and 1");
        }
    }

    public enum Direction {
        LONG, SHORT, CLOSE
    }
}
