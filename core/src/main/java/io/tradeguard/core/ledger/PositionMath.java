package io.tradeguard.core.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Applies one fill to the position of its symbol: opens on the first fill, adds at a new average entry,
 * reduces or closes on an opposite fill, and flips through zero when the fill is larger than the
 * position. Pure and exact: shares of cost and fees are rounded to {@link #SHARE_SCALE} digits and the
 * remainder stays with the rest, so realized + unrealized always equals the cash flow plus the marked
 * value minus every commission.
 */
public final class PositionMath {

    /** Decimal places of the pro-rata shares of entry cost and fees. */
    static final int SHARE_SCALE = 18;

    /** Market.wireName() lower-cases on every call; a position id is built per opening fill */
    private static final String[] WIRE_NAMES = java.util.Arrays.stream(io.tradeguard.core.model.Market.values())
            .map(io.tradeguard.core.model.Market::wireName).toArray(String[]::new);

    private PositionMath() {
    }

    /**
     * @param before   the position before (null when flat)
     * @param after    the position after (null when flat)
     * @param closed   the round trip this fill finished, else null
     * @param realized net P&L this fill realized (zero when it only opened or added)
     */
    public record Outcome(Position before, Position after, ClosedTrade closed, BigDecimal realized) {
    }

    public static Outcome apply(Position current, LedgerFill fill, int leverage) {
        BigDecimal signed = fill.side().sign() > 0 ? fill.quantity() : fill.quantity().negate();
        if (current == null) {
            return new Outcome(null, open(fill, signed, fill.feeInQuote(), leverage), null, BigDecimal.ZERO);
        }
        if (current.quantity().signum() == signed.signum()) {
            Position added = new Position(current.positionId(), current.market(), current.symbol(),
                    current.baseAsset(), current.quoteAsset(), plus(current.quantity(), signed),
                    plus(current.entryCost(), fill.quantity().multiply(fill.price())),
                    plus(current.openFees(), fill.feeInQuote()), current.realizedPnl(), current.closedQuantity(),
                    current.closedEntryCost(), current.exitValue(), current.closedEntryFees(), current.exitFees(),
                    current.leverage(), current.openedAt(), fill.time(), current.funding());
            return new Outcome(current, added, null, BigDecimal.ZERO);
        }
        return reduce(current, fill, signed, leverage);
    }

    private static Outcome reduce(Position current, LedgerFill fill, BigDecimal signed, int leverage) {
        BigDecimal size = current.size();
        BigDecimal closing = fill.quantity().min(size);
        BigDecimal exitFee = share(fill.feeInQuote(), closing, fill.quantity());
        BigDecimal costClosed = share(current.entryCost(), closing, size);
        BigDecimal entryFeeClosed = share(current.openFees(), closing, size);
        BigDecimal exitValue = closing.multiply(fill.price());
        BigDecimal gross = minus(exitValue, costClosed);
        if (current.side() == PositionSide.SHORT) {
            gross = gross.negate();
        }
        BigDecimal realized = minus(minus(gross, entryFeeClosed), exitFee);

        BigDecimal remaining = current.quantity().add(current.side() == PositionSide.LONG ? closing.negate() : closing);
        BigDecimal realizedTotal = plus(current.realizedPnl(), realized);
        BigDecimal closedQuantity = plus(current.closedQuantity(), closing);
        BigDecimal closedEntryCost = plus(current.closedEntryCost(), costClosed);
        BigDecimal exitValueTotal = plus(current.exitValue(), exitValue);
        BigDecimal closedEntryFees = plus(current.closedEntryFees(), entryFeeClosed);
        BigDecimal exitFees = plus(current.exitFees(), exitFee);

        if (remaining.signum() != 0) {
            Position reduced = new Position(current.positionId(), current.market(), current.symbol(),
                    current.baseAsset(), current.quoteAsset(), remaining, minus(current.entryCost(), costClosed),
                    minus(current.openFees(), entryFeeClosed), realizedTotal, closedQuantity, closedEntryCost,
                    exitValueTotal, closedEntryFees, exitFees, current.leverage(), current.openedAt(), fill.time(),
                    current.funding());
            return new Outcome(current, reduced, null, realized);
        }

        BigDecimal margin = plus(closedEntryCost, closedEntryFees);
        // the stake only divides the P&L below, whose result does not depend on the stake's scale: unlevered, and
        // exact at SHARE_SCALE already, dividing by 1 would change nothing but the scale
        BigDecimal stake = current.leverage() == 1 && margin.scale() <= SHARE_SCALE ? margin
                : margin.divide(BigDecimal.valueOf(current.leverage()), SHARE_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal ratio = stake.signum() == 0 ? BigDecimal.ZERO
                : realizedTotal.divide(stake, Position.PRICE_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
        ClosedTrade trade = new ClosedTrade(current.positionId(), current.positionId(), current.market(),
                current.symbol(), current.side(), closedQuantity,
                closedEntryCost.divide(closedQuantity, Position.PRICE_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros(),
                exitValueTotal.divide(closedQuantity, Position.PRICE_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros(),
                plus(closedEntryFees, exitFees), current.funding(), realizedTotal, ratio, current.leverage(),
                fill.exitReason(), current.openedAt(), fill.time());

        BigDecimal rest = fill.quantity().subtract(closing);
        Position flipped = rest.signum() == 0 ? null
                : open(fill, signed.signum() > 0 ? rest : rest.negate(), minus(fill.feeInQuote(), exitFee), leverage);
        return new Outcome(current, flipped, trade, realized);
    }

    private static Position open(LedgerFill fill, BigDecimal signedQuantity, BigDecimal fee, int leverage) {
        return new Position(WIRE_NAMES[fill.market().ordinal()] + ":" + fill.symbol().value() + ":" + fill.fillId(), fill.market(), fill.symbol(),
                fill.baseAsset(), fill.quoteAsset(), signedQuantity, signedQuantity.abs().multiply(fill.price()),
                fee, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, leverage, fill.time(), fill.time());
    }

    /**
     * {@code a.add(b)}, without a new object when one side is a zero whose scale the sum would not raise: the same
     * value at the same scale either way. Most of a round trip's running totals start at zero.
     */
    static BigDecimal plus(BigDecimal a, BigDecimal b) {
        if (a.signum() == 0 && a.scale() <= b.scale()) {
            return b;
        }
        if (b.signum() == 0 && b.scale() <= a.scale()) {
            return a;
        }
        return a.add(b);
    }

    /** {@code a.subtract(b)}, without a new object when b is a zero whose scale the difference would not raise. */
    static BigDecimal minus(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0 && b.scale() <= a.scale()) {
            return a;
        }
        return a.subtract(b);
    }

    /** amount × part / whole, the whole amount when part is all of it (no rounding on a full close). */
    private static BigDecimal share(BigDecimal amount, BigDecimal part, BigDecimal whole) {
        if (part.compareTo(whole) == 0) {
            return amount;
        }
        return amount.multiply(part).divide(whole, SHARE_SCALE, RoundingMode.HALF_EVEN);
    }
}
