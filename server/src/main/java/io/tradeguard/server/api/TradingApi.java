package io.tradeguard.server.api;

import io.tradeguard.core.model.Symbol;
import io.tradeguard.server.auth.Principal;
import io.tradeguard.server.order.OrderIntent;

import java.util.List;

/**
 * What {@code /api/real-trading/…} needs from the engine; the app module implements it over the engine's
 * command queue. Calls come from virtual threads and may block until the engine answers (the implementation
 * bounds the wait and answers {@link Outcome.Unavailable} on timeout). Every order reaching {@link #place}
 * has passed input validation and, when required, confirmation; risk, rounding and safety gates are the
 * engine's.
 */
public interface TradingApi {
    TradingStatus status();

    Outcome<TradingStatus> start(Principal by);

    Outcome<TradingStatus> stop(Principal by);

    /** Rounds and judges the order without sending anything. */
    Outcome<OrderPreview> preview(Principal by, OrderIntent order);

    Outcome<OrderView> place(Principal by, OrderIntent order);

    Outcome<OrderView> cancel(Principal by, OrderRef order);

    /** One order, open or final, by order id or client order id. */
    Outcome<OrderView> order(OrderRef order);

    Page<OrderView> orders(OrderQuery query);

    List<PositionView> positions();

    /** Closes the whole position at market; answers the closing order. */
    Outcome<OrderView> closePosition(Principal by, String positionId);

    Page<TradeView> trades(TradeQuery query);

    List<BalanceView> balances();

    /** Cancel all, flatten all, persist the halt. */
    Outcome<EmergencyStopReport> emergencyStop(Principal by, String reason);

    /** Lifts the emergency halt (admin). */
    Outcome<TradingStatus> resetEmergencyStop(Principal by);

    List<ManualTradeView> manualTrades();

    /** The external orders with the learning records of positions closed by hand, and the counters. */
    default ManualTradesReport manualTradesReport() {
        return new ManualTradesReport(manualTrades(), List.of(), 0, 0, 0);
    }

    /** The learning records as text for training: {@code jsonl} (one JSON object per line) or {@code csv}. */
    default String learningExport(LearningExportFormat format) {
        return "";
    }

    enum LearningExportFormat { JSONL, CSV }

    Outcome<LeverageSetting> setLeverage(Principal by, Symbol symbol, int leverage);

    Outcome<TradingMode> setMode(Principal by, TradingMode mode);
}
