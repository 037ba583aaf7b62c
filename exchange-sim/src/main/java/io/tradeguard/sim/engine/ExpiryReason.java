package io.tradeguard.sim.engine;

/** Why an order expired (`eR` / `expiryReason`), binance-api.md §4. */
public enum ExpiryReason {
    NONE, EXCHANGE_CANCELED, OCO_TRIGGER, UNFILLED_IOC_QUANTITY_EXPIRED, UNFILLED_FOK_ORDER_EXPIRED,
    INSUFFICIENT_LIQUIDITY;

    public String wire() {
        return switch (this) {
            case NONE -> "NONE";
            case EXCHANGE_CANCELED -> "EXCHANGE_CANCELED";
            case OCO_TRIGGER -> "OCO_TRIGGER";
            case UNFILLED_IOC_QUANTITY_EXPIRED -> "UNFILLED_IOC_QUANTITY_EXPIRED";
            case UNFILLED_FOK_ORDER_EXPIRED -> "UNFILLED_FOK_ORDER_EXPIRED";
            case INSUFFICIENT_LIQUIDITY -> "INSUFFICIENT_LIQUIDITY";
        };
    }
}
