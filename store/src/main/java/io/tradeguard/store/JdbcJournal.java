package io.tradeguard.store;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.journal.Journal;
import io.tradeguard.core.journal.JournalEntry;
import io.tradeguard.core.journal.JournalException;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The journal on JDBC: each append is one transaction holding the events and their projections, so a
 * batch is durable entirely or not at all. Sequences must follow on without gaps; a second writer on
 * the same database fails on the primary key instead of interleaving.
 */
public final class JdbcJournal implements Journal {
    private static final String INSERT = "INSERT INTO events (seq, type, occurred_at, payload) VALUES (?, ?, ?, ?)";

    private final Database database;
    private final EventCodec codec = new EventCodec();
    private long last = -1;

    JdbcJournal(Database database) {
        this.database = database;
    }

    @Override
    public synchronized void append(List<JournalEntry> entries) throws JournalException {
        if (entries.isEmpty()) {
            return;
        }
        long expected = lastSequence() + 1;
        for (JournalEntry entry : entries) {
            if (entry.sequence() != expected++) {
                throw new JournalException("journal sequence gap: expected " + (expected - 1) + ", got " + entry.sequence());
            }
        }
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT);
                 Projections projections = new Projections(connection, database.dialect())) {
                for (JournalEntry entry : entries) {
                    DomainEvent event = entry.event();
                    String payload = codec.encode(event);
                    insert.setLong(1, entry.sequence());
                    insert.setString(2, codec.typeOf(event));
                    insert.setLong(3, event.time().toEpochMilli());
                    insert.setString(4, payload);
                    insert.addBatch();
                    projections.project(entry.sequence(), event, payload);
                }
                insert.executeBatch();
                projections.flush();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            last = -1; // read it again: we cannot know what the failed transaction left
            throw new JournalException("could not write journal entries " + entries.get(0).sequence() + "-"
                    + entries.get(entries.size() - 1).sequence() + ": " + e.getMessage(), e);
        }
        last = entries.get(entries.size() - 1).sequence();
    }

    @Override
    public void replay(long afterSequence, Consumer<JournalEntry> sink) throws JournalException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false); // lets PostgreSQL stream with the fetch size
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT seq, type, payload FROM events WHERE seq > ? ORDER BY seq")) {
                select.setFetchSize(500);
                select.setLong(1, afterSequence);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        long seq = rows.getLong(1);
                        DomainEvent event;
                        try {
                            event = codec.decode(rows.getString(2), rows.getString(3));
                        } catch (IOException | RuntimeException e) {
                            throw new JournalException("journal entry " + seq + " cannot be read: " + e.getMessage(), e);
                        }
                        sink.accept(new JournalEntry(seq, event));
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new JournalException("could not read the journal: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized long lastSequence() throws JournalException {
        if (last >= 0) {
            return last;
        }
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT MAX(seq) FROM events");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            last = rows.getLong(1); // 0 when NULL (empty)
            return last;
        } catch (SQLException e) {
            throw new JournalException("could not read the journal's last sequence: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // the database owns the pool
    }
}
