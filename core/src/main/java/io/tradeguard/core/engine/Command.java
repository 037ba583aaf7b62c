package io.tradeguard.core.engine;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;

import java.time.Duration;
import java.util.Objects;

/** Everything a person, a strategy or the server can ask the engine; one way in: {@link Engine#submit}. */
public sealed interface Command {

    /**
     * Place an order through filters, risk rules and safety gates.
     *
     * @param label null lets the engine name the order; else the caller's name for it (1-26 of letters, digits,
     *              '-' and '_'), and the order's client order id is {@link #clientOrderId(String) prefix, origin,
     *              '_', label}: still the engine's prefix (invariant 1), never one the generator hands out
     */
    record PlaceOrder(OrderIntent intent, String label) implements Command {
        private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,26}");

        public PlaceOrder {
            Objects.requireNonNull(intent, "intent");
            if (label != null && !LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("an order label is 1-26 letters, digits, '-' or '_', was '" + label + "'");
            }
        }

        public PlaceOrder(OrderIntent intent) {
            this(intent, null);
        }

        /** The client order id a labelled order gets from an engine with this prefix; null without a label. */
        public ClientOrderId clientOrderId(String enginePrefix) {
            return label == null ? null : ClientOrderId.of(enginePrefix + intent.origin().code() + "_" + label);
        }
    }

    record CancelOrder(ClientOrderId clientOrderId, String reason) implements Command {
        public CancelOrder {
            Objects.requireNonNull(clientOrderId, "clientOrderId");
            reason = reason == null ? "" : reason;
        }
    }

    /** Close the whole position of a symbol at market. */
    record ClosePosition(Market market, Symbol symbol, OrderOrigin origin, String reason) implements Command {
        public ClosePosition {
            Objects.requireNonNull(market, "market");
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(origin, "origin");
            reason = reason == null ? "" : reason;
        }
    }

    /** Halt trading (persisted), cancel every open order, flatten every position. */
    record EmergencyStop(String reason) implements Command {
        public EmergencyStop {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Lift the halt of an emergency stop; an admin's decision. */
    record ResumeTrading(String by) implements Command {
        public ResumeTrading {
            Objects.requireNonNull(by, "by");
        }
    }

    /** Change engine settings at run time; null leaves a setting as it is. */
    record ChangeSettings(Boolean cancelOpenOrdersOnStop, Duration reconcileInterval) implements Command {
    }

    /** A strategy's signal, already turned into an intent of origin SIGNAL. */
    record Signal(String signalId, OrderIntent intent) implements Command {
        public Signal {
            Objects.requireNonNull(signalId, "signalId");
            Objects.requireNonNull(intent, "intent");
        }
    }

    /**
     * Journals what the trading guards decided (kill switch, circuit breaker, their saved state), so that
     * it is durable, broadcast and restored after a restart. Only guard events are accepted.
     */
    record RecordGuardEvents(java.util.List<io.tradeguard.core.event.DomainEvent> events) implements Command {
        public RecordGuardEvents {
            events = java.util.List.copyOf(events);
            for (io.tradeguard.core.event.DomainEvent event : events) {
                switch (event) {
                    case io.tradeguard.core.event.DomainEvent.KillSwitchTripped e -> { }
                    case io.tradeguard.core.event.DomainEvent.KillSwitchReset e -> { }
                    case io.tradeguard.core.event.DomainEvent.CircuitBreakerOpened e -> { }
                    case io.tradeguard.core.event.DomainEvent.CircuitBreakerClosed e -> { }
                    case io.tradeguard.core.event.DomainEvent.GuardStateSaved e -> { }
                    default -> throw new IllegalArgumentException(event.getClass().getSimpleName() + " is not a guard event");
                }
            }
        }
    }

    /**
     * Protect a spot holding with a native OCO that sells it: a TAKE_PROFIT leg above the market and a STOP_LOSS
     * leg below (a trailing STOP_LOSS when {@code trailingDelta} is given, in BIPS). The engine gives the list and
     * its legs their client ids ({@link io.tradeguard.core.order.OcoLegIds}), journals both legs before the list is
     * sent, and tracks them as orders of origin PROTECTION.
     *
     * @param stopLoss the stop price of the stop-loss leg; null for a pure trailing stop
     */
    record PlaceProtectionOco(Symbol symbol, java.math.BigDecimal quantity, java.math.BigDecimal takeProfit,
                              java.math.BigDecimal stopLoss, Integer trailingDelta) implements Command {
        public PlaceProtectionOco {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(takeProfit, "takeProfit");
            if (stopLoss == null && trailingDelta == null) {
                throw new IllegalArgumentException("a protection OCO needs a stop-loss price or a trailing delta");
            }
            if (quantity.signum() <= 0 || takeProfit.signum() <= 0 || stopLoss != null && stopLoss.signum() <= 0) {
                throw new IllegalArgumentException("a protection OCO needs a positive quantity and prices");
            }
            if (stopLoss != null && stopLoss.compareTo(takeProfit) >= 0) {
                throw new IllegalArgumentException("the stop-loss " + stopLoss.toPlainString()
                        + " must lie below the take-profit " + takeProfit.toPlainString());
            }
            if (trailingDelta != null && trailingDelta <= 0) {
                throw new IllegalArgumentException("trailingDelta must be positive BIPS");
            }
        }
    }

    /**
     * A one-cancels-the-other list on spot placed on request (a manual OCO): both legs go through the order path's
     * checks (halt, instrument filters, risk rules, safety gates) unchanged, are journaled, then the list is sent.
     * The legs share symbol, side, quantity and origin; {@code above} lies above the market, {@code below} under it
     * (for a SELL the LIMIT_MAKER take-profit is above and the stop below; mirrored for a BUY). The legs get the
     * list's client id plus ".tp" (the LIMIT_MAKER leg) and ".sl" (the stop leg), as protection OCOs do.
     */
    record PlaceOco(OrderIntent above, OrderIntent below) implements Command {
        public PlaceOco {
            Objects.requireNonNull(above, "above");
            Objects.requireNonNull(below, "below");
            if (above.market() != Market.SPOT || below.market() != Market.SPOT) {
                throw new IllegalArgumentException("OCO lists exist on spot only");
            }
            if (!above.symbol().equals(below.symbol()) || above.side() != below.side() || above.origin() != below.origin()
                    || above.quantity() == null || below.quantity() == null || above.quantity().compareTo(below.quantity()) != 0) {
                throw new IllegalArgumentException("the legs of an OCO share symbol, side, quantity and origin");
            }
            if ((above.type() == io.tradeguard.core.model.OrderType.LIMIT_MAKER) == (below.type() == io.tradeguard.core.model.OrderType.LIMIT_MAKER)) {
                throw new IllegalArgumentException("an OCO pairs one LIMIT_MAKER leg with one stop leg");
            }
        }

        /** The LIMIT_MAKER leg. */
        public OrderIntent limitLeg() {
            return above.type() == io.tradeguard.core.model.OrderType.LIMIT_MAKER ? above : below;
        }

        /** The stop leg. */
        public OrderIntent stopLeg() {
            return above.type() == io.tradeguard.core.model.OrderType.LIMIT_MAKER ? below : above;
        }
    }

    /** Reconcile with the venue now. */
    record Reconcile() implements Command {
    }
}
