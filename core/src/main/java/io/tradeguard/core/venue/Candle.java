package io.tradeguard.core.venue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One kline: open time to close time (inclusive), OHLC, base and quote volume, trade count. */
public record Candle(Instant openTime, Instant closeTime, BigDecimal open, BigDecimal high, BigDecimal low,
                     BigDecimal close, BigDecimal volume, BigDecimal quoteVolume, long trades) {
    public Candle {
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(closeTime, "closeTime");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(quoteVolume, "quoteVolume");
        if (high.compareTo(low) < 0) {
            throw new IllegalArgumentException("a candle's high is below its low");
        }
    }
}
