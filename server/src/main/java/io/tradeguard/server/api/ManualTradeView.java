package io.tradeguard.server.api;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An order made outside the engine (Binance app or web) that the engine detected.
 *
 * @param matchedPositionId the engine position it affected, if any
 * @param realizedPnl       when it closed (part of) a position
 */
public record ManualTradeView(String orderId, Symbol symbol, Market market, Side side, BigDecimal quantity,
                              BigDecimal price, String matchedPositionId, BigDecimal realizedPnl, Instant detectedAt) {
    public ManualTradeView {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(detectedAt, "detectedAt");
    }
}
