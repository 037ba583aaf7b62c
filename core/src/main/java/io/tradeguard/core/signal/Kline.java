package io.tradeguard.core.signal;

import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One closed candlestick: the prices traded between its open and close time. */
public record Kline(Symbol symbol, Instant openTime, Instant closeTime, BigDecimal open, BigDecimal high,
                    BigDecimal low, BigDecimal close, BigDecimal volume) {

    public Kline {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(openTime, "openTime");
        Objects.requireNonNull(closeTime, "closeTime");
        if (!closeTime.isAfter(openTime)) {
            throw new IllegalArgumentException("kline closes at " + closeTime + ", not after it opens at " + openTime);
        }
        for (BigDecimal price : new BigDecimal[] {open, high, low, close}) {
            if (price == null || price.signum() <= 0) {
                throw new IllegalArgumentException("kline prices must be positive, got " + price);
            }
        }
        if (high.compareTo(open.max(close)) < 0 || low.compareTo(open.min(close)) > 0) {
            throw new IllegalArgumentException("kline high " + high.toPlainString() + " / low " + low.toPlainString()
                    + " do not contain open " + open.toPlainString() + " and close " + close.toPlainString());
        }
        if (volume == null || volume.signum() < 0) {
            throw new IllegalArgumentException("kline volume must not be negative, got " + volume);
        }
    }
}
