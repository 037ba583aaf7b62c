package io.tradeguard.core.venue;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One notional bracket of a USD-M contract's maintenance margin (GET /fapi/v1/leverageBracket): a position whose
 * notional lies within [{@code notionalFloor}, {@code notionalCap}) needs notional × {@code maintMarginRatio} −
 * {@code maintAmount} ({@code cum}) of maintenance margin, and may use at most {@code initialLeverage}.
 */
public record MaintenanceBracket(int bracket, int initialLeverage, BigDecimal notionalFloor, BigDecimal notionalCap,
                                 BigDecimal maintMarginRatio, BigDecimal maintAmount) {
    public MaintenanceBracket {
        Objects.requireNonNull(notionalFloor, "notionalFloor");
        Objects.requireNonNull(notionalCap, "notionalCap");
        Objects.requireNonNull(maintMarginRatio, "maintMarginRatio");
        Objects.requireNonNull(maintAmount, "maintAmount");
        if (notionalFloor.signum() < 0 || notionalCap.compareTo(notionalFloor) <= 0) {
            throw new IllegalArgumentException("a bracket spans a positive notional range, was " + notionalFloor.toPlainString()
                    + ".." + notionalCap.toPlainString());
        }
        if (maintMarginRatio.signum() <= 0 || maintMarginRatio.compareTo(BigDecimal.ONE) >= 0 || maintAmount.signum() < 0) {
            throw new IllegalArgumentException("a maintenance rate is a fraction within 0..1 and its amount not negative, were "
                    + maintMarginRatio.toPlainString() + " / " + maintAmount.toPlainString());
        }
        if (initialLeverage < 1) {
            throw new IllegalArgumentException("a bracket's leverage is at least 1, was " + initialLeverage);
        }
    }

    /** Whether a position of this notional falls in the bracket. */
    public boolean holds(BigDecimal notional) {
        return notional.compareTo(notionalFloor) >= 0 && notional.compareTo(notionalCap) < 0;
    }
}
