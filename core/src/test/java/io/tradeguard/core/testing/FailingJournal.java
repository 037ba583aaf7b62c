package io.tradeguard.core.testing;

import io.tradeguard.core.journal.InMemoryJournal;
import io.tradeguard.core.journal.Journal;
import io.tradeguard.core.journal.JournalEntry;
import io.tradeguard.core.journal.JournalException;

import java.util.List;
import java.util.function.Consumer;

/** A journal that works until the test breaks it (a full disk, a lost database). */
public final class FailingJournal implements Journal {
    private final InMemoryJournal stored = new InMemoryJournal();
    private volatile boolean broken;

    public void breakIt() {
        broken = true;
    }

    public InMemoryJournal stored() {
        return stored;
    }

    @Override
    public void append(List<JournalEntry> entries) throws JournalException {
        if (broken) {
            throw new JournalException("disk full");
        }
        stored.append(entries);
    }

    @Override
    public void replay(long afterSequence, Consumer<JournalEntry> sink) {
        stored.replay(afterSequence, sink);
    }

    @Override
    public long lastSequence() {
        return stored.lastSequence();
    }

    @Override
    public void close() {
    }
}
