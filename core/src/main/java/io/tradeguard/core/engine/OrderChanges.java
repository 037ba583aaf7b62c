package io.tradeguard.core.engine;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderReports.Applied;

import java.time.Instant;

/** Turns one applied order report into domain events, posting a new fill to the ledger. */
final class OrderChanges {
    private final LedgerPosting ledger;

    OrderChanges(LedgerPosting ledger) {
        this.ledger = ledger;
    }

    void emit(Applied applied, Emitter out, Instant now) {
        if (applied.anomaly() != null) {
            out.emit(new DomainEvent.OrderAnomaly(applied.before().clientOrderId(), applied.anomaly(), now));
        }
        if (!applied.changed()) {
            return; // a duplicate or a stale report: nothing happened
        }
        Order order = applied.order();
        if (applied.newFill() != null) {
            if (order.status() == io.tradeguard.core.model.OrderStatus.FILLED && applied.statusChanged()) {
                out.emit(new DomainEvent.OrderFilled(order, applied.newFill(), now), order);
            } else {
                out.emit(new DomainEvent.OrderPartiallyFilled(order, applied.newFill(), now), order);
            }
            ledger.post(order, applied.newFill(), out, now);
        }
        if (applied.statusChanged()) {
            switch (order.status()) {
                case PENDING_NEW, NEW -> out.emit(new DomainEvent.OrderPlaced(order, now), order);
                case PARTIALLY_FILLED -> {
                    if (applied.newFill() == null) {
                        out.emit(new DomainEvent.OrderUpdated(order, now), order);
                    }
                }
                case FILLED -> {
                    if (applied.newFill() == null) {
                        out.emit(new DomainEvent.OrderFilled(order, null, now), order);
                    }
                }
                case CANCELED -> out.emit(new DomainEvent.OrderCancelled(order, now), order);
                case EXPIRED, EXPIRED_IN_MATCH -> out.emit(new DomainEvent.OrderExpired(order, now), order);
                case REJECTED -> out.emit(new DomainEvent.OrderRejected(order,
                        order.rejectReason() == null ? "rejected" : order.rejectReason(), now));
                case UNKNOWN -> out.emit(new DomainEvent.OrderStatusUnknown(order,
                        order.rejectReason() == null ? "answer lost" : order.rejectReason(), now));
                case PENDING_SUBMIT -> out.emit(new DomainEvent.OrderAnomaly(order.clientOrderId(),
                        "an order went back to PENDING_SUBMIT", now));
            }
        } else if (applied.newFill() == null) {
            out.emit(new DomainEvent.OrderUpdated(order, now), order);
        }
    }
}
