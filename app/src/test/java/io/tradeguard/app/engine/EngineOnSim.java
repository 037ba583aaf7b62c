package io.tradeguard.app.engine;

import io.tradeguard.binance.spot.BinanceSpotVenue;
import io.tradeguard.core.engine.Command;
import io.tradeguard.core.engine.CommandResult;
import io.tradeguard.core.engine.Engine;
import io.tradeguard.core.engine.EngineSettings;
import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.journal.JournalEntry;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.pretrade.AllowAllGate;
import io.tradeguard.core.pretrade.PreTradeGate;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.sim.SimAccount;
import io.tradeguard.store.Database;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * The engine in this JVM: the real Binance client against the simulator, the journal in a SQLite file.
 * Records every durable domain event as the journal listener sees it.
 */
final class EngineOnSim implements AutoCloseable {
    static final Symbol BTCUSDT = Symbol.of(SimFixture.SYMBOL);
    static final Duration DEADLINE = Duration.ofSeconds(15);

    final Engine engine;
    final BinanceSpotVenue venue;
    final Database database;
    final List<JournalEntry> journaled = new CopyOnWriteArrayList<>();

    EngineOnSim(SimFixture sim, SimAccount account, Path dbFile, Duration reconnectAfter) throws Exception {
        venue = BinanceSpotVenue.connect(sim.venueConfig(account, reconnectAfter));
        database = Database.sqlite(dbFile);
        // periodic reconciliation far away: every fix a test sees comes from the start or a reconnect
        EngineSettings settings = new EngineSettings("TG", Market.SPOT, Asset.USDT, false, Duration.ofMinutes(30),
                Duration.ofSeconds(3), Duration.ofMillis(500), Duration.ofDays(1), Duration.ofSeconds(20),
                Duration.ofSeconds(5), Duration.ofMillis(200));
        engine = Engine.builder(venue, database.journal())
                .settings(settings)
                .gates(List.of(new AllowAllGate(PreTradeGate.Stage.RISK)))
                .listener(journaled::add)
                .build();
        engine.start();
    }

    ClientOrderId limit(Side side, String quantity, String price) throws Exception {
        return accepted(new Command.PlaceOrder(OrderIntent.limit(Market.SPOT, BTCUSDT, side, new BigDecimal(quantity),
                new BigDecimal(price), OrderOrigin.MANUAL)));
    }

    ClientOrderId market(Side side, String quantity) throws Exception {
        return accepted(new Command.PlaceOrder(OrderIntent.market(Market.SPOT, BTCUSDT, side, new BigDecimal(quantity),
                OrderOrigin.MANUAL)));
    }

    ClientOrderId accepted(Command command) throws Exception {
        CommandResult result = engine.submit(command).get(10, TimeUnit.SECONDS);
        if (!(result instanceof CommandResult.Accepted a)) {
            throw new AssertionError("the engine refused " + command + ": " + result);
        }
        return a.order();
    }

    TradingSnapshot snapshot() {
        try {
            return engine.snapshot().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the engine did not answer", e);
        }
    }

    TradingSnapshot awaitSnapshot(String what, Predicate<TradingSnapshot> condition) {
        await(what).atMost(DEADLINE).pollInterval(Duration.ofMillis(50)).until(() -> condition.test(snapshot()));
        return snapshot();
    }

    <T extends DomainEvent> List<T> events(Class<T> type) {
        return journaled.stream().map(JournalEntry::event).filter(type::isInstance).map(type::cast).toList();
    }

    <T extends DomainEvent> List<T> events(Class<T> type, Predicate<T> filter) {
        return events(type).stream().filter(filter).toList();
    }

    <T extends DomainEvent> T awaitEvent(Class<T> type, Predicate<T> filter) {
        await("a journaled " + type.getSimpleName()).atMost(DEADLINE).pollInterval(Duration.ofMillis(50))
                .until(() -> !events(type, filter).isEmpty());
        return events(type, filter).getFirst();
    }

    /** Every fill journaled for the order, each once (with its order's event, whatever the status). */
    List<Fill> fills(ClientOrderId id) {
        List<Fill> out = new java.util.ArrayList<>();
        for (JournalEntry entry : journaled) {
            switch (entry.event()) {
                case DomainEvent.OrderPartiallyFilled f when f.order().clientOrderId().equals(id) -> out.add(f.fill());
                case DomainEvent.OrderFilled f when f.order().clientOrderId().equals(id) && f.fill() != null -> out.add(f.fill());
                default -> { }
            }
        }
        return out;
    }

    /** The journal as stored, read back from the database (not from the listener). */
    List<JournalEntry> stored() throws Exception {
        List<JournalEntry> out = new java.util.ArrayList<>();
        database.journal().replay(0, out::add);
        return out;
    }

    @Override
    public void close() {
        try {
            engine.stop("test over");
        } finally {
            venue.close();
            database.close();
        }
    }
}
