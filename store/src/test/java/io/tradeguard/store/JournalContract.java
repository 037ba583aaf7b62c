package io.tradeguard.store;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.journal.JournalEntry;
import io.tradeguard.core.journal.JournalException;
import io.tradeguard.core.engine.Command;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.testing.FakeVenue;
import io.tradeguard.core.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.tradeguard.store.EventSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The journal's contract, run once per database (SQLite, PostgreSQL) by the subclasses. */
abstract class JournalContract {
    private final List<Database> opened = new ArrayList<>();

    /** A fresh, empty, migrated database; the same one again when called with the same name. */
    abstract Database open(String name);

    Database fresh() {
        Database db = open("journal");
        opened.add(db);
        return db;
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Database::close);
    }

    static List<JournalEntry> numbered(long first, List<DomainEvent> events) {
        List<JournalEntry> entries = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            entries.add(new JournalEntry(first + i, events.get(i)));
        }
        return entries;
    }

    static List<JournalEntry> replayAll(JdbcJournal journal) throws JournalException {
        List<JournalEntry> out = new ArrayList<>();
        journal.replay(0, out::add);
        return out;
    }

    @Test
    void theMigrationsCreateEveryTableOfTheDesign() throws SQLException {
        Database db = fresh();
        Set<String> tables = new HashSet<>();
        try (Connection c = db.dataSource().getConnection(); ResultSet rows = c.getMetaData().getTables(null, null, "%", null)) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        assertThat(tables).contains("orders", "fills", "positions", "trades", "events", "safety_state", "signals",
                "learning_records", "users");
    }

    @Test
    void everyEventTypeComesBackExactlyAsItWasWritten() throws Exception {
        JdbcJournal journal = fresh().journal();
        List<DomainEvent> events = EventSamples.all();

        journal.append(numbered(1, events));

        List<JournalEntry> back = replayAll(journal);
        assertThat(back).containsExactlyElementsOf(numbered(1, events));
        assertThat(journal.lastSequence()).isEqualTo(events.size());
        Set<Class<?>> covered = new HashSet<>();
        events.forEach(e -> covered.add(e.getClass()));
        assertThat(covered).containsExactlyInAnyOrder(DomainEvent.class.getPermittedSubclasses());
    }

    @Test
    void replayStartsAfterTheGivenSequence() throws Exception {
        JdbcJournal journal = fresh().journal();
        journal.append(numbered(1, EventSamples.all().subList(0, 5)));
        journal.append(numbered(6, EventSamples.all().subList(5, 8)));

        List<Long> sequences = new ArrayList<>();
        journal.replay(4, e -> sequences.add(e.sequence()));

        assertThat(sequences).containsExactly(5L, 6L, 7L, 8L);
    }

    @Test
    void aGapInTheSequenceIsRefused() throws Exception {
        JdbcJournal journal = fresh().journal();
        journal.append(numbered(1, List.of(new DomainEvent.EngineStarted(T0))));

        assertThatThrownBy(() -> journal.append(numbered(3, List.of(new DomainEvent.EngineStarted(T0)))))
                .isInstanceOf(JournalException.class).hasMessageContaining("expected 2");
        assertThat(journal.lastSequence()).isEqualTo(1);
    }

    @Test
    void aSecondWriterFailsAndItsBatchLeavesNoTrace() throws Exception {
        Database db = fresh();
        JdbcJournal first = db.journal();
        JdbcJournal second = db.journal();
        assertThat(second.lastSequence()).isZero(); // it believes the journal is empty
        first.append(numbered(1, List.of(new DomainEvent.EngineStarted(T0), new DomainEvent.EngineStarted(T0))));

        List<DomainEvent> batch = List.of(new DomainEvent.EmergencyStop("mine", T0), new DomainEvent.EngineStarted(T0),
                new DomainEvent.OrderSubmitted(EventSamples.pending(), EventSamples.intent().toRequest(EventSamples.ID), T0));
        assertThatThrownBy(() -> second.append(numbered(1, batch))).isInstanceOf(JournalException.class);

        assertThat(replayAll(first)).hasSize(2);
        assertThat(count(db, "SELECT COUNT(*) FROM orders")).isZero();
        assertThat(count(db, "SELECT COUNT(*) FROM safety_state")).isZero();
        assertThat(second.lastSequence()).isEqualTo(2);
    }

    @Test
    void theProjectionsFollowTheEventsWithExactDecimals() throws Exception {
        Database db = fresh();
        JdbcJournal journal = db.journal();
        journal.append(numbered(1, List.of(
                new DomainEvent.OrderSubmitted(EventSamples.pending(), EventSamples.intent().toRequest(EventSamples.ID), T0),
                new DomainEvent.OrderFilled(EventSamples.filled(), EventSamples.fill(), T0),
                new DomainEvent.PositionOpened(EventSamples.position(), T0),
                new DomainEvent.EmergencyStop("drawdown 10%", T0))));

        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT status, venue_order_id, filled_quantity, avg_price, last_seq FROM orders")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString("status")).isEqualTo("FILLED");
                assertThat(r.getLong("venue_order_id")).isEqualTo(123456789L);
                assertThat(db.dialect().getDecimal(r, "filled_quantity")).isEqualByComparingTo("0.5");
                assertThat(db.dialect().getDecimal(r, "avg_price")).isEqualByComparingTo("42000.1");
                assertThat(r.getLong("last_seq")).isEqualTo(2);
                assertThat(r.next()).isFalse();
            }
            try (ResultSet r = s.executeQuery("SELECT trade_id, commission, commission_asset FROM fills")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getLong("trade_id")).isEqualTo(77);
                assertThat(db.dialect().getDecimal(r, "commission")).isEqualByComparingTo(new BigDecimal("0.00000001"));
                assertThat(r.getString("commission_asset")).isEqualTo("BTC");
            }
            try (ResultSet r = s.executeQuery("SELECT halted, halt_reason FROM safety_state WHERE id = 1")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getBoolean("halted")).isTrue();
                assertThat(r.getString("halt_reason")).isEqualTo("drawdown 10%");
            }
        }
        assertThat(count(db, "SELECT COUNT(*) FROM positions")).isEqualTo(1);

        journal.append(numbered(5, List.of(new DomainEvent.PositionClosed(EventSamples.position().market(),
                EventSamples.BTCUSDT, EventSamples.position(), EventSamples.trade(), new BigDecimal("499.10"), T0),
                new DomainEvent.PositionOpened(EventSamples.position(), T0),
                new DomainEvent.PositionClosed(EventSamples.position().market(), EventSamples.BTCUSDT,
                        EventSamples.position(), EventSamples.trade(), new BigDecimal("499.10"), T0))));

        assertThat(count(db, "SELECT COUNT(*) FROM positions")).isZero();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT realized_pnl, pnl_ratio, exit_reason FROM trades")) {
            assertThat(r.next()).isTrue();
            assertThat(db.dialect().getDecimal(r, "realized_pnl")).isEqualByComparingTo("499.10");
            assertThat(db.dialect().getDecimal(r, "pnl_ratio")).isEqualByComparingTo("0.023765417308");
            assertThat(r.getString("exit_reason")).isEqualTo("PROTECTION: take profit");
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void aReopenedDatabaseHasTheSameJournal() throws Exception {
        Database db = fresh();
        db.journal().append(numbered(1, EventSamples.all()));
        db.close();
        opened.remove(db);

        Database again = open("journal");
        opened.add(again);

        assertThat(replayAll(again.journal())).containsExactlyElementsOf(numbered(1, EventSamples.all()));
    }

    @Test
    void anEngineRestartedOnTheDatabaseKnowsEverythingItKnewBefore() throws Exception {
        Database db = fresh();
        ManualClock clock = ManualClock.at("2026-01-05T10:00:00Z");
        FakeVenue venue = new FakeVenue(clock);
        TradingSnapshot before;
        try (EngineOnDatabase first = new EngineOnDatabase(db.journal(), venue, clock)) {
            ClientOrderId buy = first.place(Side.BUY, "2", "100");
            first.fill(buy, Side.BUY, "2", "100", "2", 1, true);
            ClientOrderId sell = first.place(Side.SELL, "1.5", "120");
            first.fill(sell, Side.SELL, "1.5", "120", "0.5", 2, false);
            first.engine.submit(new Command.EmergencyStop("restart test")).get(10, TimeUnit.SECONDS);
            // the resting sell is cancelled; the flatten (a market sell the fake venue leaves open) remains
            await().atMost(Duration.ofSeconds(10)).until(() -> first.snapshot().orders().stream()
                    .allMatch(o -> o.origin() == io.tradeguard.core.order.OrderOrigin.PROTECTION
                            && o.status() == io.tradeguard.core.model.OrderStatus.NEW)
                    && first.snapshot().orders().size() == 1);
            before = first.snapshot();
        }
        db.close();
        opened.remove(db);

        Database reopened = open("journal");
        opened.add(reopened);
        try (EngineOnDatabase second = new EngineOnDatabase(reopened.journal(), venue, clock)) {
            TradingSnapshot after = second.snapshot();

            assertThat(after.positions()).isEqualTo(before.positions());
            assertThat(after.positions()).singleElement().satisfies(p -> {
                assertThat(p.quantity()).isEqualByComparingTo("1.5");
                // entry fee 0.001 × 100, a quarter of it realized with the 0.5 sold
                assertThat(p.openFees()).isEqualByComparingTo("0.00075");
            });
            assertThat(after.orders()).isEqualTo(before.orders());
            assertThat(after.balances()).isEqualTo(before.balances());
            assertThat(after.daily()).isEqualTo(before.daily());
            assertThat(after.halted()).isTrue();
            assertThat(venue.count("submit")).isEqualTo(3); // buy, sell, the emergency flatten; nothing resent
        }
    }

    static long count(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
