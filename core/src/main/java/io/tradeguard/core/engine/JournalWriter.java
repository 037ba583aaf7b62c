package io.tradeguard.core.engine;

import io.tradeguard.core.journal.Journal;
import io.tradeguard.core.journal.JournalEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The write-ahead step, on its own thread so the engine thread never waits for the disk: appends each
 * batch of events (several batches in one transaction when they queue up), and only then releases the
 * batch's effects to the I/O worker, hands the events to listeners and answers the caller. If the
 * journal fails, no effect of that batch or any later one is ever released.
 *
 * <p>The engine hands over all batches of one loop turn at once (one hand-off, at most one wake-up, for a burst of
 * execution reports); the thread releases effects before it calls listeners, so an order goes out without waiting
 * for them.
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
    private final Handoff<List<Batch>> queue;
    private final Thread thread;
    private volatile String failure;
    private volatile boolean stopping;

    /** @param spinNanos how long the thread polls for the next batches before it parks (see {@link Handoff}) */
    JournalWriter(Journal journal, Consumer<Effect> effects, List<EngineListener> listeners, Consumer<String> onFailure,
            long spinNanos) {
        this.queue = new Handoff<>(spinNanos);
        this.journal = journal;
        this.effects = effects;
        this.listeners = listeners;
        this.onFailure = onFailure;
        this.thread = Thread.ofPlatform().name("tg-journal").daemon(true).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    /** The batches of one engine loop turn, in order. */
    void enqueue(List<Batch> batches) {
        queue.add(batches);
    }

    /** Stops after everything queued so far is written. */
    void stop() throws InterruptedException {
        stopping = true;
        queue.add(List.of(new Batch(List.of(), List.of(), null, null)));
        thread.join();
    }

    private void run() {
        List<Batch> group = new ArrayList<>();
        while (true) {
            try {
                group.addAll(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            List<Batch> more;
            while (group.size() < MAX_GROUP && (more = queue.poll()) != null) {
                group.addAll(more);
            }
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
                batch.effects().stream().filter(e -> !sendsAnOrder(e)).forEach(effects);
                if (batch.caller() != null) {
                    batch.caller().completeExceptionally(new IllegalStateException(
                            "the journal could not be written (" + failure + "): nothing of this was recorded,"
                                    + " and no new order is sent until it works again"));
                }
                continue;
            }
            batch.effects().forEach(effects);
        }
        for (Batch batch : group) {
            if (failure != null) {
                continue;
            }
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

    /** Effects that place an order on the venue: never released when their batch could not be journaled. */
    static boolean sendsAnOrder(Effect effect) {
        return switch (effect) {
            case Effect.Submit s -> true;
            case Effect.SubmitAtLeverage s -> true;
            case Effect.SubmitOco s -> true;
            case Effect.Cancel c -> false;
            case Effect.Query q -> false;
            case Effect.WatchPrices w -> false;
            case Effect.FetchVenue f -> false;
            case Effect.FetchFuturesPositions f -> false;
        };
    }

    String failure() {
        return failure;
    }
}
