package io.tradeguard.core.protection;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.OrderRequest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** What to place to protect a position, or why nothing can be. */
public sealed interface ProtectionPlan {

    /**
     * Spot: one OCO list ({@code POST /api/v3/orderList/oco}) selling the holding: the above leg a
     * TAKE_PROFIT triggering at {@code takeProfit}, the below leg a STOP_LOSS triggering at {@code stopLoss};
     * both execute at market when triggered, and the exchange cancels the other leg.
     */
    record SpotOco(Symbol symbol, Side side, BigDecimal quantity, BigDecimal takeProfit, BigDecimal stopLoss,
                   ClientOrderId listClientOrderId, ClientOrderId aboveClientOrderId,
                   ClientOrderId belowClientOrderId) implements ProtectionPlan {
        public SpotOco {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(takeProfit, "takeProfit");
            Objects.requireNonNull(stopLoss, "stopLoss");
            Objects.requireNonNull(listClientOrderId, "listClientOrderId");
            Objects.requireNonNull(aboveClientOrderId, "aboveClientOrderId");
            Objects.requireNonNull(belowClientOrderId, "belowClientOrderId");
            if (side != Side.SELL || takeProfit.compareTo(stopLoss) <= 0) {
                throw new IllegalArgumentException("a spot protection OCO sells, with the take-profit above the stop-loss");
            }
        }

        public List<ClientOrderId> orderIds() {
            return List.of(aboveClientOrderId, belowClientOrderId);
        }
    }

    /**
     * Futures: reduce-only STOP_MARKET and TAKE_PROFIT_MARKET (algo service); when one fills the engine
     * cancels the other ({@link #counterpart}).
     */
    record FuturesBracket(OrderRequest stopLoss, OrderRequest takeProfit) implements ProtectionPlan {
        public FuturesBracket {
            Objects.requireNonNull(stopLoss, "stopLoss");
            Objects.requireNonNull(takeProfit, "takeProfit");
            if (!stopLoss.reduceOnly() || !takeProfit.reduceOnly()) {
                throw new IllegalArgumentException("futures protection orders are reduce-only");
            }
        }

        public List<ClientOrderId> orderIds() {
            return List.of(stopLoss.clientOrderId(), takeProfit.clientOrderId());
        }

        /** The order to cancel when the given one has filled. */
        public ClientOrderId counterpart(ClientOrderId filled) {
            if (filled.equals(stopLoss.clientOrderId())) {
                return takeProfit.clientOrderId();
            }
            if (filled.equals(takeProfit.clientOrderId())) {
                return stopLoss.clientOrderId();
            }
            throw new IllegalArgumentException(filled + " is not part of this bracket");
        }
    }

    /** No protection can be placed; the reason says why in words. */
    record Refused(String reason) implements ProtectionPlan {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
