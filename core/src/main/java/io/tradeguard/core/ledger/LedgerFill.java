package io.tradeguard.core.ledger;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One fill as the ledger sees it: the commission already converted to the quote asset.
 *
 * @param fillId     venue trade id, used to name the position it opens
 * @param exitReason recorded on the closed trade when this fill closes a position
 */
public record LedgerFill(Market market, Symbol symbol, Asset baseAsset, Asset quoteAsset, Side side,
                         BigDecimal quantity, BigDecimal price, BigDecimal feeInQuote, long fillId,
                         Instant time, String exitReason) {
    public LedgerFill {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(baseAsset, "baseAsset");
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(feeInQuote, "feeInQuote");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(exitReason, "exitReason");
        if (quantity.signum() <= 0 || price.signum() <= 0) {
            throw new IllegalArgumentException("a fill needs a positive quantity and price");
        }
        if (feeInQuote.signum() < 0) {
            throw new IllegalArgumentException("a fee must not be negative");
        }
    }
}
