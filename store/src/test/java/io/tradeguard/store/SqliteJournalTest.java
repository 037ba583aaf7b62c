package io.tradeguard.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteJournalTest extends JournalContract {
    @TempDir
    Path dir;

    @Override
    Database open(String name) {
        return Database.sqlite(dir.resolve("data").resolve(name + ".db"));
    }

    @Test
    void theFileIsInWalModeAndEveryCommitIsSynced() throws Exception {
        Database db = fresh();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
                r.next();
                assertThat(r.getString(1)).isEqualToIgnoringCase("wal");
            }
            try (ResultSet r = s.executeQuery("PRAGMA synchronous")) {
                r.next();
                assertThat(r.getInt(1)).isEqualTo(2); // FULL
            }
        }
    }

    @Test
    void decimalsAreStoredAsExactText() throws Exception {
        Database db = fresh();
        db.journal().append(numbered(1, java.util.List.of(new io.tradeguard.core.event.DomainEvent.OrderFilled(
                EventSamples.filled(), EventSamples.fill(), EventSamples.T0))));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT typeof(commission), commission FROM fills")) {
            r.next();
            assertThat(r.getString(1)).isEqualTo("text");
            assertThat(r.getString(2)).isEqualTo("0.00000001");
        }
    }
}
