package io.tradeguard.app.crash;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The crash tests on PostgreSQL: a real server started by the test (embedded binaries from Maven
 * Central), one fresh database per test. Unlike the store's own tests, fsync stays on: what is tested
 * here is that a committed journal entry survives the engine's death.
 */
class PostgresCrashRestartTest extends CrashRestartContract {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;
    private String name;

    @BeforeAll
    static void startServer() throws IOException {
        Path base = Path.of("target", "embedded-pg-crash").toAbsolutePath();
        Files.createDirectories(base);
        server = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(base.resolve("bin").toFile())
                .setDataDirectory(base.resolve("data-" + ProcessHandle.current().pid()))
                .setCleanDataDirectory(true)
                .start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @Override
    List<String> database() {
        if (name == null) {
            name = "crash_" + DATABASES.incrementAndGet();
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return List.of(server.getJdbcUrl("postgres", name), "postgres", "postgres");
    }
}
