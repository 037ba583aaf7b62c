package io.tradeguard.core.protection;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An entry order's fills so far: what the protection must cover.
 *
 * @param entrySide        BUY opens a long, SELL a (futures) short
 * @param filledQuantity   cumulative filled quantity (net of base-asset commission on spot)
 * @param averagePrice     average fill price
 * @param liquidationPrice the position's estimated liquidation price on futures, or null (spot, or unknown)
 */
public record EntryFill(Market market, Symbol symbol, Side entrySide, BigDecimal filledQuantity,
                        BigDecimal averagePrice, BigDecimal liquidationPrice) {
    public EntryFill {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(entrySide, "entrySide");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(averagePrice, "averagePrice");
        if (filledQuantity.signum() <= 0 || averagePrice.signum() <= 0) {
            throw new IllegalArgumentException("an entry fill needs a positive quantity and price");
        }
        if (liquidationPrice != null && liquidationPrice.signum() < 0) {
            throw new IllegalArgumentException("liquidation price must not be negative");
        }
    }
}
