package io.tradeguard.server.api;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An open position (DESIGN.md §7). Mark price, liquidation price, SL, TP and the trailing stop's current level
 * may be null (none armed, or a trailing stop not tracking yet); margin type ({@code ISOLATED}/{@code CROSSED})
 * and funding are futures-only (null / zero on spot).
 */
public record PositionView(String positionId, Symbol symbol, Market market, PositionSide side, BigDecimal quantity,
                           BigDecimal entryPrice, BigDecimal markPrice, BigDecimal unrealizedPnl,
                           BigDecimal realizedPnl, int leverage, BigDecimal liquidationPrice,
                           BigDecimal stopLoss, BigDecimal takeProfit, Instant openedAt,
                           BigDecimal trailingStop, String marginType, BigDecimal funding) {
    public PositionView {
        Objects.requireNonNull(positionId, "positionId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(openedAt, "openedAt");
        funding = funding == null ? BigDecimal.ZERO : funding;
        if (leverage < 1) {
            throw new IllegalArgumentException("leverage is at least 1");
        }
    }

    /** Without a trailing stop, margin type or funding (a spot position). */
    public PositionView(String positionId, Symbol symbol, Market market, PositionSide side, BigDecimal quantity,
                        BigDecimal entryPrice, BigDecimal markPrice, BigDecimal unrealizedPnl,
                        BigDecimal realizedPnl, int leverage, BigDecimal liquidationPrice,
                        BigDecimal stopLoss, BigDecimal takeProfit, Instant openedAt) {
        this(positionId, symbol, market, side, quantity, entryPrice, markPrice, unrealizedPnl, realizedPnl, leverage,
                liquidationPrice, stopLoss, takeProfit, openedAt, null, null, BigDecimal.ZERO);
    }

    /** The same position with the exits that watch it. */
    public PositionView withExits(BigDecimal stopLoss, BigDecimal takeProfit, BigDecimal trailingStop) {
        return new PositionView(positionId, symbol, market, side, quantity, entryPrice, markPrice, unrealizedPnl,
                realizedPnl, leverage, liquidationPrice, stopLoss, takeProfit, openedAt, trailingStop, marginType, funding);
    }
}
