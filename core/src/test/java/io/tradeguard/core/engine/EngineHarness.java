package io.tradeguard.core.engine;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.journal.InMemoryJournal;
import io.tradeguard.core.journal.JournalEntry;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.order.ClientOrderIdGenerator;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.pretrade.AllowAllGate;
import io.tradeguard.core.pretrade.PreTradeGate;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.testing.FakeVenue;
import io.tradeguard.core.testing.ManualClock;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** An engine on a fake venue, an in-memory journal and a manual clock, with helpers to wait for state. */
final class EngineHarness implements AutoCloseable {
    final ManualClock clock;
    final FakeVenue venue;
    final InMemoryJournal journal;
    final List<JournalEntry> heard = new CopyOnWriteArrayList<>();
    final Engine engine;

    EngineHarness(ManualClock clock, FakeVenue venue, InMemoryJournal journal, List<PreTradeGate> gates,
                  EngineSettings settings) {
        this.clock = clock;
        this.venue = venue;
        this.journal = journal;
        AtomicInteger counter = new AtomicInteger();
        String run = Integer.toString(journal.entries().size());
        ClientOrderIdGenerator ids = origin -> ClientOrderId.of("TG" + origin.code() + "-" + run + "-" + counter.incrementAndGet());
        this.engine = Engine.builder(venue, journal).settings(settings).gates(gates).clock(clock).ids(ids)
                .listener(heard::add).build();
    }

    static EngineSettings settings() {
        return EngineSettings.defaults(Market.SPOT).withTickInterval(null);
    }

    static EngineHarness started() throws Exception {
        ManualClock clock = ManualClock.at("2026-01-05T10:00:00Z");
        EngineHarness h = new EngineHarness(clock, new FakeVenue(clock), new InMemoryJournal(),
                List.of(new AllowAllGate(PreTradeGate.Stage.RISK)), settings());
        h.engine.start();
        return h;
    }

    /** A second engine on the same journal and venue, as after a restart of the process. */
    EngineHarness restarted() throws Exception {
        EngineHarness h = new EngineHarness(clock, venue, journal, List.of(new AllowAllGate(PreTradeGate.Stage.RISK)), settings());
        h.engine.start();
        return h;
    }

    CommandResult submit(Command command) throws Exception {
        return engine.submit(command).get(5, TimeUnit.SECONDS);
    }

    ClientOrderId place(Command command) throws Exception {
        CommandResult result = submit(command);
        if (!(result instanceof CommandResult.Accepted accepted)) {
            throw new AssertionError("expected the order to be accepted: " + result);
        }
        return accepted.order();
    }

    TradingSnapshot snapshot() {
        try {
            return engine.snapshot().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    Optional<Order> order(ClientOrderId id) {
        return engine.durableState().orders().stream().filter(o -> o.clientOrderId().equals(id)).findFirst();
    }

    Order awaitOrder(ClientOrderId id, Predicate<Order> condition) {
        await().atMost(Duration.ofSeconds(5)).until(() -> order(id).filter(condition).isPresent());
        return order(id).orElseThrow();
    }

    TradingSnapshot awaitSnapshot(Predicate<TradingSnapshot> condition) {
        await().atMost(Duration.ofSeconds(5)).until(() -> condition.test(snapshot()));
        return snapshot();
    }

    <T extends DomainEvent> List<T> journaled(Class<T> type) {
        return journal.entries().stream().map(JournalEntry::event).filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() {
        engine.stop("test over");
    }
}
