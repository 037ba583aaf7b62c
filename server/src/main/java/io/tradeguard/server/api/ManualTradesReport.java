package io.tradeguard.server.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code GET /api/real-trading/manual-trades} answers: the orders made outside the engine, the learning
 * records of engine positions they closed or reduced (each a JSON object in snake_case, the same as one line
 * of the JSONL export), and the counters.
 *
 * @param detected  external orders with a fill
 * @param matched   of those, the ones that reduced or closed an engine position
 * @param unmatched the others (a symbol where the engine held nothing, an order that added to a position)
 */
public record ManualTradesReport(List<ManualTradeView> orders, List<Map<String, Object>> learningRecords,
                                 long detected, long matched, long unmatched) {
    public ManualTradesReport {
        orders = List.copyOf(orders);
        learningRecords = List.copyOf(Objects.requireNonNull(learningRecords, "learningRecords"));
    }
}
