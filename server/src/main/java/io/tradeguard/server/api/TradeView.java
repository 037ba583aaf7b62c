package io.tradeguard.server.api;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A closed round trip (DESIGN.md §7). {@code realizedPnl} is net of both sides' fees and of funding;
 * {@code pnlRatio} is it over the stake (entry notional plus entry fee, divided by leverage).
 */
public record TradeView(String tradeId, String positionId, Symbol symbol, Market market, PositionSide side,
                        BigDecimal quantity, BigDecimal entryPrice, BigDecimal exitPrice, BigDecimal fees,
                        BigDecimal funding, BigDecimal realizedPnl, BigDecimal pnlRatio, String exitReason,
                        Instant openedAt, Instant closedAt) {
    public TradeView {
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(closedAt, "closedAt");
    }
}
