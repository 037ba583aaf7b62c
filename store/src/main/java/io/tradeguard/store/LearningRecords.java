package io.tradeguard.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeguard.core.learning.LearningRecord;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The learning_records table: one row per manual closure, its figures as a JSON payload in snake_case (the
 * same fields the export writes). Written once per record id; a replay writes nothing new.
 */
public final class LearningRecords {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);
    private static final String INSERT = """
            INSERT INTO learning_records (record_id, created_at, payload) VALUES (?, ?, ?)
            ON CONFLICT (record_id) DO NOTHING""";

    private final DataSource dataSource;

    public LearningRecords(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return whether it was new */
    public boolean save(LearningRecord r) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, r.recordId());
            ps.setLong(2, r.closedAt().toEpochMilli());
            ps.setString(3, toJson(r));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not save learning record " + r.recordId() + ": " + e.getMessage(), e);
        }
    }

    public List<LearningRecord> all() {
        List<LearningRecord> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT payload FROM learning_records ORDER BY created_at, record_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(fromJson(rs.getString(1)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read learning records: " + e.getMessage(), e);
        }
        return out;
    }

    /** One record as a JSON object: the payload column and one line of the JSONL export. */
    public static String toJson(LearningRecord r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("record_id", r.recordId());
        n.put("position_id", r.positionId());
        n.put("symbol", r.symbol().value());
        n.put("market", r.market().name());
        n.put("strategy", r.strategy());
        n.put("confidence", r.confidence());
        n.put("external_order_id", r.externalOrderId());
        n.put("entry_price", r.entryPrice());
        n.put("exit_price", r.exitPrice());
        n.put("quantity", r.quantity());
        n.put("realized_pnl", r.realizedPnl());
        n.put("stop_loss", r.stopLoss());
        n.put("stop_loss_distance", r.stopLossDistance());
        n.put("take_profit", r.takeProfit());
        n.put("take_profit_distance", r.takeProfitDistance());
        n.put("fully_closed", r.fullyClosed());
        n.put("manual_closure", r.manualClosure());
        n.put("reason", r.reason());
        n.put("opened_at", r.openedAt().toString());
        n.put("closed_at", r.closedAt().toString());
        n.put("duration_seconds", r.duration().toMillis() / 1000.0);
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static LearningRecord fromJson(String payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            return new LearningRecord(n.get("record_id").asText(), n.get("position_id").asText(),
                    Market.valueOf(n.get("market").asText()), Symbol.of(n.get("symbol").asText()), text(n, "strategy"),
                    dec(n, "confidence"), n.get("external_order_id").asText(), dec(n, "entry_price"),
                    dec(n, "exit_price"), dec(n, "quantity"), dec(n, "realized_pnl"), dec(n, "stop_loss"),
                    dec(n, "stop_loss_distance"), dec(n, "take_profit"), dec(n, "take_profit_distance"),
                    n.get("fully_closed").asBoolean(), Instant.parse(n.get("opened_at").asText()),
                    Instant.parse(n.get("closed_at").asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable learning record payload: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static BigDecimal dec(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.decimalValue();
    }
}
