package io.tradeguard.core.model;

/**
 * Order status as the venue reports it, plus the engine's own states before the venue has answered:
 * PENDING_SUBMIT (journaled, request not yet acknowledged) and UNKNOWN (request sent, answer lost;
 * resolved by a query by clientOrderId).
 */
public enum OrderStatus {
    PENDING_SUBMIT, UNKNOWN,
    PENDING_NEW, NEW, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED, EXPIRED_IN_MATCH;

    /** No more fills or changes can follow from the venue. */
    public boolean isTerminal() {
        return switch (this) {
            case FILLED, CANCELED, REJECTED, EXPIRED, EXPIRED_IN_MATCH -> true;
            case PENDING_SUBMIT, UNKNOWN, PENDING_NEW, NEW, PARTIALLY_FILLED -> false;
        };
    }

    /** Resting or waiting on the venue. */
    public boolean isOpen() {
        return switch (this) {
            case PENDING_NEW, NEW, PARTIALLY_FILLED -> true;
            case PENDING_SUBMIT, UNKNOWN, FILLED, CANCELED, REJECTED, EXPIRED, EXPIRED_IN_MATCH -> false;
        };
    }
}
