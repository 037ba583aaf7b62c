package io.tradeguard.binance.spot;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.ExecutionType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.core.venue.OrderUpdate;

import java.math.BigDecimal;
import java.time.Instant;

import static io.tradeguard.binance.spot.Fields.bool;
import static io.tradeguard.binance.spot.Fields.decimal;
import static io.tradeguard.binance.spot.Fields.longValue;
import static io.tradeguard.binance.spot.Fields.millis;
import static io.tradeguard.binance.spot.Fields.optDecimal;
import static io.tradeguard.binance.spot.Fields.optLong;
import static io.tradeguard.binance.spot.Fields.optText;
import static io.tradeguard.binance.spot.Fields.text;

/**
 * Every key of a spot {@code executionReport} (binance-api.md §5.3), typed. Conditional keys are null
 * (or -1 for ids) when the venue did not send them. {@link #toOrderUpdate} is what the engine sees.
 */
record ExecutionReport(
        Instant eventTime, Symbol symbol, String clientOrderId, Side side, OrderType type, TimeInForce timeInForce,
        BigDecimal quantity, BigDecimal price, BigDecimal stopPrice, BigDecimal icebergQuantity, long orderListId,
        String originalClientOrderId, ExecutionType executionType, OrderStatus status, String rejectReason,
        long orderId, BigDecimal lastQuantity, BigDecimal cumulativeQuantity, BigDecimal lastPrice,
        BigDecimal commission, String commissionAsset, Instant transactionTime, long tradeId, long preventedMatchId,
        long executionId, boolean onBook, boolean maker, Instant creationTime, BigDecimal cumulativeQuote,
        BigDecimal lastQuote, BigDecimal quoteOrderQuantity, Instant workingTime, String selfTradePreventionMode,
        // conditional keys
        Long trailingDelta, Instant trailingTime, Long strategyId, Long strategyType, BigDecimal preventedQuantity,
        BigDecimal lastPreventedQuantity, Long tradeGroupId, Long counterOrderId, String counterSymbol,
        BigDecimal preventedExecutionQuantity, BigDecimal preventedExecutionPrice, BigDecimal preventedExecutionQuote,
        String matchType, Long allocationId, String workingFloor, Boolean usedSor, String pegPriceType,
        String pegOffsetType, Long pegOffsetValue, BigDecimal peggedPrice, String expiryReason) {

    static ExecutionReport parse(JsonNode e) {
        long trailingTime = optLong(e, "D", -1);
        long working = optLong(e, "W", -1);
        return new ExecutionReport(
                millis(e, "E"), Symbol.of(text(e, "s")), text(e, "c"), SpotEnums.side(text(e, "S")),
                SpotEnums.orderType(text(e, "o")), SpotEnums.timeInForce(optText(e, "f")),
                decimal(e, "q"), decimal(e, "p"), decimal(e, "P"), optDecimal(e, "F"), optLong(e, "g", -1),
                optText(e, "C"), SpotEnums.executionType(text(e, "x")), SpotEnums.status(text(e, "X")), optText(e, "r"),
                longValue(e, "i"), decimal(e, "l"), decimal(e, "z"), decimal(e, "L"),
                decimal(e, "n"), optText(e, "N"), millis(e, "T"), optLong(e, "t", -1), optLong(e, "v", -1),
                optLong(e, "I", -1), e.path("w").asBoolean(false), e.path("m").asBoolean(false),
                e.hasNonNull("O") ? millis(e, "O") : null, decimal(e, "Z"), optDecimal(e, "Y"), optDecimal(e, "Q"),
                working > 0 ? Instant.ofEpochMilli(working) : null, optText(e, "V"),
                e.hasNonNull("d") ? longValue(e, "d") : null, trailingTime > 0 ? Instant.ofEpochMilli(trailingTime) : null,
                e.hasNonNull("j") ? longValue(e, "j") : null, e.hasNonNull("J") ? longValue(e, "J") : null,
                optDecimal(e, "A"), optDecimal(e, "B"), e.hasNonNull("u") ? longValue(e, "u") : null,
                e.hasNonNull("U") ? longValue(e, "U") : null, optText(e, "Cs"), optDecimal(e, "pl"), optDecimal(e, "pL"),
                optDecimal(e, "pY"), optText(e, "b"), e.hasNonNull("a") ? longValue(e, "a") : null, optText(e, "k"),
                e.hasNonNull("uS") ? bool(e, "uS") : null, optText(e, "gP"), optText(e, "gOT"),
                e.hasNonNull("gOV") ? longValue(e, "gOV") : null, optDecimal(e, "gp"), optText(e, "eR"));
    }

    /**
     * The core view. A cancel report names the cancel request in {@code c} and the order in {@code C}:
     * the engine always gets the order's own id.
     */
    OrderUpdate toOrderUpdate(Instant receivedAt) {
        String orderClientId = executionType == ExecutionType.CANCELED && originalClientOrderId != null
                && !originalClientOrderId.isEmpty() ? originalClientOrderId : clientOrderId;
        Fill fill = null;
        if (executionType == ExecutionType.TRADE) {
            fill = new Fill(tradeId, lastPrice, lastQuantity, commission,
                    commissionAsset == null || commissionAsset.isEmpty() ? null : Asset.of(commissionAsset),
                    maker, transactionTime);
        }
        String reason = rejectReason != null && !"NONE".equals(rejectReason) ? rejectReason
                : expiryReason != null && !"NONE".equals(expiryReason) ? expiryReason : null;
        return new OrderUpdate(Market.SPOT, symbol, orderId, ClientOrderId.of(orderClientId), side, type, timeInForce,
                status, executionType, quantity, positive(price), positive(stopPrice), cumulativeQuantity,
                cumulativeQuote, fill, reason, orderListId, false, transactionTime, receivedAt);
    }

    private static BigDecimal positive(BigDecimal value) {
        return value.signum() > 0 ? value : null;
    }
}
