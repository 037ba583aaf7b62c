package io.tradeguard.core.signal;

import io.tradeguard.core.model.Side;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Risk-based sizing of a signal's position, implemented by the risk engine (volatility-aware sizing).
 * Pure: it sees what it is given and decides; equity and volatility are its own inputs.
 */
@FunctionalInterface
public interface PositionSizer {

    Result size(Request request);

    /**
     * @param entryPrice    the price the entry is expected at (limit price, else the last price)
     * @param stopLossPrice the stop the position will be protected with
     */
    record Request(Signal signal, Side side, BigDecimal entryPrice, BigDecimal stopLossPrice, int leverage) {
        public Request {
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(entryPrice, "entryPrice");
            Objects.requireNonNull(stopLossPrice, "stopLossPrice");
            if (leverage < 1) {
                throw new IllegalArgumentException("leverage must be at least 1, was " + leverage);
            }
        }
    }

    sealed interface Result {
        /** Position value in USDT (not margin: margin is notional / leverage). */
        record Notional(BigDecimal usd) implements Result {
            public Notional {
                if (usd == null || usd.signum() <= 0) {
                    throw new IllegalArgumentException("sized notional must be positive, was " + usd);
                }
            }
        }

        /** The sizer will not size this trade; the reason is shown to the user. */
        record Refused(String reason) implements Result {
            public Refused {
                if (reason == null || reason.isBlank()) {
                    throw new IllegalArgumentException("a refusal needs a reason");
                }
            }
        }
    }
}
