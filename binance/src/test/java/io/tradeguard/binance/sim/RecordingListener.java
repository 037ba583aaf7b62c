package io.tradeguard.binance.sim;

import io.tradeguard.core.venue.VenueEvent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Keeps every event it is given, for assertions with a deadline. */
final class RecordingListener implements Consumer<VenueEvent> {
    final List<VenueEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void accept(VenueEvent event) {
        events.add(event);
    }

    <T extends VenueEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends VenueEvent> boolean has(Class<T> type, Predicate<T> match) {
        return of(type).stream().anyMatch(match);
    }
}
