package io.tradeguard.store;

import io.tradeguard.core.learning.LearningRecord;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LearningRecordsTest {

    @TempDir
    Path dir;

    @Test
    void a_record_is_stored_once_and_read_back_exactly() {
        try (Database db = Database.sqlite(dir.resolve("t.db"))) {
            storedOnceAndReadBack(db);
        }
    }

    static void storedOnceAndReadBack(Database db) {
        LearningRecord r = new LearningRecord("P1:web_1:7", "P1", Market.SPOT, Symbol.of("BTCUSDT"), "ma-cross",
                new BigDecimal("0.82"), "web_1", new BigDecimal("50000"), new BigDecimal("51000.5"),
                new BigDecimal("0.01"), new BigDecimal("8.99"), new BigDecimal("49000"),
                new BigDecimal("-0.0392"), null, null, true, Instant.parse("2026-11-22T10:00:00Z"),
                Instant.parse("2026-11-22T10:01:30Z"));
        LearningRecords store = new LearningRecords(db.dataSource());
        assertThat(store.save(r)).isTrue();
        assertThat(store.save(r)).isFalse();
        assertThat(store.all()).containsExactly(r);
        assertThat(LearningRecords.toJson(r)).contains("\"manual_closure\":true", "\"reason\":\"MANUAL_INTERVENTION\"",
                "\"realized_pnl\":8.99", "\"duration_seconds\":90.0", "\"take_profit\":null");
    }
}
