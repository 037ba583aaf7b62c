package io.tradeguard.core.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A journal kept in memory: forgets everything when the process ends. For tests, benchmarks and
 * dry runs; never the journal of an engine that trades real money.
 */
public final class InMemoryJournal implements Journal {
    private final List<JournalEntry> entries = new ArrayList<>();

    @Override
    public synchronized void append(List<JournalEntry> batch) throws JournalException {
        long expected = entries.size() + 1L;
        for (JournalEntry entry : batch) {
            if (entry.sequence() != expected) {
                throw new JournalException("journal sequence gap: expected " + expected + ", got " + entry.sequence());
            }
            expected++;
        }
        entries.addAll(batch);
    }

    @Override
    public synchronized void replay(long afterSequence, Consumer<JournalEntry> sink) {
        for (JournalEntry entry : List.copyOf(entries)) {
            if (entry.sequence() > afterSequence) {
                sink.accept(entry);
            }
        }
    }

    @Override
    public synchronized long lastSequence() {
        return entries.size();
    }

    public synchronized List<JournalEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public void close() {
    }
}
