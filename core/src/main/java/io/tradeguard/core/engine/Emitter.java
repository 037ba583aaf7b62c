package io.tradeguard.core.engine;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.order.Order;

import java.util.ArrayList;
import java.util.List;

/** Collects the events of one decision, applying each to the state as it is emitted. */
final class Emitter {
    private final TradingState state;
    private final List<DomainEvent> events = new ArrayList<>();
    private final List<Effect> effects = new ArrayList<>();

    Emitter(TradingState state) {
        this.state = state;
    }

    void emit(DomainEvent event) {
        state.apply(event);
        events.add(event);
    }

    /** An order event made from {@code full}, the order with its fills, which the state then keeps as it is. */
    void emit(DomainEvent event, Order full) {
        state.apply(event, full);
        events.add(event);
    }

    void effect(Effect effect) {
        effects.add(effect);
    }

    List<DomainEvent> events() {
        return events;
    }

    List<Effect> effects() {
        return effects;
    }
}
