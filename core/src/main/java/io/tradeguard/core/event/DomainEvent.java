package io.tradeguard.core.event;

import io.tradeguard.core.ledger.AssetBalance;
import io.tradeguard.core.ledger.ClosedTrade;
import io.tradeguard.core.ledger.DailyStats;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.core.venue.OrderRequest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything that changed the engine's state, as immutable facts. Each carries the new value of what it
 * changed (order, position, balance, daily figures; an order's fills one by one), so replaying the
 * journal in order rebuilds the state exactly. Names match the WebSocket feed of DESIGN.md section 7 where one exists.
 */
public sealed interface DomainEvent {
    // Orders inside events carry their fill totals but not the fill list (Order.withoutFills): each fill
    // travels once, in the OrderPartiallyFilled / OrderFilled event that brought it.

    /** When the engine decided it (engine clock). */
    Instant time();

    /** Write-ahead record: the intent with its client order id and the exact request, before it is sent. */
    record OrderSubmitted(Order order, OrderRequest request, Instant time) implements DomainEvent {
        public OrderSubmitted {
            order = order.withoutFills();
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(time, "time");
        }
    }

    /** Refused by the engine before sending (filters, risk, safety), with reasons a person understands. */
    record OrderDenied(OrderIntent intent, List<String> reasons, Instant time) implements DomainEvent {
        public OrderDenied {
            Objects.requireNonNull(intent, "intent");
            reasons = List.copyOf(reasons);
            Objects.requireNonNull(time, "time");
        }
    }

    /** The venue accepted the order (NEW or PENDING_NEW). */
    record OrderPlaced(Order order, Instant time) implements DomainEvent {
        public OrderPlaced {
            order = order.withoutFills();
        }
    }

    record OrderPartiallyFilled(Order order, Fill fill, Instant time) implements DomainEvent {
        public OrderPartiallyFilled {
            order = order.withoutFills();
            Objects.requireNonNull(fill, "fill");
        }
    }

    /** @param fill the fill that completed it, or null when the venue reported FILLED before the fills arrived */
    record OrderFilled(Order order, Fill fill, Instant time) implements DomainEvent {
        public OrderFilled {
            order = order.withoutFills();
        }
    }

    record OrderCancelled(Order order, Instant time) implements DomainEvent {
        public OrderCancelled {
            order = order.withoutFills();
        }
    }

    record OrderExpired(Order order, Instant time) implements DomainEvent {
        public OrderExpired {
            order = order.withoutFills();
        }
    }

    /** Refused by the venue, or confirmed never placed. */
    record OrderRejected(Order order, String reason, Instant time) implements DomainEvent {
        public OrderRejected {
            order = order.withoutFills();
        }
    }

    /** The submit's answer was lost; the order is queried until its fate is known. */
    record OrderStatusUnknown(Order order, String cause, Instant time) implements DomainEvent {
        public OrderStatusUnknown {
            order = order.withoutFills();
        }
    }

    /** Another change of a known order (venue id, filled quantity) without a new status. */
    record OrderUpdated(Order order, Instant time) implements DomainEvent {
        public OrderUpdated {
            order = order.withoutFills();
        }
    }

    /** An order the engine did not know, found on the venue: ours by prefix, or EXTERNAL. */
    record OrderAdopted(Order order, Instant time) implements DomainEvent {
        public OrderAdopted {
            order = order.withoutFills();
        }
    }

    record OrderCancelRequested(ClientOrderId clientOrderId, String reason, Instant time) implements DomainEvent {
    }

    record OrderCancelFailed(ClientOrderId clientOrderId, String reason, Instant time) implements DomainEvent {
    }

    /** A report the state machine refused (an impossible transition), kept for a person to look at. */
    record OrderAnomaly(ClientOrderId clientOrderId, String description, Instant time) implements DomainEvent {
    }

    /** A commission in an asset whose price was unknown; the P&L of this fill leaves it out. */
    record CommissionUnpriced(ClientOrderId clientOrderId, long tradeId, Asset asset, BigDecimal amount,
                              Instant time) implements DomainEvent {
    }

    record PositionOpened(Position position, Instant time) implements DomainEvent {
    }

    /** @param realized net P&L this change realized (zero on adds) */
    record PositionUpdated(Position position, BigDecimal realized, Instant time) implements DomainEvent {
    }

    /** @param last the position before its closing fill; the trade has the round trip's figures */
    record PositionClosed(Market market, Symbol symbol, Position last, ClosedTrade trade, BigDecimal realized,
                          Instant time) implements DomainEvent {
    }

    /**
     * A futures funding payment (positive received, negative paid): realized P&L of the position it was
     * paid on and of the day.
     *
     * @param position the position with the payment added to its funding and realized P&L; null when the venue
     *                 did not say which position paid it and several were open (then it counts for the day only)
     */
    record FundingPaid(Symbol symbol, Asset asset, BigDecimal amount, Position position, Instant venueTime,
                       Instant time) implements DomainEvent {
    }

    record BalanceUpdated(AssetBalance balance, Instant time) implements DomainEvent {
    }

    record DailyStatsUpdated(DailyStats stats, Instant time) implements DomainEvent {
    }

    record ConnectionLost(String stream, String reason, Instant time) implements DomainEvent {
    }

    record ConnectionRestored(String stream, Instant time) implements DomainEvent {
    }

    record ReconciliationCompleted(ReconciliationSummary summary, Instant time) implements DomainEvent {
    }

    /** Trading halted: no new orders except protective closes, until an explicit reset. Survives restarts. */
    record EmergencyStop(String reason, Instant time) implements DomainEvent {
    }

    record TradingResumed(String by, Instant time) implements DomainEvent {
    }

    /**
     * The kill switch tripped (a daily limit, a loss streak): no new risk until it is reset. Decided by the
     * safety rules; the engine journals and broadcasts it.
     */
    record KillSwitchTripped(String reason, Instant time) implements DomainEvent {
    }

    record KillSwitchReset(String by, Instant time) implements DomainEvent {
    }

    /** Too many consecutive venue errors: calls pause until the cooldown ends, then one probe. */
    record CircuitBreakerOpened(String reason, Instant until, Instant time) implements DomainEvent {
    }

    record CircuitBreakerClosed(Instant time) implements DomainEvent {
    }

    /**
     * The whole state of the trading guards (kill switch and day counters, circuit breaker, local triggers
     * with their trailing extremes, protected entries) after a change, so that a restart resumes them from
     * the last one. Written by the guards through {@code Command.RecordGuardEvents}; the engine keeps none of it.
     */
    record GuardStateSaved(io.tradeguard.core.guard.GuardState state, String why, Instant time) implements DomainEvent {
        public GuardStateSaved {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(time, "time");
        }
    }

    record SignalReceived(String signalId, OrderIntent intent, Instant time) implements DomainEvent {
    }

    record SettingsChanged(String description, Instant time) implements DomainEvent {
    }

    record EngineStarted(Instant time) implements DomainEvent {
    }

    record EngineStopped(String reason, Instant time) implements DomainEvent {
    }
}
