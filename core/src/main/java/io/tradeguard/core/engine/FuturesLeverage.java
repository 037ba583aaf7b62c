package io.tradeguard.core.engine;

import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.order.OrderInstructions;
import io.tradeguard.core.order.OrderIntent;

/**
 * The leverage a futures entry is sent at: the order's own, else the open position's, else the configured
 * default; never above the cap. One symbol has one leverage on the venue, so an entry that asks for another
 * leverage than its open position's is refused rather than silently re-levering the position.
 *
 * @param defaultLeverage used when the order names none (10x by default)
 * @param cap             the configured cap, itself never above the hard cap of 20x
 */
record FuturesLeverage(int defaultLeverage, int cap) {

    /** Binance's own ceiling: no configuration goes above it. */
    static final int HARD_CAP = io.tradeguard.core.risk.RiskConfig.HARD_MAX_LEVERAGE;

    FuturesLeverage {
        if (cap < 1 || cap > HARD_CAP) {
            throw new IllegalArgumentException("the leverage cap must be within 1.." + HARD_CAP + "x, was " + cap + "x");
        }
        if (defaultLeverage < 1 || defaultLeverage > cap) {
            throw new IllegalArgumentException("the default leverage must be within 1.." + cap + "x (the cap), was "
                    + defaultLeverage + "x");
        }
    }

    static FuturesLeverage defaults() {
        return new FuturesLeverage(10, 10);
    }

    /** @param intent the entry with its leverage resolved, or null with a refusal */
    record Decision(OrderIntent intent, String refusal) {
    }

    Decision decide(OrderIntent intent, Position open) {
        Integer asked = intent.instructions().leverage();
        int leverage = asked != null ? asked : open != null ? open.leverage() : defaultLeverage;
        if (leverage > cap) {
            return new Decision(null, "leverage " + leverage + "x for " + intent.symbol() + " is above the cap of " + cap
                    + "x; lower it to " + cap + "x or less");
        }
        if (open != null && open.leverage() != leverage) {
            return new Decision(null, "the " + intent.symbol() + " futures position is open at " + open.leverage()
                    + "x; an order at " + leverage + "x would re-lever it: close it first or trade it at "
                    + open.leverage() + "x");
        }
        OrderInstructions instructions = intent.instructions().withLeverage(leverage);
        return new Decision(new OrderIntent(intent.market(), intent.symbol(), intent.side(), intent.type(),
                intent.timeInForce(), intent.quantity(), intent.quoteQuantity(), intent.price(), intent.stopPrice(),
                intent.trailingDelta(), intent.callbackRate(), intent.activationPrice(), intent.reduceOnly(),
                intent.closePosition(), intent.origin(), intent.reason(), instructions), null);
    }
}
