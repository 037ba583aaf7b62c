package io.tradeguard.server.api;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.util.Objects;

/** A protective order for an open position ({@code /api/sl-tp/stop-loss|take-profit|trailing-stop}). */
public sealed interface ProtectionRequest {
    Target target();

    /**
     * The position to protect.
     *
     * @param positionId absent: the open position of that symbol and market
     * @param quantity   absent: the whole position
     */
    record Target(Symbol symbol, Market market, String positionId, BigDecimal quantity) {
        public Target {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(market, "market");
            if (quantity != null && quantity.signum() <= 0) {
                throw new IllegalArgumentException("quantity must be positive");
            }
        }
    }

    record StopLoss(Target target, BigDecimal stopPrice) implements ProtectionRequest {
        public StopLoss {
            Objects.requireNonNull(target, "target");
            requirePositive(stopPrice, "stopPrice");
        }
    }

    record TakeProfit(Target target, BigDecimal stopPrice) implements ProtectionRequest {
        public TakeProfit {
            Objects.requireNonNull(target, "target");
            requirePositive(stopPrice, "stopPrice");
        }
    }

    /** @param callbackRate percent (1 = 1 %); @param activationPrice absent: trails from now */
    record TrailingStop(Target target, BigDecimal callbackRate, BigDecimal activationPrice) implements ProtectionRequest {
        public TrailingStop {
            Objects.requireNonNull(target, "target");
            requirePositive(callbackRate, "callbackRate");
            if (activationPrice != null) {
                requirePositive(activationPrice, "activationPrice");
            }
        }
    }

    private static void requirePositive(BigDecimal value, String name) {
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
