package io.tradeguard.sim.engine;

/** Order status (`status`, `X`), binance-api.md §4. */
public enum OrderStatus {
    NEW, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED;

    public String wire() {
        return switch (this) {
            case NEW -> "NEW";
            case PARTIALLY_FILLED -> "PARTIALLY_FILLED";
            case FILLED -> "FILLED";
            case CANCELED -> "CANCELED";
            case REJECTED -> "REJECTED";
            case EXPIRED -> "EXPIRED";
        };
    }

    public boolean isOpen() {
        return this == NEW || this == PARTIALLY_FILLED;
    }
}
