package io.tradeguard.core.model;

/**
 * Order types of both products. Spot: MARKET … LIMIT_MAKER. Futures: LIMIT, MARKET on the order
 * endpoint; STOP, STOP_MARKET, TAKE_PROFIT, TAKE_PROFIT_MARKET, TRAILING_STOP_MARKET through the algo
 * service; LIQUIDATION only appears in venue reports.
 */
public enum OrderType {
    MARKET, LIMIT, LIMIT_MAKER,
    STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT, TAKE_PROFIT_LIMIT,
    STOP, STOP_MARKET, TAKE_PROFIT_MARKET, TRAILING_STOP_MARKET,
    LIQUIDATION;

    /**
     * Needs a limit price. TAKE_PROFIT differs by product: on spot it executes at market once triggered,
     * on futures it is the limit variant (the market variant is TAKE_PROFIT_MARKET).
     */
    public boolean hasLimitPrice(Market market) {
        return switch (this) {
            case LIMIT, LIMIT_MAKER, STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT, STOP -> true;
            case TAKE_PROFIT -> market == Market.FUTURES;
            case MARKET, STOP_LOSS, STOP_MARKET, TAKE_PROFIT_MARKET, TRAILING_STOP_MARKET, LIQUIDATION -> false;
        };
    }

    /** Waits for a trigger (stop price or trail) before it works. */
    public boolean isConditional() {
        return switch (this) {
            case STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT, TAKE_PROFIT_LIMIT,
                 STOP, STOP_MARKET, TAKE_PROFIT_MARKET, TRAILING_STOP_MARKET -> true;
            case MARKET, LIMIT, LIMIT_MAKER, LIQUIDATION -> false;
        };
    }
}
