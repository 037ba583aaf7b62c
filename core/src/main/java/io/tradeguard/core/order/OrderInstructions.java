package io.tradeguard.core.order;

import java.math.BigDecimal;

/**
 * What an order asks of tradeguard beyond the venue's own fields, carried with the order into the journal so a
 * restart still knows it: the futures leverage, the protection wanted after the entry fills, and where the order
 * came from (a signal's strategy and confidence, for learning).
 *
 * @param leverage        futures leverage for the symbol; null: the configured default (ignored on spot)
 * @param protect         false: no automatic stop-loss / take-profit for this order
 * @param stopLossPrice   the order's own stop-loss price, or null for the configured distance
 * @param takeProfitPrice the order's own take-profit price, or null for the configured distance
 * @param trailingPct     a trailing stop at this fraction below (long) / above (short) the best price instead of a
 *                        fixed stop-loss, or null
 * @param strategy        the strategy that asked for the order (signals), or null
 * @param confidence      the signal's confidence 0..1, or null
 */
public record OrderInstructions(Integer leverage, boolean protect, BigDecimal stopLossPrice, BigDecimal takeProfitPrice,
                                BigDecimal trailingPct, String strategy, BigDecimal confidence) {

    /** Nothing beyond the defaults: configured leverage and the configured protection. */
    public static final OrderInstructions DEFAULTS = new OrderInstructions(null, true, null, null, null, null, null);

    public OrderInstructions {
        if (leverage != null && leverage < 1) {
            throw new IllegalArgumentException("leverage must be at least 1, was " + leverage);
        }
        requirePositive(stopLossPrice, "stop-loss price");
        requirePositive(takeProfitPrice, "take-profit price");
        if (trailingPct != null && (trailingPct.signum() <= 0 || trailingPct.compareTo(BigDecimal.ONE) >= 0)) {
            throw new IllegalArgumentException("a trailing distance is a fraction above 0 and below 1, was "
                    + trailingPct.toPlainString());
        }
        if (confidence != null && (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("confidence must lie within 0..1, was " + confidence.toPlainString());
        }
        strategy = strategy == null || strategy.isBlank() ? null : strategy.strip();
    }

    public OrderInstructions withLeverage(Integer newLeverage) {
        return new OrderInstructions(newLeverage, protect, stopLossPrice, takeProfitPrice, trailingPct, strategy, confidence);
    }

    public OrderInstructions withProtection(boolean newProtect, BigDecimal stopLoss, BigDecimal takeProfit,
                                            BigDecimal trailing) {
        return new OrderInstructions(leverage, newProtect, stopLoss, takeProfit, trailing, strategy, confidence);
    }

    public OrderInstructions withSource(String newStrategy, BigDecimal newConfidence) {
        return new OrderInstructions(leverage, protect, stopLossPrice, takeProfitPrice, trailingPct, newStrategy, newConfidence);
    }

    private static void requirePositive(BigDecimal value, String name) {
        if (value != null && value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value.toPlainString());
        }
    }
}
