package io.tradeguard.app.learning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeguard.core.journal.Journal;
import io.tradeguard.core.journal.JournalEntry;
import io.tradeguard.core.journal.JournalException;
import io.tradeguard.core.learning.LearningRecord;
import io.tradeguard.core.learning.ManualTradeDetector;
import io.tradeguard.store.LearningRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Listens to the engine's durable events, recognises positions closed or reduced by orders made outside the
 * engine (the Binance app, the web UI), and stores a learning record for each. Its counters and records are
 * rebuilt from the journal at start ({@link #restore}), so they survive restarts like everything else.
 */
public final class ManualTradeLearning {
    private static final Logger LOG = LoggerFactory.getLogger(ManualTradeLearning.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final List<String> CSV_COLUMNS = List.of("record_id", "position_id", "symbol", "market", "strategy",
            "confidence", "external_order_id", "entry_price", "exit_price", "quantity", "realized_pnl", "stop_loss",
            "stop_loss_distance", "take_profit", "take_profit_distance", "fully_closed", "manual_closure", "reason",
            "opened_at", "closed_at", "duration_seconds");

    private final ManualTradeDetector detector = new ManualTradeDetector();
    private final LearningRecords store;
    private long lastSequence;

    public ManualTradeLearning(LearningRecords store) {
        this.store = store;
    }

    /** Replays the journal before the engine starts; writes any record the store lacks. */
    public void restore(Journal journal) throws JournalException {
        journal.replay(0, this::onEntry);
    }

    /** The engine's listener: called with every durable event, in journal order. */
    public synchronized void onEntry(JournalEntry entry) {
        if (entry.sequence() <= lastSequence) {
            return;
        }
        lastSequence = entry.sequence();
        for (LearningRecord r : detector.accept(entry.event())) {
            boolean saved;
            try {
                saved = store.save(r);
            } catch (RuntimeException e) {
                // never disturb the engine's thread; the next start replays the journal and writes it then
                LOG.error("learning record {} not stored: {}", r.recordId(), e.getMessage());
                continue;
            }
            if (saved) {
                LOG.info("manual closure of position {} ({}) by external order {}: {} {} at {}, P&L {}",
                        r.positionId(), r.symbol(), r.externalOrderId(), r.quantity(), r.symbol(), r.exitPrice(),
                        r.realizedPnl());
            }
        }
    }

    public List<LearningRecord> records() {
        return store.all();
    }

    public synchronized ManualTradeDetector.Counters counters() {
        return detector.counters();
    }

    /** Each record as a JSON object in snake_case, as stored. */
    public List<Map<String, Object>> recordsAsMaps() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LearningRecord r : records()) {
            try {
                out.add(JSON.readValue(LearningRecords.toJson(r), new TypeReference<LinkedHashMap<String, Object>>() { }));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** One JSON object per line, newline-terminated. */
    public String jsonl() {
        StringBuilder b = new StringBuilder();
        for (LearningRecord r : records()) {
            b.append(LearningRecords.toJson(r)).append('\n');
        }
        return b.toString();
    }

    /** RFC 4180 CSV with a header row; empty cells for absent values. */
    public String csv() {
        StringBuilder b = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (Map<String, Object> row : recordsAsMaps()) {
            List<String> cells = new ArrayList<>();
            for (String c : CSV_COLUMNS) {
                Object v = row.get(c);
                cells.add(v == null ? "" : cell(v instanceof java.math.BigDecimal d ? d.toPlainString() : v.toString()));
            }
            b.append(String.join(",", cells)).append("\r\n");
        }
        return b.toString();
    }

    private static String cell(String v) {
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
