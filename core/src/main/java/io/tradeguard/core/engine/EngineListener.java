package io.tradeguard.core.engine;

import io.tradeguard.core.journal.JournalEntry;

/**
 * Receives every domain event once it is durable, in sequence order, on the journal writer's thread:
 * keep it short (hand off to your own queue), never block.
 */
@FunctionalInterface
public interface EngineListener {
    void onEvent(JournalEntry entry);
}
