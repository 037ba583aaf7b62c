package io.tradeguard.app.alerts;

import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * How alerts travel.
 *
 * @param routes        which channels each kind goes to; a kind absent here is not sent anywhere
 * @param maxPerWindow  messages per channel and kind in any {@code window}; the rest are coalesced into a count
 * @param queueCapacity messages waiting per channel; beyond it new ones are dropped (and counted), never blocking the caller
 * @param maxAttempts   tries per message, the first included
 * @param firstBackoff  wait before the second try, doubled each time up to {@code maxBackoff}
 */
public record AlertSettings(Map<AlertKind, Set<Channel>> routes, int maxPerWindow, Duration window, int queueCapacity,
                            int maxAttempts, Duration firstBackoff, Duration maxBackoff) {

    public AlertSettings {
        var copy = new EnumMap<AlertKind, Set<Channel>>(AlertKind.class);
        routes.forEach((kind, channels) -> copy.put(kind, channels.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(channels))));
        routes = Map.copyOf(copy);
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("alert queue capacity must be at least 1, was " + queueCapacity);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("alert delivery needs at least 1 attempt, was " + maxAttempts);
        }
        if (firstBackoff == null || firstBackoff.isNegative() || maxBackoff == null || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("alert backoff must satisfy 0 <= first <= max, got " + firstBackoff + " and " + maxBackoff);
        }
        // window and maxPerWindow are checked by the rate limiter
    }

    /** Every kind to every given channel; 5 per kind and channel per 10 minutes; 5 tries from 2 s to 60 s. */
    public static AlertSettings everyKindTo(Set<Channel> channels) {
        var routes = new EnumMap<AlertKind, Set<Channel>>(AlertKind.class);
        for (AlertKind kind : AlertKind.values()) {
            routes.put(kind, channels);
        }
        return new AlertSettings(routes, 5, Duration.ofMinutes(10), 100, 5, Duration.ofSeconds(2), Duration.ofSeconds(60));
    }

    public AlertSettings withRoute(AlertKind kind, Set<Channel> channels) {
        var copy = new EnumMap<AlertKind, Set<Channel>>(AlertKind.class);
        copy.putAll(routes);
        copy.put(kind, channels);
        return new AlertSettings(copy, maxPerWindow, window, queueCapacity, maxAttempts, firstBackoff, maxBackoff);
    }

    public AlertSettings withRateLimit(int perWindow, Duration newWindow) {
        return new AlertSettings(routes, perWindow, newWindow, queueCapacity, maxAttempts, firstBackoff, maxBackoff);
    }

    public AlertSettings withDelivery(int queue, int attempts, Duration first, Duration max) {
        return new AlertSettings(routes, maxPerWindow, window, queue, attempts, first, max);
    }

    Set<Channel> channelsFor(AlertKind kind) {
        return routes.getOrDefault(kind, Set.of());
    }
}
