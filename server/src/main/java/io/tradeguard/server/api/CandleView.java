package io.tradeguard.server.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One kline as the venue reported it; the newest one of a series may still be open (its close moves). */
public record CandleView(Instant openTime, Instant closeTime, BigDecimal open, BigDecimal high, BigDecimal low,
                         BigDecimal close, BigDecimal volume, BigDecimal quoteVolume, long trades) {
    public CandleView {
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(closeTime, "closeTime");
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(high, "high");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(close, "close");
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(quoteVolume, "quoteVolume");
    }
}
