package io.tradeguard.core.pretrade;

import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.state.TradingSnapshot;

/**
 * One check on the order path between an intent and its journaling (DESIGN.md section 3): instrument
 * filters, then risk rules, then safety gates. Called on the engine thread: decide from the snapshot,
 * never block, never call out. "Now" is {@code state.now()}.
 */
public interface PreTradeGate {

    /** Where on the order path a gate sits; the engine runs gates stage by stage in this order. */
    enum Stage { INSTRUMENT, RISK, SAFETY }

    Stage stage();

    /** Short name for logs and rejection messages, e.g. "max-position-size". */
    String name();

    GateDecision check(OrderIntent intent, TradingSnapshot state);
}
