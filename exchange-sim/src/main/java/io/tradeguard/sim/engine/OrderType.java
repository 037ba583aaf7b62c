package io.tradeguard.sim.engine;

/** Spot order types (binance-api.md §3.4). */
public enum OrderType {
    LIMIT, MARKET, STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT, TAKE_PROFIT_LIMIT, LIMIT_MAKER;

    public String wire() {
        return switch (this) {
            case LIMIT -> "LIMIT";
            case MARKET -> "MARKET";
            case STOP_LOSS -> "STOP_LOSS";
            case STOP_LOSS_LIMIT -> "STOP_LOSS_LIMIT";
            case TAKE_PROFIT -> "TAKE_PROFIT";
            case TAKE_PROFIT_LIMIT -> "TAKE_PROFIT_LIMIT";
            case LIMIT_MAKER -> "LIMIT_MAKER";
        };
    }

    public static OrderType fromWire(String text) {
        return switch (text) {
            case "LIMIT" -> LIMIT;
            case "MARKET" -> MARKET;
            case "STOP_LOSS" -> STOP_LOSS;
            case "STOP_LOSS_LIMIT" -> STOP_LOSS_LIMIT;
            case "TAKE_PROFIT" -> TAKE_PROFIT;
            case "TAKE_PROFIT_LIMIT" -> TAKE_PROFIT_LIMIT;
            case "LIMIT_MAKER" -> LIMIT_MAKER;
            default -> null;
        };
    }

    /** Stop and take-profit types wait for a trigger before they work. */
    public boolean isConditional() {
        return switch (this) {
            case STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT, TAKE_PROFIT_LIMIT -> true;
            case LIMIT, MARKET, LIMIT_MAKER -> false;
        };
    }

    public boolean isStopLoss() {
        return this == STOP_LOSS || this == STOP_LOSS_LIMIT;
    }

    /** Types that carry a limit price (after triggering, for the conditional ones). */
    public boolean hasLimitPrice() {
        return switch (this) {
            case LIMIT, STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT, LIMIT_MAKER -> true;
            case MARKET, STOP_LOSS, TAKE_PROFIT -> false;
        };
    }

    public boolean needsTimeInForce() {
        return switch (this) {
            case LIMIT, STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT -> true;
            case MARKET, STOP_LOSS, TAKE_PROFIT, LIMIT_MAKER -> false;
        };
    }
}
