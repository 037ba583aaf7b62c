package io.tradeguard.core.risk;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * The largest safe quantity for a new entry: the risk amount divided by the stop distance, where the
 * distance is widened to {@code atrMultiple} × ATR when the market is more volatile than the stop allows
 * (higher volatility gives a smaller size); then capped by the position-size limits and by the room the
 * symbol's existing exposure leaves. The pre-trade check still runs on the result.
 */
public final class PositionSizer {
    private final RiskConfig config;
    private final BigDecimal atrMultiple;

    /** @param atrMultiple the stop must be at least this many ATRs away (1.5 or 2 are usual) */
    public PositionSizer(RiskConfig config, BigDecimal atrMultiple) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(atrMultiple, "atrMultiple");
        if (atrMultiple.signum() < 0) {
            throw new IllegalArgumentException("ATR multiple must not be negative");
        }
        this.atrMultiple = atrMultiple;
    }

    /**
     * What to size from.
     *
     * @param riskAmount      money to lose at the stop; null to use {@code riskFraction} × equity
     * @param riskFraction    share of equity to lose at the stop (0.01 = 1 %); ignored when riskAmount is given
     * @param atr             recent average true range, or null when unknown
     * @param heldOnSymbol    value already held on the symbol (every market)
     * @param stepSize        lot step of the instrument (0: none)
     */
    public record Request(BigDecimal equity, BigDecimal riskAmount, BigDecimal riskFraction, BigDecimal entry,
                          BigDecimal stopLoss, BigDecimal atr, BigDecimal heldOnSymbol, BigDecimal stepSize) {
        public Request {
            Objects.requireNonNull(equity, "equity");
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(stopLoss, "stopLoss");
            Objects.requireNonNull(heldOnSymbol, "heldOnSymbol");
            Objects.requireNonNull(stepSize, "stepSize");
            if (riskAmount == null && riskFraction == null) {
                throw new IllegalArgumentException("give a risk amount or a risk fraction");
            }
            if (riskAmount != null && riskAmount.signum() <= 0 || riskFraction != null && riskFraction.signum() <= 0) {
                throw new IllegalArgumentException("risk must be positive");
            }
            if (entry.signum() <= 0 || stopLoss.signum() <= 0 || entry.compareTo(stopLoss) == 0) {
                throw new IllegalArgumentException("entry and stop-loss must be positive and different");
            }
            if (atr != null && atr.signum() < 0) {
                throw new IllegalArgumentException("ATR must not be negative");
            }
        }
    }

    /**
     * The size and what bound it.
     *
     * @param boundBy which bound decided the quantity, in words
     */
    public record Size(BigDecimal quantity, BigDecimal stopDistance, String boundBy) {
    }

    public Size size(Request r) {
        BigDecimal risk = r.riskAmount() != null ? r.riskAmount() : r.riskFraction().multiply(r.equity());
        BigDecimal distance = r.entry().subtract(r.stopLoss()).abs();
        String boundBy = "risk " + risk.stripTrailingZeros().toPlainString() + " over the stop distance";
        if (r.atr() != null) {
            BigDecimal atrDistance = r.atr().multiply(atrMultiple);
            if (atrDistance.compareTo(distance) > 0) {
                distance = atrDistance;
                boundBy = "risk " + risk.stripTrailingZeros().toPlainString() + " over " + atrMultiple.toPlainString() + " × ATR";
            }
        }
        BigDecimal quantity = risk.divide(distance, MathContext.DECIMAL64);
        BigDecimal valueCap = null;
        BigDecimal pct = config.value(Limit.MAX_POSITION_SIZE_PCT);
        if (pct != null) {
            valueCap = pct.multiply(r.equity());
        }
        BigDecimal usd = config.value(Limit.MAX_POSITION_SIZE_USD);
        if (usd != null) {
            valueCap = valueCap == null ? usd : valueCap.min(usd);
        }
        if (valueCap != null) {
            BigDecimal byValue = valueCap.divide(r.entry(), MathContext.DECIMAL64);
            if (byValue.compareTo(quantity) < 0) {
                quantity = byValue;
                boundBy = "the position size limit of " + valueCap.stripTrailingZeros().toPlainString();
            }
        }
        BigDecimal exposure = config.value(Limit.MAX_SYMBOL_EXPOSURE_PCT);
        if (exposure != null) {
            BigDecimal room = exposure.multiply(r.equity()).subtract(r.heldOnSymbol());
            BigDecimal byRoom = room.signum() <= 0 ? BigDecimal.ZERO : room.divide(r.entry(), MathContext.DECIMAL64);
            if (byRoom.compareTo(quantity) < 0) {
                quantity = byRoom;
                boundBy = "the room left on the symbol after " + r.heldOnSymbol().stripTrailingZeros().toPlainString() + " already held";
            }
        }
        quantity = OrderUnderCheck.floorToStep(quantity, r.stepSize());
        return new Size(quantity.signum() < 0 ? BigDecimal.ZERO : quantity, distance, boundBy);
    }
}
