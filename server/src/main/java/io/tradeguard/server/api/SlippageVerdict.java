package io.tradeguard.server.api;

import java.math.BigDecimal;
import java.util.Objects;

/** Slippage as a fraction against the configured maximum; adverse slippage only counts against the limit. */
public record SlippageVerdict(boolean acceptable, BigDecimal slippagePct, BigDecimal maxSlippagePct, String message) {
    public SlippageVerdict {
        Objects.requireNonNull(slippagePct, "slippagePct");
        Objects.requireNonNull(maxSlippagePct, "maxSlippagePct");
        Objects.requireNonNull(message, "message");
    }
}
