package io.tradeguard.sim.engine;

/** Execution type (`x` in executionReport), binance-api.md §4. */
public enum ExecutionType {
    NEW, CANCELED, REJECTED, TRADE, EXPIRED;

    public String wire() {
        return switch (this) {
            case NEW -> "NEW";
            case CANCELED -> "CANCELED";
            case REJECTED -> "REJECTED";
            case TRADE -> "TRADE";
            case EXPIRED -> "EXPIRED";
        };
    }
}
