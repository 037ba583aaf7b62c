package io.tradeguard.server.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The domain events of DESIGN.md §7 as the WebSocket feed publishes them: {@code type} is the record's
 * name, {@code data} its other fields. Every event carries the time it happened.
 */
public sealed interface EngineEvent {
    Instant time();

    /** The feed's {@code type}: the simple name, e.g. {@code OrderFilled}. */
    default String type() {
        return getClass().getSimpleName();
    }

    record OrderPlaced(OrderView order, Instant time) implements EngineEvent {
        public OrderPlaced {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(time, "time");
        }
    }

    record OrderFilled(OrderView order, Instant time) implements EngineEvent {
        public OrderFilled {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(time, "time");
        }
    }

    record OrderPartiallyFilled(OrderView order, Instant time) implements EngineEvent {
        public OrderPartiallyFilled {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(time, "time");
        }
    }

    record OrderCancelled(OrderView order, Instant time) implements EngineEvent {
        public OrderCancelled {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(time, "time");
        }
    }

    record OrderRejected(OrderView order, String reason, Instant time) implements EngineEvent {
        public OrderRejected {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(time, "time");
        }
    }

    record PositionOpened(PositionView position, Instant time) implements EngineEvent {
        public PositionOpened {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(time, "time");
        }
    }

    record PositionUpdated(PositionView position, Instant time) implements EngineEvent {
        public PositionUpdated {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(time, "time");
        }
    }

    record PositionClosed(TradeView trade, Instant time) implements EngineEvent {
        public PositionClosed {
            Objects.requireNonNull(trade, "trade");
            Objects.requireNonNull(time, "time");
        }
    }

    record BalanceUpdated(List<BalanceView> balances, Instant time) implements EngineEvent {
        public BalanceUpdated {
            balances = List.copyOf(balances);
            Objects.requireNonNull(time, "time");
        }
    }

    record KillSwitchTripped(String reason, Instant time) implements EngineEvent {
        public KillSwitchTripped {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(time, "time");
        }
    }

    record CircuitBreakerOpened(String reason, Instant retryAt, Instant time) implements EngineEvent {
        public CircuitBreakerOpened {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(time, "time");
        }
    }

    record CircuitBreakerClosed(Instant time) implements EngineEvent {
        public CircuitBreakerClosed {
            Objects.requireNonNull(time, "time");
        }
    }

    record EmergencyStop(EmergencyStopReport report, Instant time) implements EngineEvent {
        public EmergencyStop {
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(time, "time");
        }
    }

    /** @param connection e.g. {@code spot_user_stream}, {@code futures_rest} */
    record ConnectionLost(String connection, String reason, Instant time) implements EngineEvent {
        public ConnectionLost {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(time, "time");
        }
    }

    record ConnectionRestored(String connection, Instant time) implements EngineEvent {
        public ConnectionRestored {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(time, "time");
        }
    }

    record ReconciliationCompleted(int ordersAdopted, int ordersResolved, int balancesCorrected, Instant time)
            implements EngineEvent {
        public ReconciliationCompleted {
            Objects.requireNonNull(time, "time");
        }
    }

    record SignalReceived(Signal signal, Instant time) implements EngineEvent {
        public SignalReceived {
            Objects.requireNonNull(signal, "signal");
            Objects.requireNonNull(time, "time");
        }
    }
}
