package io.tradeguard.app.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.event.ReconciliationSummary;
import io.tradeguard.core.journal.JournalEntry;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.server.api.EmergencyStopReport;
import io.tradeguard.server.api.EngineEvent;
import io.tradeguard.server.api.EngineEvents;
import io.tradeguard.server.api.OrderView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Durable domain events, mapped to the server's {@link EngineEvent}s and handed to every subscriber (the
 * WebSocket hub only enqueues). Also counts orders, fills and denials for {@code /metrics} and remembers
 * the last reconciliation and connection state for {@code /health}. Runs on the journal writer's thread.
 */
final class EventFeed implements EngineEvents {
    private static final Logger LOG = LoggerFactory.getLogger(EventFeed.class);

    record Reconciled(Instant at, int unresolved) {
    }

    private final List<Consumer<EngineEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final MeterRegistry metrics;
    private final Counter fills;
    private final Counter denied;
    private final AtomicReference<Reconciled> lastReconciliation = new AtomicReference<>();
    private final AtomicReference<String> lostConnection = new AtomicReference<>();

    EventFeed(MeterRegistry metrics) {
        this.metrics = metrics;
        this.fills = Counter.builder("tradeguard_fills").description("fills received").register(metrics);
        this.denied = Counter.builder("tradeguard_orders_denied").description("orders refused by our own gates").register(metrics);
    }

    @Override
    public Subscription subscribe(Consumer<EngineEvent> listener) {
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }

    Optional<Reconciled> lastReconciliation() {
        return Optional.ofNullable(lastReconciliation.get());
    }

    /** The stream that is down, if one is. */
    Optional<String> lostConnection() {
        return Optional.ofNullable(lostConnection.get());
    }

    void publish(EngineEvent event) {
        for (Consumer<EngineEvent> subscriber : subscribers) {
            try {
                subscriber.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("an event subscriber failed on {}: {}", event.type(), e.toString());
            }
        }
    }

    void onEntry(JournalEntry entry) {
        DomainEvent event = entry.event();
        count(event);
        map(event).ifPresent(this::publish);
    }

    private void count(DomainEvent event) {
        switch (event) {
            case DomainEvent.OrderPlaced e -> status(e.order());
            case DomainEvent.OrderFilled e -> {
                status(e.order());
                if (e.fill() != null) {
                    fills.increment();
                }
            }
            case DomainEvent.OrderPartiallyFilled e -> fills.increment();
            case DomainEvent.OrderCancelled e -> status(e.order());
            case DomainEvent.OrderRejected e -> status(e.order());
            case DomainEvent.OrderExpired e -> status(e.order());
            case DomainEvent.OrderDenied e -> {
                denied.increment();
                for (String reason : e.reasons()) {
                    metrics.counter("tradeguard_risk_rejections", "rule", ruleOf(reason)).increment();
                }
            }
            case DomainEvent.ReconciliationCompleted e -> lastReconciliation.set(new Reconciled(e.time(), e.summary().unresolved()));
            case DomainEvent.ConnectionLost e -> lostConnection.set(e.stream());
            case DomainEvent.ConnectionRestored e -> lostConnection.set(null);
            default -> {
            }
        }
    }

    private void status(Order order) {
        metrics.counter("tradeguard_orders", "status", order.status().name().toLowerCase(Locale.ROOT)).increment();
    }

    /**
     * Gate reasons read "label: why"; the label names the rule, the rest is dropped. Labels with digits (times,
     * amounts) would make a series per reason, so they count as their gate or as "other".
     */
    static String ruleOf(String reason) {
        String lower = reason.toLowerCase(Locale.ROOT);
        for (String gate : new String[] {"kill switch", "circuit breaker", "trading is halted"}) {
            if (lower.startsWith(gate)) {
                return gate.replace(' ', '_');
            }
        }
        int colon = lower.indexOf(':');
        String label = colon > 0 && colon < 48 ? lower.substring(0, colon) : "other";
        return label.matches("[a-z ()%-]+") ? label.strip().replaceAll("[^a-z]+", "_") : "other";
    }

