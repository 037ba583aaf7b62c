package io.tradeguard.sim.engine;

/** `cancelRestrictions` of a cancel (binance-api.md §3.5). */
public enum CancelRestriction {
    ONLY_NEW, ONLY_PARTIALLY_FILLED;

    public static CancelRestriction fromWire(String text) {
        return switch (text) {
            case "ONLY_NEW" -> ONLY_NEW;
            case "ONLY_PARTIALLY_FILLED" -> ONLY_PARTIALLY_FILLED;
            default -> null;
        };
    }

    boolean allows(OrderStatus status) {
        return switch (this) {
            case ONLY_NEW -> status == OrderStatus.NEW;
            case ONLY_PARTIALLY_FILLED -> status == OrderStatus.PARTIALLY_FILLED;
        };
    }
}
