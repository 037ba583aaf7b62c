package io.tradeguard.core.journal;

import java.util.List;
import java.util.function.Consumer;

/**
 * The append-only record of every domain event: the engine's memory across restarts. Only the engine's
 * journal writer appends; it appends in sequence order without gaps.
 */
public interface Journal extends AutoCloseable {

    /**
     * Stores the entries durably, all or none: when this returns they survive a crash of the process.
     * Throws when a sequence is not the next one.
     */
    void append(List<JournalEntry> entries) throws JournalException;

    /** Every entry after the given sequence, in order. */
    void replay(long afterSequence, Consumer<JournalEntry> sink) throws JournalException;

    /** The sequence of the last stored entry, 0 when empty. */
    long lastSequence() throws JournalException;

    @Override
    void close();
}
