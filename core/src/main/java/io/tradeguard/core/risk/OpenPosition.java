package io.tradeguard.core.risk;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An open position as the rules need it. {@code side} BUY is long, SELL is short. A spot holding the
 * engine tracks as a position is a long with leverage 1.
 *
 * @param stopLoss the stop-loss price protecting it, or null when it has none
 */
public record OpenPosition(Market market, Symbol symbol, Side side, BigDecimal quantity, BigDecimal entryPrice,
                           BigDecimal markPrice, BigDecimal stopLoss, int leverage) {

    public OpenPosition {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(markPrice, "markPrice");
        if (quantity.signum() <= 0 || entryPrice.signum() <= 0 || markPrice.signum() <= 0) {
            throw new IllegalArgumentException("a position needs a positive quantity, entry and mark price");
        }
        if (stopLoss != null && stopLoss.signum() <= 0) {
            throw new IllegalArgumentException("stop-loss must be positive");
        }
        if (leverage < 1) {
            throw new IllegalArgumentException("leverage must be at least 1");
        }
    }

    /** Current value: quantity × mark price. */
    public BigDecimal notional() {
        return quantity.multiply(markPrice);
    }

    /**
     * The realized P&L if the position were closed at its stop (fees aside): negative is a loss, positive
     * when the stop already locks in a profit. Without a stop the whole margin is at risk:
     * quantity × entry / leverage.
     */
    public BigDecimal pnlAtStop() {
        if (stopLoss == null) {
            BigDecimal atEntry = quantity.multiply(entryPrice);
            return Leverage.margin(atEntry, leverage).negate();
        }
        BigDecimal move = stopLoss.subtract(entryPrice).multiply(quantity);
        return side == Side.BUY ? move : move.negate();
    }
}
