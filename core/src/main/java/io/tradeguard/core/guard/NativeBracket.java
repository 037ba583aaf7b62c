package io.tradeguard.core.guard;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.OcoLegIds;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A position's protection as a native OCO on the exchange (journaled in the guards' state, so a restart knows
 * which list protects which position). On spot the legs are one OCO list; on futures two reduce-only algo orders
 * (STOP_MARKET or TRAILING_STOP_MARKET, and TAKE_PROFIT_MARKET) that the guards pair: the exchange does not cancel
 * one when the other works, the guards do.
 *
 * @param listClientOrderId null while the engine has not yet given the list its id
 * @param stopLoss          null for a trailing stop-loss leg
 * @param trailingDeltaBips the trailing stop-loss leg's distance (on futures sent as callbackRate in percent), or
 *                          null for a fixed stop
 */
public record NativeBracket(Market market, Symbol symbol, String positionId, ClientOrderId listClientOrderId,
                            BigDecimal quantity, BigDecimal takeProfit, BigDecimal stopLoss, Integer trailingDeltaBips,
                            Stage stage) {

    public enum Stage {
        /** sent to the engine, legs not acknowledged yet */
        PLACING,
        /** both legs rest on the exchange */
        LIVE,
        /** cancelled to be placed again for a new size */
        RESIZING,
        /** cancelled because the position is being closed by other means */
        CANCELLING
    }

    public NativeBracket {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(positionId, "positionId");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(takeProfit, "takeProfit");
        Objects.requireNonNull(stage, "stage");
    }

    public NativeBracket with(Stage next) {
        return new NativeBracket(market, symbol, positionId, listClientOrderId, quantity, takeProfit, stopLoss,
                trailingDeltaBips, next);
    }

    public NativeBracket withList(ClientOrderId list) {
        return new NativeBracket(market, symbol, positionId, list, quantity, takeProfit, stopLoss, trailingDeltaBips, stage);
    }

    /** Whether the order is one of this bracket's legs. */
    public boolean hasLeg(ClientOrderId id) {
        if (listClientOrderId == null) {
            return false;
        }
        if (market == Market.FUTURES) {
            // before the engine journaled a leg the id is the label, which the engine prefixes ("TGP_" + label)
            String v = id.value();
            String sl = stopLossLeg().value();
            String tp = takeProfitLeg().value();
            return v.equals(sl) || v.equals(tp) || v.endsWith("_" + sl) || v.endsWith("_" + tp);
        }
        return OcoLegIds.listOf(id).map(listClientOrderId::equals).orElse(false);
    }

    /**
     * The take-profit leg's client id. On futures the two legs are separate algo orders whose ids the guards
     * choose (the bracket id plus {@code -tp} / {@code -sl}: an order label allows no dot), so a restart finds them.
     */
    public ClientOrderId takeProfitLeg() {
        return market == Market.FUTURES ? ClientOrderId.of(listClientOrderId.value() + "-tp") : OcoLegIds.takeProfit(listClientOrderId);
    }

    /** The stop-loss (or trailing stop) leg's client id. */
    public ClientOrderId stopLossLeg() {
        return market == Market.FUTURES ? ClientOrderId.of(listClientOrderId.value() + "-sl") : OcoLegIds.stopLoss(listClientOrderId);
    }
}
