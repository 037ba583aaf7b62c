package io.tradeguard.server.api;

import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.util.Objects;

/** {@code POST /api/trading-safety/record-trade}: a finished trade made elsewhere, counted by the safety limits. */
public record TradeResult(Symbol symbol, BigDecimal realizedPnl) {
    public TradeResult {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
    }
}
