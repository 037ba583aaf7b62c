package io.tradeguard.core.order;

import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.order.OrderTransitions.Move;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.core.venue.OrderUpdate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies what the venue or the engine learned about an order, through the state machine table. Pure:
 * the same order and report always give the same result, and applying a result's order again changes
 * nothing (duplicates are harmless).
 */
public final class OrderReports {

    private OrderReports() {
    }

    /**
     * @param order    the order after the report (the same instance when nothing changed)
     * @param move     what the table said about the status
     * @param newFill  the report's fill when it was not known before, else null
     * @param anomaly  a description of an impossible report, else null (the order's status is then kept)
     */
    public record Applied(Order before, Order order, Move move, Fill newFill, String anomaly) {
        public Applied {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(move, "move");
        }

        public boolean changed() {
            if (before == order) {
                return false;
            }
            // a new fill or status settles it without comparing every field
            return before.status() != order.status() || before.fills().size() != order.fills().size()
                    || !before.equals(order);
        }

        public boolean statusChanged() {
            return before.status() != order.status();
        }
    }

    /** An execution report, an order response or a query answer for this order. */
    public static Applied apply(Order order, OrderUpdate report) {
        if (!order.clientOrderId().equals(report.clientOrderId())) {
            throw new IllegalArgumentException("report for " + report.clientOrderId() + " applied to " + order.clientOrderId());
        }
        Instant now = report.receivedAt();
        Fill newFill = null;
        Fill fill = report.lastFill();
        if (fill != null && !order.hasFill(fill.tradeId())) {
            newFill = fill;
        }
        // the totals after the new fill, as Order.withFill computes them
        BigDecimal filledQuantity = newFill == null ? order.filledQuantity() : order.filledQuantity().add(newFill.quantity());
        BigDecimal venueFilledBefore = newFill == null ? order.venueFilledQuantity()
                : order.venueFilledQuantity().max(filledQuantity);

        String anomaly = null;
        Long venueId = order.venueOrderId();
        if (venueId == null) {
            venueId = report.venueOrderId();
        } else if (venueId != report.venueOrderId()) {
            anomaly = "venue order id " + report.venueOrderId() + " reported for " + order.clientOrderId()
                    + ", which has venue order id " + venueId;
        }

        Optional<OrderTrigger> trigger = OrderTrigger.reported(report.status());
        Move move;
        OrderStatus status = order.status();
        if (trigger.isEmpty()) {
            move = Move.ILLEGAL;
            anomaly = "the venue cannot report the engine-only status " + report.status();
        } else {
            move = OrderTransitions.move(order.status(), trigger.get());
            switch (move) {
                case ADVANCE -> status = trigger.get().target();
                case STAY -> { }
                case ILLEGAL -> anomaly = "order " + order.clientOrderId() + " is " + order.status()
                        + " and cannot become " + report.status() + "; status kept, fills applied";
            }
        }

        String rejectReason = order.rejectReason();
        if (move == Move.ADVANCE && report.rejectReason() != null && !report.rejectReason().isBlank()
                && !"NONE".equals(report.rejectReason())) {
            rejectReason = report.rejectReason();
        }
        BigDecimal venueFilled = venueFilledBefore.max(report.filledQuantity());
        Instant venueTime = order.venueTime() == null || report.venueTime().isAfter(order.venueTime())
                ? report.venueTime() : order.venueTime();
        Instant filledAt = order.filledAt();
        if (status == OrderStatus.FILLED && filledAt == null) {
            filledAt = report.venueTime();
        }
        // the report changes more than the fills: the order's update time is the report's
        boolean moved = !Objects.equals(venueId, order.venueOrderId()) || status != order.status()
                || !venueFilled.equals(venueFilledBefore) || !Objects.equals(rejectReason, order.rejectReason())
                || !Objects.equals(venueTime, order.venueTime()) || !Objects.equals(filledAt, order.filledAt());
        Order next;
        if (newFill != null) {
            next = order.withFillAnd(newFill, venueId, status, venueFilled, rejectReason, now, venueTime, filledAt);
        } else if (moved) {
            next = order.with(venueId, status, venueFilled, rejectReason, now, venueTime, filledAt);
        } else {
            next = order;
        }
        return new Applied(order, next, move, newFill, anomaly);
    }

    /** A fill found in the venue's trade list (reconciliation), applied once. */
    public static Applied applyFill(Order order, Fill fill, Instant now) {
        if (order.hasFill(fill.tradeId())) {
            return new Applied(order, order, Move.STAY, null, null);
        }
        return new Applied(order, order.withFill(fill, now), Move.STAY, fill, null);
    }

    /** One of the engine's own findings: the answer was lost, or the venue never had the order. */
    public static Applied local(Order order, OrderTrigger trigger, String reason, Instant now) {
        if (trigger != OrderTrigger.ANSWER_LOST && trigger != OrderTrigger.NOT_PLACED) {
            throw new IllegalArgumentException(trigger + " is a venue report, not an engine finding");
        }
        Move move = OrderTransitions.move(order.status(), trigger);
        return switch (move) {
            case ADVANCE -> new Applied(order, order.with(order.venueOrderId(), trigger.target(),
                    order.venueFilledQuantity(), trigger == OrderTrigger.NOT_PLACED ? reason : order.rejectReason(),
                    now, order.venueTime(), order.filledAt()), move, null, null);
            case STAY -> new Applied(order, order, move, null, null);
            case ILLEGAL -> new Applied(order, order, move, null, "order " + order.clientOrderId() + " is "
                    + order.status() + "; " + trigger + " does not apply");
        };
    }
}
