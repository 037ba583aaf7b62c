package io.tradeguard.core.order;

import io.tradeguard.core.model.OrderStatus;

/**
 * The order state machine, as one table: for each (current status, trigger) whether the order moves to
 * the trigger's target status, stays where it is, or the pair is impossible and must be reported.
 *
 * <p>STAY covers duplicates and reports that arrive late: a NEW after PARTIALLY_FILLED, or a
 * PARTIALLY_FILLED after the cancel was accepted. A late report's fill is still applied: fills are
 * facts about money and are idempotent by trade id; only the status ignores the stale report.
 */
public final class OrderTransitions {

    public enum Move { ADVANCE, STAY, ILLEGAL }

    private OrderTransitions() {
    }

    public static Move move(OrderStatus from, OrderTrigger trigger) {
        return switch (from) {
            case PENDING_SUBMIT -> switch (trigger) {
                case REPORTED_PENDING_NEW, REPORTED_NEW, REPORTED_PARTIALLY_FILLED, REPORTED_FILLED,
                     REPORTED_CANCELED, REPORTED_REJECTED, REPORTED_EXPIRED, REPORTED_EXPIRED_IN_MATCH,
                     ANSWER_LOST, NOT_PLACED -> Move.ADVANCE;
            };
            case UNKNOWN -> switch (trigger) {
                case REPORTED_PENDING_NEW, REPORTED_NEW, REPORTED_PARTIALLY_FILLED, REPORTED_FILLED,
                     REPORTED_CANCELED, REPORTED_REJECTED, REPORTED_EXPIRED, REPORTED_EXPIRED_IN_MATCH,
                     NOT_PLACED -> Move.ADVANCE;
                case ANSWER_LOST -> Move.STAY;
            };
            case PENDING_NEW -> switch (trigger) {
                case REPORTED_PENDING_NEW -> Move.STAY;
                case REPORTED_NEW, REPORTED_PARTIALLY_FILLED, REPORTED_FILLED, REPORTED_CANCELED,
                     REPORTED_REJECTED, REPORTED_EXPIRED, REPORTED_EXPIRED_IN_MATCH -> Move.ADVANCE;
                // the venue already answered: a lost answer or "not placed" contradicts it
                case ANSWER_LOST, NOT_PLACED -> Move.ILLEGAL;
            };
            case NEW -> switch (trigger) {
                case REPORTED_PENDING_NEW, REPORTED_NEW -> Move.STAY;
                case REPORTED_PARTIALLY_FILLED, REPORTED_FILLED, REPORTED_CANCELED, REPORTED_EXPIRED,
                     REPORTED_EXPIRED_IN_MATCH -> Move.ADVANCE;
                case REPORTED_REJECTED, ANSWER_LOST, NOT_PLACED -> Move.ILLEGAL;
            };
            case PARTIALLY_FILLED -> switch (trigger) {
                case REPORTED_PENDING_NEW, REPORTED_NEW, REPORTED_PARTIALLY_FILLED -> Move.STAY;
                case REPORTED_FILLED, REPORTED_CANCELED, REPORTED_EXPIRED, REPORTED_EXPIRED_IN_MATCH -> Move.ADVANCE;
                case REPORTED_REJECTED, ANSWER_LOST, NOT_PLACED -> Move.ILLEGAL;
            };
            case FILLED -> switch (trigger) {
                case REPORTED_PENDING_NEW, REPORTED_NEW, REPORTED_PARTIALLY_FILLED, REPORTED_FILLED -> Move.STAY;
                case REPORTED_CANCELED, REPORTED_REJECTED, REPORTED_EXPIRED, REPORTED_EXPIRED_IN_MATCH,
                     ANSWER_LOST, NOT_PLACED -> Move.ILLEGAL;
            };
            case CANCELED -> switch (trigger) {
                // a fill that happened before the cancel can be reported after it
                case REPORTED_PENDING_NEW, REPORTED_NEW, REPORTED_PARTIALLY_FILLED, REPORTED_CANCELED -> Move.STAY;
                case REPORTED_FILLED, REPORTED_REJECTED, REPORTED_EXPIRED, REPORTED_EXPIRED_IN_MATCH,
                     ANSWER_LOST, NOT_PLACED -> Move.ILLEGAL;
            };
            case EXPIRED -> switch (trigger) {
                case REPORTED_PENDING_NEW, REPORTED_NEW, REPORTED_PARTIALLY_FILLED, REPORTED_EXPIRED -> Move.STAY;
                case REPORTED_FILLED, REPORTED_CANCELED, REPORTED_REJECTED, REPORTED_EXPIRED_IN_MATCH,
                     ANSWER_LOST, NOT_PLACED -> Move.ILLEGAL;
            };
            case EXPIRED_IN_MATCH -> switch (trigger) {
                case REPORTED_PENDING_NEW, REPORTED_NEW, REPORTED_PARTIALLY_FILLED, REPORTED_EXPIRED_IN_MATCH -> Move.STAY;
                case REPORTED_FILLED, REPORTED_CANCELED, REPORTED_REJECTED, REPORTED_EXPIRED,
                     ANSWER_LOST, NOT_PLACED -> Move.ILLEGAL;
            };
            case REJECTED -> switch (trigger) {
                case REPORTED_REJECTED, NOT_PLACED -> Move.STAY;
                case REPORTED_PENDING_NEW, REPORTED_NEW, REPORTED_PARTIALLY_FILLED, REPORTED_FILLED,
                     REPORTED_CANCELED, REPORTED_EXPIRED, REPORTED_EXPIRED_IN_MATCH, ANSWER_LOST -> Move.ILLEGAL;
            };
        };
    }
}
