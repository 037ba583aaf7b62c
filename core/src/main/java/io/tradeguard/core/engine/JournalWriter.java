package io.tradeguard.core.engine;

import io.tradeguard.core.journal.Journal;
import io.tradeguard.core.journal.JournalEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The write-ahead step, on its own thread so the engine thread never waits for the disk: appends each
 * batch of events (several batches in one transaction when they queue up), and only then releases the
 * batch's effects to the I/O worker, hands the events to listeners and answers the caller. If the
 * journal fails, no effect of that batch or any later one is ever released.
 */
final class JournalWriter {
    private static final Logger LOG = Logger.getLogger(JournalWriter.class.getName());
    private static final int MAX_GROUP = 512;

    /**
     * @param reply  run once the entries are durable
     * @param caller the future of whoever waits for this batch, failed when the entries cannot be written
     */
    record Batch(List<JournalEntry> entries, List<Effect> effects, Runnable reply, CompletableFuture<?> caller) {
    }

    private final Journal journal;
    private final Consumer<Effect> effects;
    private final List<EngineListener> listeners;
    private final Consumer<String> onFailure;
    private final BlockingQueue<Batch> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile String failure;
    private volatile boolean stopping;

    JournalWriter(Journal journal, Consumer<Effect> effects, List<EngineListener> listeners, Consumer<String> onFailure) {
        this.journal = journal;
        this.effects = effects;
        this.listeners = listeners;
        this.onFailure = onFailure;
        this.thread = Thread.ofPlatform().name("tg-journal").daemon(true).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    void enqueue(Batch batch) {
        queue.add(batch);
    }

    /** Stops after everything queued so far is written. */
    void stop() throws InterruptedException {
        stopping = true;
        queue.add(new Batch(List.of(), List.of(), null, null));
        thread.join();
    }

    private void run() {
        List<Batch> group = new ArrayList<>();
        while (true) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(group, MAX_GROUP - 1);
            write(group);
            group.clear();
            if (stopping && queue.isEmpty()) {
                return;
            }
        }
    }

    private void write(List<Batch> group) {
        List<JournalEntry> entries = new ArrayList<>();
        group.forEach(b -> entries.addAll(b.entries()));
        if (failure == null && !entries.isEmpty()) {
            try {
                journal.append(entries);
            } catch (Exception e) {
                failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                LOG.log(Level.SEVERE, "journal append failed; no further order requests will be sent", e);
                onFailure.accept(failure);
            }
        }
        for (Batch batch : group) {
            if (failure != null) {
                // never a request that was not journaled; cancels and queries only reduce risk or learn
                batch.effects().stream().filter(e -> !(e instanceof Effect.Submit || e instanceof Effect.SubmitOco))
                        .forEach(effects);
                if (batch.caller() != null) {
                    batch.caller().completeExceptionally(new IllegalStateException(
                            "the journal could not be written (" + failure + "): nothing of this was recorded,"
                                    + " and no new order is sent until it works again"));
                }
                continue;
            }
            batch.effects().forEach(effects);
            for (JournalEntry entry : batch.entries()) {
                for (EngineListener listener : listeners) {
                    try {
                        listener.onEvent(entry);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "listener failed on event " + entry.sequence(), e);
                    }
                }
            }
            if (batch.reply() != null) {
                batch.reply().run();
            }
        }
    }

    String failure() {
        return failure;
    }
}
