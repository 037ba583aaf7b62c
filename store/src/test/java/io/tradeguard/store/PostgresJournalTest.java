package io.tradeguard.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** The same contract on a real PostgreSQL server that the test starts itself (binaries from Maven). */
class PostgresJournalTest extends JournalContract {
    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final Set<String> created = new HashSet<>();
    private String current;

    @BeforeAll
    static void startServer() throws IOException {
        Path base = Path.of("target", "embedded-pg").toAbsolutePath();
        Files.createDirectories(base);
        server = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(base.resolve("bin").toFile())
                .setDataDirectory(base.resolve("data-" + ProcessHandle.current().pid()))
                .setCleanDataDirectory(true)
                // test speed on a shared machine: what these tests check does not depend on fsync
                // (the journal benchmark runs with PostgreSQL's defaults)
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Override
    Database open(String name) {
        if (current == null) {
            current = name + "_" + DATABASES.incrementAndGet();
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + current);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            created.add(current);
        }
        return Database.open(server.getJdbcUrl("postgres", current), "postgres", "postgres");
    }
}
