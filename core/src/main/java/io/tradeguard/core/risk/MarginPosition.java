package io.tradeguard.core.risk;

import io.tradeguard.core.model.MarginType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.MaintenanceBracket;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An open USD-M futures position as the liquidation estimate needs it (one-way mode). {@code side} BUY is long.
 *
 * @param markPrice      the mark price now: other cross positions count with their maintenance margin and unrealized
 *                       P&amp;L at it
 * @param leverage       the symbol's leverage (an isolated position's margin is its notional at entry over it)
 * @param marginType     null when not known (the venue's view of the position not fetched yet)
 * @param isolatedWallet the margin an isolated position holds; null when not known, and for a cross position
 * @param brackets       its contract's maintenance brackets, lowest notional first; empty when not known
 */
public record MarginPosition(Symbol symbol, Side side, BigDecimal quantity, BigDecimal entryPrice, BigDecimal markPrice,
                             int leverage, MarginType marginType, BigDecimal isolatedWallet,
                             List<MaintenanceBracket> brackets) {

    public MarginPosition {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(markPrice, "markPrice");
        brackets = List.copyOf(Objects.requireNonNull(brackets, "brackets"));
        if (quantity.signum() <= 0 || entryPrice.signum() <= 0 || markPrice.signum() <= 0) {
            throw new IllegalArgumentException("a futures position needs a positive quantity, entry and mark price, was "
                    + quantity.toPlainString() + " @ " + entryPrice.toPlainString() + " marked " + markPrice.toPlainString());
        }
        if (leverage < 1) {
            throw new IllegalArgumentException("leverage must be at least 1, was " + leverage);
        }
        if (isolatedWallet != null && isolatedWallet.signum() < 0) {
            throw new IllegalArgumentException("an isolated wallet is not negative, was " + isolatedWallet.toPlainString());
        }
    }

    /** +1 long, −1 short. */
    BigDecimal sign() {
        return side == Side.BUY ? BigDecimal.ONE : BigDecimal.ONE.negate();
    }

    /** side × Q × (mark − entry). */
    BigDecimal unrealizedPnl() {
        return sign().multiply(quantity).multiply(markPrice.subtract(entryPrice));
    }
}
