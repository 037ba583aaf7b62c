package io.tradeguard.core.engine;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.journal.InMemoryJournal;
import io.tradeguard.core.journal.Journal;
import io.tradeguard.core.journal.JournalEntry;
import io.tradeguard.core.journal.JournalException;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.testing.FailingJournal;
import io.tradeguard.core.venue.OrderRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static io.tradeguard.core.testing.Reports.BTCUSDT;
import static io.tradeguard.core.testing.Reports.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The write-ahead step on its own: nothing is released before it is journaled, nothing that places an order after a failure. */
class JournalWriterTest {
    private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void theBatchesOfOneTurnAreAppendedTogetherBeforeAnyOfTheirEffectsIsReleased() throws Exception {
        List<Effect> released = new CopyOnWriteArrayList<>();
        List<Integer> releasedAtAppend = new ArrayList<>();
        List<Integer> appendSizes = new ArrayList<>();
        InMemoryJournal stored = new InMemoryJournal();
        Journal journal = new Recording(stored, entries -> {
            releasedAtAppend.add(released.size());
            appendSizes.add(entries.size());
        });
        List<Long> heard = new CopyOnWriteArrayList<>();
        JournalWriter writer = new JournalWriter(journal, released::add, List.of(entry -> heard.add(entry.sequence())),
                reason -> { }, 0);
        writer.start();
        Effect first = new Effect.Submit(order("a"));
        Effect second = new Effect.Submit(order("b"));
        CompletableFuture<String> replies = new CompletableFuture<>();
        writer.enqueue(List.of(
                new JournalWriter.Batch(List.of(entry(1)), List.of(first), () -> { }, null),
                new JournalWriter.Batch(List.of(entry(2)), List.of(second), () -> replies.complete("both"), null)));

        assertThat(replies.get(5, TimeUnit.SECONDS)).isEqualTo("both");
        writer.stop();
        assertThat(appendSizes).containsExactly(2);
        assertThat(releasedAtAppend).containsExactly(0);
        assertThat(released).containsExactly(first, second);
        assertThat(heard).containsExactly(1L, 2L);
        assertThat(stored.lastSequence()).isEqualTo(2);
    }

    @Test
    void afterAFailedAppendNoOrderOfAnyKindLeavesButCancelsAndQueriesDo() throws Exception {
        FailingJournal journal = new FailingJournal();
        List<Effect> released = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        JournalWriter writer = new JournalWriter(journal, released::add, List.of(), failures::add, 0);
        writer.start();
        journal.breakIt();
        Effect cancel = new Effect.Cancel(Market.SPOT, BTCUSDT, ClientOrderId.of("resting"));
        Effect query = new Effect.Query(Market.SPOT, BTCUSDT, ClientOrderId.of("in-doubt"));
        CompletableFuture<Object> caller = new CompletableFuture<>();
        writer.enqueue(List.of(new JournalWriter.Batch(List.of(entry(1)), List.of(
                new Effect.Submit(order("spot")),
                new Effect.SubmitAtLeverage(order("futures"), 5, 20),
                cancel,
                query), () -> caller.complete("journaled"), caller)));

        assertThatThrownBy(() -> caller.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("disk full").hasMessageContaining("no new order is sent");
        writer.stop();
        assertThat(released).containsExactly(cancel, query);
        assertThat(failures).containsExactly("disk full");
        assertThat(journal.stored().lastSequence()).isZero();
    }

    private static OrderRequest order(String id) {
        return OrderRequest.simple(Market.SPOT, BTCUSDT, Side.BUY, OrderType.LIMIT, d("1"), d("100"), ClientOrderId.of(id));
    }

    private static JournalEntry entry(long sequence) {
        return new JournalEntry(sequence, new DomainEvent.EmergencyStop("test " + sequence, AT));
    }

    /** Tells what it is asked to append, then stores it. */
    private record Recording(InMemoryJournal stored, Consumer<List<JournalEntry>> seen) implements Journal {
        @Override
        public void append(List<JournalEntry> entries) throws JournalException {
            seen.accept(entries);
            stored.append(entries);
        }

        @Override
        public void replay(long afterSequence, Consumer<JournalEntry> sink) throws JournalException {
            stored.replay(afterSequence, sink);
        }

        @Override
        public long lastSequence() throws JournalException {
            return stored.lastSequence();
        }

        @Override
        public void close() {
        }
    }
}
