package io.tradeguard.core.risk;

import io.tradeguard.core.model.MarginType;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What the liquidation estimate knows of the USD-M futures account besides the order itself.
 *
 * @param marginType    the margin type the order's symbol trades in (its open position's, else the one the engine
 *                      sets before its first order there); null when not known
 * @param walletBalance the futures wallet balance of the margin asset: the cross wallet plus every isolated wallet
 *                      (binance-api.md §6.5: crossWalletBalance = balance − isolated margins); null when not known
 * @param positions     every open futures position, the order's symbol's included
 */
public record FuturesMargin(MarginType marginType, BigDecimal walletBalance, List<MarginPosition> positions) {

    /** No account figures: every futures entry is judged as a new isolated position (what the rule always did). */
    public static final FuturesMargin NEW_ISOLATED = new FuturesMargin(MarginType.ISOLATED, null, List.of());

    public FuturesMargin {
        positions = List.copyOf(Objects.requireNonNull(positions, "positions"));
        if (positions.size() > 1) {
            // built before every futures entry: a set, not a comparison of every pair (100 positions, 4,950 pairs)
            java.util.Set<Symbol> seen = new java.util.HashSet<>(positions.size() * 2);
            for (MarginPosition p : positions) {
                if (!seen.add(p.symbol())) {
                    throw new IllegalArgumentException("one position per symbol in one-way mode, " + p.symbol()
                            + " was given twice");
                }
            }
        }
    }

    /** The open position of the symbol, or null. */
    MarginPosition position(Symbol symbol) {
        for (MarginPosition p : positions) {
            if (p.symbol().equals(symbol)) {
                return p;
            }
        }
        return null;
    }
}
