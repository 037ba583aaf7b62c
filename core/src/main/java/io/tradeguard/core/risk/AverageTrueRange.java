package io.tradeguard.core.risk;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * Volatility as the average true range over the last {@code period} klines: true range = max(high − low,
 * |high − previous close|, |low − previous close|), averaged simply (not Wilder-smoothed).
 */
public final class AverageTrueRange {

    private AverageTrueRange() {
    }

    /** Needs period + 1 klines, oldest first (the first supplies the previous close). */
    public static BigDecimal of(List<Kline> klines, int period) {
        if (period < 1) {
            throw new IllegalArgumentException("ATR period must be at least 1");
        }
        if (klines.size() < period + 1) {
            throw new IllegalArgumentException("ATR(" + period + ") needs " + (period + 1) + " klines, got " + klines.size());
        }
        BigDecimal sum = BigDecimal.ZERO;
        int from = klines.size() - period;
        for (int i = from; i < klines.size(); i++) {
            Kline k = klines.get(i);
            BigDecimal previousClose = klines.get(i - 1).close();
            BigDecimal range = k.high().subtract(k.low())
                    .max(k.high().subtract(previousClose).abs())
                    .max(k.low().subtract(previousClose).abs());
            sum = sum.add(range);
        }
        return sum.divide(BigDecimal.valueOf(period), MathContext.DECIMAL64);
    }
}
