package io.tradeguard.core.signal;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What an accepted signal asks the engine to do. Still subject to the instrument filters (tick and step
 * rounding, minimum notional), the risk rules and the safety gates.
 */
public sealed interface SignalPlan {

    Symbol symbol();

    Market market();

    /**
     * Open a position with protective orders.
     *
     * @param entryType      MARKET, or LIMIT at {@code limitPrice}
     * @param referencePrice the price the quantity was computed from (the limit price, else the last price)
     * @param quantity       base quantity, notional / reference price, rounded down (step rounding follows)
     * @param notional       position value in USDT; margin is notional / leverage
     */
    record OpenPosition(Symbol symbol, Market market, Side side, OrderType entryType, BigDecimal limitPrice,
                        BigDecimal referencePrice, BigDecimal quantity, BigDecimal notional, int leverage,
                        BigDecimal stopLoss, BigDecimal takeProfit) implements SignalPlan {
        public OpenPosition {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(market, "market");
            Objects.requireNonNull(side, "side");
            switch (entryType) {
                case MARKET -> {
                    if (limitPrice != null) {
                        throw new IllegalArgumentException("a market entry has no limit price");
                    }
                }
                case LIMIT -> Objects.requireNonNull(limitPrice, "a limit entry needs a limit price");
                case null -> throw new NullPointerException("entryType");
                default -> throw new IllegalArgumentException("a signal enters with MARKET or LIMIT, not " + entryType);
            }
            requirePositive(referencePrice, "referencePrice");
            requirePositive(quantity, "quantity");
            requirePositive(notional, "notional");
            requirePositive(stopLoss, "stopLoss");
            requirePositive(takeProfit, "takeProfit");
            if (leverage < 1 || market == Market.SPOT && leverage != 1) {
                throw new IllegalArgumentException("leverage " + leverage + " is not possible on " + market);
            }
            int up = side.sign(); // a buy wins when the price rises
            if (stopLoss.compareTo(referencePrice) * up >= 0 || takeProfit.compareTo(referencePrice) * up <= 0) {
                throw new IllegalArgumentException("stop-loss and take-profit must lie on either side of the entry, "
                        + "stop on the losing side: " + side + " at " + referencePrice.toPlainString()
                        + ", stop " + stopLoss.toPlainString() + ", target " + takeProfit.toPlainString());
            }
        }
    }

    /** Close whatever position is open on the symbol (nothing to do when there is none). */
    record ClosePosition(Symbol symbol, Market market) implements SignalPlan {
        public ClosePosition {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(market, "market");
        }
    }

    private static void requirePositive(BigDecimal value, String name) {
        if (value == null || value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
