package io.tradeguard.core.journal;

import io.tradeguard.core.event.DomainEvent;

import java.util.Objects;

/** One domain event with its place in the journal; sequences start at 1 and have no gaps. */
public record JournalEntry(long sequence, DomainEvent event) {
    public JournalEntry {
        if (sequence < 1) {
            throw new IllegalArgumentException("journal sequences start at 1, was " + sequence);
        }
        Objects.requireNonNull(event, "event");
    }
}
