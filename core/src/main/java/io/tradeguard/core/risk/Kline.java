package io.tradeguard.core.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One candle: open time and OHLC prices (volume is not needed by the rules). */
public record Kline(Instant openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close) {
    public Kline {
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        if (low.signum() <= 0 || high.compareTo(low) < 0 || open.compareTo(low) < 0 || open.compareTo(high) > 0
                || close.compareTo(low) < 0 || close.compareTo(high) > 0) {
            throw new IllegalArgumentException("a kline needs 0 < low <= open, close <= high");
        }
    }
}