    static Optional<EngineEvent> map(DomainEvent event) {
        return Optional.ofNullable(switch (event) {
            case DomainEvent.OrderPlaced e -> new EngineEvent.OrderPlaced(view(e.order(), null), e.time());
            case DomainEvent.OrderPartiallyFilled e -> fillEvent(e.order(), e.fill(), e.time());
            case DomainEvent.OrderFilled e -> fillEvent(e.order(), e.fill(), e.time());
            case DomainEvent.OrderCancelled e -> new EngineEvent.OrderCancelled(view(e.order(), null), e.time());
            case DomainEvent.OrderExpired e -> new EngineEvent.OrderCancelled(view(e.order(), null), e.time());
            case DomainEvent.OrderRejected e -> new EngineEvent.OrderRejected(view(e.order(), null),
                    e.reason() == null ? "" : e.reason(), e.time());
            case DomainEvent.PositionOpened e -> new EngineEvent.PositionOpened(Views.position(e.position(), null), e.time());
            case DomainEvent.PositionUpdated e -> new EngineEvent.PositionUpdated(Views.position(e.position(), null), e.time());
            case DomainEvent.PositionClosed e -> e.trade() == null ? null : new EngineEvent.PositionClosed(Views.trade(e.trade()), e.time());
            case DomainEvent.BalanceUpdated e -> new EngineEvent.BalanceUpdated(List.of(Views.balance(e.balance())), e.time());
            case DomainEvent.KillSwitchTripped e -> new EngineEvent.KillSwitchTripped(e.reason(), e.time());
            case DomainEvent.CircuitBreakerOpened e -> new EngineEvent.CircuitBreakerOpened(e.reason(), e.until(), e.time());
            case DomainEvent.CircuitBreakerClosed e -> new EngineEvent.CircuitBreakerClosed(e.time());
            case DomainEvent.EmergencyStop e -> new EngineEvent.EmergencyStop(new EmergencyStopReport(0, 0, e.reason(), e.time()), e.time());
            case DomainEvent.ConnectionLost e -> new EngineEvent.ConnectionLost(e.stream(), e.reason() == null ? "" : e.reason(), e.time());
            case DomainEvent.ConnectionRestored e -> new EngineEvent.ConnectionRestored(e.stream(), e.time());
            case DomainEvent.ReconciliationCompleted e -> reconciled(e.summary(), e.time());
            default -> null;
        });
    }

    /**
     * The venue may report FILLED before the fills arrive (the engine's OrderFilled without a fill) and the
     * fills then come as OrderPartiallyFilled events of an order already FILLED. Clients see OrderFilled once,
     * when our fills add up to what the venue filled, and OrderPartiallyFilled for each fill before that.
     */
    private static EngineEvent fillEvent(Order order, Fill fill, Instant time) {
        boolean complete = order.status() == io.tradeguard.core.model.OrderStatus.FILLED
                && order.filledQuantity().signum() > 0
                && (order.venueFilledQuantity() == null || order.filledQuantity().compareTo(order.venueFilledQuantity()) >= 0);
        if (complete) {
            return new EngineEvent.OrderFilled(view(order, fill), time);
        }
        return fill == null ? null : new EngineEvent.OrderPartiallyFilled(view(order, fill), time);
    }

    private static EngineEvent reconciled(ReconciliationSummary s, Instant time) {
        return new EngineEvent.ReconciliationCompleted(s.adoptedOurs() + s.adoptedExternal(),
                s.ordersUpdated() + s.ordersNotPlaced(), s.balancesCorrected(), time);
    }

    private static OrderView view(Order order, Fill fill) {
        return Views.order(fill == null ? order : order.withFills(List.of(fill)));
    }
}
