package io.tradeguard.core.ledger;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;

import io.tradeguard.core.venue.Fill;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One fill as the ledger sees it: the commission already converted to the quote asset, and the quantity the
 * position changes by (see {@link #of}).
 *
 * @param quantity   how much the position changes by (the wallet's change in the base asset), not always the
 *                   venue's executed quantity
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

    /**
     * The ledger's view of a venue fill. On spot a commission taken in the base asset comes out of the wallet:
     * a BUY of q with commission c leaves q − c in the wallet, a SELL of q with commission c takes q + c out of
     * it. The position follows the wallet, so a position can always be sold in full. The commission is still a
     * fee, counted once: {@code feeInQuote} is c × price, and the cash of the fill is unchanged
     * ((q − c) × price + c × price = q × price paid on a BUY; (q + c) × price − c × price = q × price received
     * on a SELL). On futures the commission never changes the position.
     *
     * @throws IllegalArgumentException when a BUY's base-asset commission is not less than its quantity
     */
    public static LedgerFill of(Market market, Symbol symbol, Asset baseAsset, Asset quoteAsset, Side side, Fill fill,
                                BigDecimal feeInQuote, String exitReason) {
        BigDecimal quantity = fill.quantity().add(walletAdjustment(market, baseAsset, side, fill));
        return new LedgerFill(market, symbol, baseAsset, quoteAsset, side, quantity, fill.price(), feeInQuote,
                fill.tradeId(), fill.time(), exitReason);
    }

    /** What a commission in the base asset adds to the fill's quantity on spot: −c on a BUY, +c on a SELL, else 0. */
    public static BigDecimal walletAdjustment(Market market, Asset baseAsset, Side side, Fill fill) {
        if (market != Market.SPOT || fill.commission().signum() == 0 || !baseAsset.equals(fill.commissionAsset())) {
            return BigDecimal.ZERO;
        }
        return side == Side.BUY ? fill.commission().negate() : fill.commission();
    }
}
