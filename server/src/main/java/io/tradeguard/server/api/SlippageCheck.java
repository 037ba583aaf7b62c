package io.tradeguard.server.api;

import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.util.Objects;

/** {@code POST /api/trading-safety/check-slippage}: the price expected against the price got. */
public record SlippageCheck(Symbol symbol, Side side, BigDecimal expectedPrice, BigDecimal actualPrice) {
    public SlippageCheck {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(expectedPrice, "expectedPrice");
        Objects.requireNonNull(actualPrice, "actualPrice");
    }
}
