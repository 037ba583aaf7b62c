package io.tradeguard.core.learning;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a person taught the engine by closing (part of) one of its positions outside it, in the Binance app
 * or web: the outcome, and what the engine's own exits would have done at that moment.
 *
 * @param recordId          stable id (position, external order, venue trade), so a replay writes it once
 * @param strategy          the opening order's origin and reason (a signal's strategy), or null when unknown
 * @param confidence        the opening signal's confidence, or null when the position did not come from a signal
 * @param quantity          the quantity the external order closed
 * @param realizedPnl       P&L of that quantity, net of entry and exit fees
 * @param stopLoss          the engine's stop price on the symbol at the time, or null when none was set
 * @param stopLossDistance  (stop - exit) / exit, signed; null without a stop
 * @param takeProfit        the engine's target price at the time, or null
 * @param takeProfitDistance (target - exit) / exit, signed; null without a target
 * @param fullyClosed       whether the position was flat afterwards
 */
public record LearningRecord(String recordId, String positionId, Market market, Symbol symbol, String strategy,
                             BigDecimal confidence, String externalOrderId, BigDecimal entryPrice,
                             BigDecimal exitPrice, BigDecimal quantity, BigDecimal realizedPnl,
                             BigDecimal stopLoss, BigDecimal stopLossDistance, BigDecimal takeProfit,
                             BigDecimal takeProfitDistance, boolean fullyClosed, Instant openedAt,
                             Instant closedAt) {

    public static final String REASON = "MANUAL_INTERVENTION";

    public LearningRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(positionId, "positionId");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(externalOrderId, "externalOrderId");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(exitPrice, "exitPrice");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(closedAt, "closedAt");
    }

    /** Always true: a record exists only for a closure made by hand. */
    public boolean manualClosure() {
        return true;
    }

    public String reason() {
        return REASON;
    }

    public Duration duration() {
        return Duration.between(openedAt, closedAt);
    }
}
