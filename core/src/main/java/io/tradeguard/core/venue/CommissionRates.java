package io.tradeguard.core.venue;

import java.math.BigDecimal;
import java.util.Objects;

/** The commission an account pays on one symbol, as fractions of the traded value (0.001 = 0.1 %). */
public record CommissionRates(BigDecimal maker, BigDecimal taker) {
    public CommissionRates {
        Objects.requireNonNull(maker, "maker");
        Objects.requireNonNull(taker, "taker");
        if (maker.signum() < 0 || taker.signum() < 0 || maker.compareTo(BigDecimal.ONE) >= 0 || taker.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("commission rates are fractions within 0..1, were " + maker.toPlainString()
                    + " / " + taker.toPlainString());
        }
    }
}
