package io.tradeguard.core.order;

import io.tradeguard.core.model.OrderStatus;

import java.util.Optional;

/** What can move an order: a status the venue reported, or one of the engine's own findings. */
public enum OrderTrigger {
    REPORTED_PENDING_NEW, REPORTED_NEW, REPORTED_PARTIALLY_FILLED, REPORTED_FILLED,
    REPORTED_CANCELED, REPORTED_REJECTED, REPORTED_EXPIRED, REPORTED_EXPIRED_IN_MATCH,
    /** The submit's answer was lost and the adapter's query failed too. */
    ANSWER_LOST,
    /** The venue confirmed it does not have the order. */
    NOT_PLACED;

    /** The trigger of a venue-reported status; empty for the engine-only states, which no venue reports. */
    public static Optional<OrderTrigger> reported(OrderStatus status) {
        return REPORTED.get(status); // one Optional per status, not one per execution report
    }

    private static final java.util.Map<OrderStatus, Optional<OrderTrigger>> REPORTED = reportedByStatus();

    private static java.util.Map<OrderStatus, Optional<OrderTrigger>> reportedByStatus() {
        java.util.Map<OrderStatus, Optional<OrderTrigger>> map = new java.util.EnumMap<>(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            map.put(status, Optional.ofNullable(switch (status) {
                case PENDING_NEW -> REPORTED_PENDING_NEW;
                case NEW -> REPORTED_NEW;
                case PARTIALLY_FILLED -> REPORTED_PARTIALLY_FILLED;
                case FILLED -> REPORTED_FILLED;
                case CANCELED -> REPORTED_CANCELED;
                case REJECTED -> REPORTED_REJECTED;
                case EXPIRED -> REPORTED_EXPIRED;
                case EXPIRED_IN_MATCH -> REPORTED_EXPIRED_IN_MATCH;
                case PENDING_SUBMIT, UNKNOWN -> null;
            }));
        }
        return map;
    }

    /** The status an order takes when this trigger advances it. */
    public OrderStatus target() {
        return switch (this) {
            case REPORTED_PENDING_NEW -> OrderStatus.PENDING_NEW;
            case REPORTED_NEW -> OrderStatus.NEW;
            case REPORTED_PARTIALLY_FILLED -> OrderStatus.PARTIALLY_FILLED;
            case REPORTED_FILLED -> OrderStatus.FILLED;
            case REPORTED_CANCELED -> OrderStatus.CANCELED;
            case REPORTED_REJECTED, NOT_PLACED -> OrderStatus.REJECTED;
            case REPORTED_EXPIRED -> OrderStatus.EXPIRED;
            case REPORTED_EXPIRED_IN_MATCH -> OrderStatus.EXPIRED_IN_MATCH;
            case ANSWER_LOST -> OrderStatus.UNKNOWN;
        };
    }
}
