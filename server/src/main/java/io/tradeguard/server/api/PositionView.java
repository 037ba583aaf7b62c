package io.tradeguard.server.api;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An open position (DESIGN.md §7). Mark price, liquidation price, SL and TP may be null; margin type
 * ({@code ISOLATED}/{@code CROSSED}) and funding are futures-only (null / zero on spot).
 */
public record PositionView(String positionId, Symbol symbol, Market market, PositionSide side, BigDecimal quantity,
                           BigDecimal entryPrice, BigDecimal markPrice, BigDecimal unrealizedPnl,
                           BigDecimal realizedPnl, int leverage, BigDecimal liquidationPrice,
                           BigDecimal stopLoss, BigDecimal takeProfit, Instant openedAt, String marginType,
                           BigDecimal funding) {
    public PositionView(String positionId, Symbol symbol, Market market, PositionSide side, BigDecimal quantity,
                        BigDecimal entryPrice, BigDecimal markPrice, BigDecimal unrealizedPnl, BigDecimal realizedPnl,
                        int leverage, BigDecimal liquidationPrice, BigDecimal stopLoss, BigDecimal takeProfit,
                        Instant openedAt) {
        this(positionId, symbol, market, side, quantity, entryPrice, markPrice, unrealizedPnl, realizedPnl, leverage,
                liquidationPrice, stopLoss, takeProfit, openedAt, null, BigDecimal.ZERO);
    }

    public PositionView {
        Objects.requireNonNull(positionId, "positionId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(openedAt, "openedAt");
        if (leverage < 1) {
            throw new IllegalArgumentException("leverage is at least 1");
        }
    }
}
