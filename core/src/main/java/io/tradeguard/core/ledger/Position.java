package io.tradeguard.core.ledger;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * An open position in one symbol (net, one-way), from the first fill until it is flat again. Amounts are
 * in the quote asset and kept exactly: the entry cost and the entry fees of the open part are carried as
 * totals, and a partial close takes its share of both with the remainder staying in the position, so no
 * rounding ever creates or destroys money (the average entry price is derived for display only).
 *
 * @param positionId      stable id of this round trip: symbol and the trade id of the opening fill
 * @param quantity        signed: positive long, negative short, never zero
 * @param entryCost       sum of price × quantity of the open part (positive)
 * @param openFees        entry commissions (in quote) of the open part, not yet realized
 * @param realizedPnl     net P&L realized so far in this round trip (both sides' commissions deducted)
 * @param closedQuantity  quantity closed so far in this round trip
 * @param closedEntryCost entry cost of the closed quantity
 * @param exitValue       sum of exit price × quantity of the closed quantity
 * @param closedEntryFees entry fees of the closed quantity
 * @param exitFees        exit fees paid so far
 * @param leverage        1 on spot
 * @param funding         futures funding received (positive) or paid (negative) in this round trip; already
 *                        part of realizedPnl; zero on spot (journals written before it existed read as zero)
 */
public record Position(String positionId, Market market, Symbol symbol, Asset baseAsset, Asset quoteAsset,
                       BigDecimal quantity, BigDecimal entryCost, BigDecimal openFees, BigDecimal realizedPnl,
                       BigDecimal closedQuantity, BigDecimal closedEntryCost, BigDecimal exitValue,
                       BigDecimal closedEntryFees, BigDecimal exitFees, int leverage,
                       Instant openedAt, Instant updatedAt, BigDecimal funding) {

    static final int PRICE_SCALE = 12;

    public Position {
        funding = funding == null ? BigDecimal.ZERO : funding;
        Objects.requireNonNull(positionId, "positionId");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(baseAsset, "baseAsset");
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(entryCost, "entryCost");
        Objects.requireNonNull(openFees, "openFees");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(closedQuantity, "closedQuantity");
        Objects.requireNonNull(closedEntryCost, "closedEntryCost");
        Objects.requireNonNull(exitValue, "exitValue");
        Objects.requireNonNull(closedEntryFees, "closedEntryFees");
        Objects.requireNonNull(exitFees, "exitFees");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (quantity.signum() == 0) {
            throw new IllegalArgumentException("a position is never flat; a flat position is closed");
        }
        if (entryCost.signum() < 0 || openFees.signum() < 0) {
            throw new IllegalArgumentException("entry cost and fees must not be negative");
        }
        if (leverage < 1) {
            throw new IllegalArgumentException("leverage must be at least 1");
        }
    }

    /** A position without funding (spot, or futures before any funding). */
    public Position(String positionId, Market market, Symbol symbol, Asset baseAsset, Asset quoteAsset,
                    BigDecimal quantity, BigDecimal entryCost, BigDecimal openFees, BigDecimal realizedPnl,
                    BigDecimal closedQuantity, BigDecimal closedEntryCost, BigDecimal exitValue,
                    BigDecimal closedEntryFees, BigDecimal exitFees, int leverage, Instant openedAt, Instant updatedAt) {
        this(positionId, market, symbol, baseAsset, quoteAsset, quantity, entryCost, openFees, realizedPnl, closedQuantity,
                closedEntryCost, exitValue, closedEntryFees, exitFees, leverage, openedAt, updatedAt, BigDecimal.ZERO);
    }

    /** This position after a funding payment (negative: paid), which is realized P&L of the round trip. */
    public Position withFunding(BigDecimal payment, Instant time) {
        return new Position(positionId, market, symbol, baseAsset, quoteAsset, quantity, entryCost, openFees,
                realizedPnl.add(payment), closedQuantity, closedEntryCost, exitValue, closedEntryFees, exitFees, leverage,
                openedAt, time, funding.add(payment));
    }

    public PositionSide side() {
        return quantity.signum() > 0 ? PositionSide.LONG : PositionSide.SHORT;
    }

    public BigDecimal size() {
        return quantity.abs();
    }

    /** Average entry price of the open part. */
    public BigDecimal entryPrice() {
        return entryCost.divide(size(), PRICE_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    /** P&L if closed at this price without exit fees, net of the open part's entry fees. */
    public BigDecimal unrealizedPnl(BigDecimal markPrice) {
        BigDecimal gross = size().multiply(markPrice).subtract(entryCost);
        if (side() == PositionSide.SHORT) {
            gross = gross.negate();
        }
        return gross.subtract(openFees);
    }

    /** Notional value at this price (absolute). */
    public BigDecimal exposure(BigDecimal markPrice) {
        return size().multiply(markPrice);
    }
}
