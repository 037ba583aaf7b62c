package io.tradeguard.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The learning_records table and its upsert on PostgreSQL, through the same migrations. */
class PostgresLearningRecordsTest {

    @Test
    void a_record_is_stored_once_and_read_back_exactly_on_postgresql() throws IOException {
        Path base = Path.of("target", "embedded-pg").toAbsolutePath();
        Files.createDirectories(base);
        try (EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(base.resolve("bin").toFile())
                .setDataDirectory(base.resolve("learning-data-" + ProcessHandle.current().pid()))
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "off")
                .start();
             Database db = Database.open(server.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")) {
            LearningRecordsTest.storedOnceAndReadBack(db);
        }
    }
}
