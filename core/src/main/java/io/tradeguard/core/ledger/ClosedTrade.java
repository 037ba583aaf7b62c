package io.tradeguard.core.ledger;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A closed round trip: from the first fill of a position until it was flat again.
 *
 * @param quantity    total quantity closed (equals the total quantity entered)
 * @param entryPrice  quantity-weighted entry price of the closed quantity
 * @param exitPrice   quantity-weighted exit price
 * @param fees        entry and exit commissions, in quote
 * @param funding     futures funding paid (negative) or received; zero on spot
 * @param realizedPnl net of both sides' commissions and of funding
 * @param pnlRatio    realized P&L over the stake, the stake being (entry notional + entry fees) / leverage
 * @param exitReason  what closed it: the closing order's origin and reason
 */
public record ClosedTrade(String tradeId, String positionId, Market market, Symbol symbol, PositionSide side,
                          BigDecimal quantity, BigDecimal entryPrice, BigDecimal exitPrice, BigDecimal fees,
                          BigDecimal funding, BigDecimal realizedPnl, BigDecimal pnlRatio, int leverage,
                          String exitReason, Instant openedAt, Instant closedAt) {

    public ClosedTrade {
        Objects.requireNonNull(tradeId, "tradeId");
        Objects.requireNonNull(positionId, "positionId");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(exitPrice, "exitPrice");
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(funding, "funding");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(pnlRatio, "pnlRatio");
        Objects.requireNonNull(exitReason, "exitReason");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(closedAt, "closedAt");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("a closed trade has a positive quantity");
        }
    }

    public boolean isWin() {
        return realizedPnl.signum() > 0;
    }

    public boolean isLoss() {
        return realizedPnl.signum() < 0;
    }
}
