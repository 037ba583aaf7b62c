package io.tradeguard.core.signal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The signal ids taken recently, so that a signal delivered twice (a retried POST, a file copied twice)
 * trades once. Bounded twice: ids expire after the retention, and beyond the capacity the oldest are
 * forgotten first. A snapshot restores it after a restart. Thread-safe, since several intakes share it.
 */
public final class SeenSignals {

    public record Entry(SignalId id, Instant seenAt) {
        public Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(seenAt, "seenAt");
        }
    }

    private final int capacity;
    private final Duration retention;
    // insertion order = order of first sighting, so the head is always the oldest
    private final LinkedHashMap<SignalId, Instant> seen = new LinkedHashMap<>();

    public SeenSignals(int capacity, Duration retention) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive, was " + retention);
        }
        this.capacity = capacity;
        this.retention = retention;
    }

    /** Rebuilds the memory from a snapshot, dropping what expired meanwhile. */
    public static SeenSignals restore(List<Entry> snapshot, int capacity, Duration retention, Instant now) {
        var memory = new SeenSignals(capacity, retention);
        snapshot.stream()
                .sorted((a, b) -> a.seenAt().compareTo(b.seenAt()))
                .forEach(e -> memory.seen.putIfAbsent(e.id(), e.seenAt()));
        synchronized (memory) {
            memory.evict(now);
        }
        return memory;
    }

    /**
     * Records the id; true when it is the first sighting (take the signal), false for a duplicate.
     */
    public synchronized boolean firstSighting(SignalId id, Instant now) {
        Objects.requireNonNull(id, "id");
        evict(now);
        if (seen.containsKey(id)) {
            return false;
        }
        seen.put(id, now);
        evict(now);
        return true;
    }

    public synchronized boolean contains(SignalId id, Instant now) {
        evict(now);
        return seen.containsKey(id);
    }

    /** Oldest first; what {@link #restore} takes back. */
    public synchronized List<Entry> snapshot(Instant now) {
        evict(now);
        var out = new ArrayList<Entry>(seen.size());
        seen.forEach((id, at) -> out.add(new Entry(id, at)));
        return out;
    }

    public synchronized int size() {
        return seen.size();
    }

    private void evict(Instant now) {
        Instant horizon = now.minus(retention);
        Iterator<Map.Entry<SignalId, Instant>> it = seen.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<SignalId, Instant> oldest = it.next();
            if (seen.size() > capacity || oldest.getValue().isBefore(horizon)) {
                it.remove();
            } else {
                break;
            }
        }
    }
}
