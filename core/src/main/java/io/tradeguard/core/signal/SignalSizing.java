package io.tradeguard.core.signal;

import java.math.BigDecimal;
import java.util.Objects;

/** How big a position a signal opens when the signal does not name its own size_usd. */
public sealed interface SignalSizing {

    /** The same position value for every signal (default 200 USDT; on futures at the default leverage). */
    record FixedNotional(BigDecimal notionalUsd) implements SignalSizing {
        public FixedNotional {
            if (notionalUsd == null || notionalUsd.signum() <= 0) {
                throw new IllegalArgumentException("fixed signal notional must be positive, was " + notionalUsd);
            }
        }
    }

    /** Size from the risk engine's sizing (stop distance, equity, volatility). */
    record RiskBased(PositionSizer sizer) implements SignalSizing {
        public RiskBased {
            Objects.requireNonNull(sizer, "sizer");
        }
    }
}
