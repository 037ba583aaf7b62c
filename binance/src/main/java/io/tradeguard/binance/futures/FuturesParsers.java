package io.tradeguard.binance.futures;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.ExecutionType;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Instrument.LotSize;
import io.tradeguard.core.model.Instrument.PriceFilter;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.Balance;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.core.venue.FuturesAccountEvent.AlgoOrder;
import io.tradeguard.core.venue.FuturesAccountEvent.AlgoStatus;
import io.tradeguard.core.venue.FuturesPosition;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.Venue.AccountTrade;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.tradeguard.binance.spot.Fields.bool;
import static io.tradeguard.binance.spot.Fields.decimal;
import static io.tradeguard.binance.spot.Fields.longValue;
import static io.tradeguard.binance.spot.Fields.millis;
import static io.tradeguard.binance.spot.Fields.optDecimal;
import static io.tradeguard.binance.spot.Fields.optText;
import static io.tradeguard.binance.spot.Fields.positiveOrNull;
import static io.tradeguard.binance.spot.Fields.text;

/** USDⓈ-M REST answers into core types (binance-api.md §6.2–§6.6). Strict: a missing required field fails. */
final class FuturesParsers {
    private FuturesParsers() {
    }

    /** One exchangeInfo symbol; futures filters: MIN_NOTIONAL has {@code notional}, MAX_NUM_ORDERS has {@code limit}. */
    static Instrument instrument(JsonNode symbol) {
        BigDecimal zero = BigDecimal.ZERO;
        PriceFilter price = new PriceFilter(zero, zero, zero);
        LotSize lot = new LotSize(zero, zero, zero);
        LotSize marketLot = new LotSize(zero, zero, zero);
        BigDecimal minNotional = zero;
        int maxNumOrders = 0;
        for (JsonNode filter : symbol.path("filters")) {
            switch (text(filter, "filterType")) {
                case "PRICE_FILTER" -> price = new PriceFilter(decimal(filter, "minPrice"), decimal(filter, "maxPrice"), decimal(filter, "tickSize"));
                case "LOT_SIZE" -> lot = new LotSize(decimal(filter, "minQty"), decimal(filter, "maxQty"), decimal(filter, "stepSize"));
                case "MARKET_LOT_SIZE" -> marketLot = new LotSize(decimal(filter, "minQty"), decimal(filter, "maxQty"), decimal(filter, "stepSize"));
                case "MIN_NOTIONAL" -> minNotional = decimal(filter, "notional");
                case "MAX_NUM_ORDERS" -> maxNumOrders = (int) longValue(filter, "limit");
                default -> {
                    // MAX_NUM_ALGO_ORDERS, PERCENT_PRICE (relative to the mark): judged by the venue
                }
            }
        }
        // futures MIN_NOTIONAL binds market orders too (valued at the mark price), reduce-only exempt
        return new Instrument(Symbol.of(text(symbol, "symbol")), Market.FUTURES, Asset.of(text(symbol, "baseAsset")),
                Asset.of(text(symbol, "quoteAsset")), price, lot, marketLot, minNotional, zero, true, maxNumOrders);
    }

    static boolean isTradingPerpetual(JsonNode symbol) {
        return "TRADING".equals(symbol.path("status").asText()) && "PERPETUAL".equals(symbol.path("contractType").asText());
    }

    /** The order object of new / cancel / query / openOrders / allOrders. */
    static OrderUpdate order(JsonNode o, Instant receivedAt) {
        Instant venueTime = o.hasNonNull("updateTime") ? millis(o, "updateTime")
                : o.hasNonNull("time") ? millis(o, "time") : receivedAt;
        BigDecimal executed = decimal(o, "executedQty");
        BigDecimal cumQuote = o.hasNonNull("cumQuote") ? decimal(o, "cumQuote") : BigDecimal.ZERO;
        String tif = optText(o, "timeInForce");
        return new OrderUpdate(Market.FUTURES, Symbol.of(text(o, "symbol")), longValue(o, "orderId"),
                ClientOrderId.of(text(o, "clientOrderId")), FuturesEnums.side(text(o, "side")),
                FuturesEnums.orderType(text(o, "type")), tif == null ? null : FuturesEnums.timeInForce(tif),
                FuturesEnums.status(text(o, "status")), ExecutionType.SNAPSHOT, decimal(o, "origQty"),
                positiveOrNull(o, "price"), positiveOrNull(o, "stopPrice"), executed, cumQuote, null, null, -1,
                o.path("reduceOnly").asBoolean(false), venueTime, receivedAt);
    }

    static List<OrderUpdate> orders(JsonNode array, Instant receivedAt) {
        List<OrderUpdate> out = new ArrayList<>(array.size());
        array.forEach(o -> out.add(order(o, receivedAt)));
        return out;
    }

    /** The algo order object (§6.3). */
    static AlgoOrder algo(JsonNode a) {
        String actual = optText(a, "actualOrderId");
        BigDecimal executed = optDecimal(a, "executedQty");
        return new AlgoOrder(Symbol.of(text(a, "symbol")), longValue(a, "algoId"), ClientOrderId.of(text(a, "clientAlgoId")),
                FuturesEnums.orderType(text(a, "orderType")), FuturesEnums.side(text(a, "side")),
                FuturesEnums.algoStatus(text(a, "algoStatus")), positiveOrNull(a, "quantity"), positiveOrNull(a, "triggerPrice"),
                positiveOrNull(a, "price"), a.path("reduceOnly").asBoolean(false), a.path("closePosition").asBoolean(false),
                optText(a, "workingType"), actual == null || actual.isEmpty() ? 0 : Long.parseLong(actual),
                executed == null ? BigDecimal.ZERO : executed, positiveOrNull(a, "actualPrice"), null);
    }

    /**
     * An algo order seen through the engine's one order vocabulary: the venue id is the algoId, the client
     * id the clientAlgoId. Waiting, triggering and triggered are all working (NEW / PARTIALLY_FILLED); the
     * triggered ME order then reports itself under its own id. FINISHED with a fill is FILLED, without is CANCELED.
     */
    static OrderUpdate algoAsOrder(AlgoOrder a, Instant venueTime, Instant receivedAt) {
        boolean someFilled = a.executedQuantity().signum() > 0;
        OrderStatus status = switch (a.status()) {
            case NEW, TRIGGERING, TRIGGERED -> someFilled ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
            case FINISHED -> someFilled ? OrderStatus.FILLED : OrderStatus.CANCELED;
            case CANCELED -> OrderStatus.CANCELED;
            case REJECTED -> OrderStatus.REJECTED;
            case EXPIRED -> OrderStatus.EXPIRED;
        };
        BigDecimal quantity = a.quantity() != null ? a.quantity() : a.executedQuantity();
        BigDecimal quote = a.averagePrice() == null ? BigDecimal.ZERO : a.averagePrice().multiply(a.executedQuantity());
        return new OrderUpdate(Market.FUTURES, a.symbol(), a.algoId(), a.clientAlgoId(), a.side(), a.type(), null, status,
                ExecutionType.SNAPSHOT, quantity, a.price(), a.triggerPrice(), a.executedQuantity(), quote, null,
                a.status() == AlgoStatus.REJECTED ? a.failureReason() : null, -1, a.reduceOnly(), venueTime, receivedAt);
    }

    /** One v2 positionRisk entry (it carries leverage and margin type; v3 does not). */
    static FuturesPosition position(JsonNode p) {
        BigDecimal liquidation = positiveOrNull(p, "liquidationPrice");
        return new FuturesPosition(Symbol.of(text(p, "symbol")), decimal(p, "positionAmt"), decimal(p, "entryPrice"),
                decimal(p, "breakEvenPrice"), decimal(p, "markPrice"), decimal(p, "unRealizedProfit"), liquidation,
                Integer.parseInt(text(p, "leverage")), FuturesEnums.marginType(text(p, "marginType")),
                decimal(p, "isolatedWallet"), decimal(p, "notional"), millis(p, "updateTime"));
    }

    /** v3 balance items: free = available, locked = wallet balance − available (margin in use), never negative. */
    static List<Balance> balances(JsonNode array) {
        List<Balance> out = new ArrayList<>();
        for (JsonNode b : array) {
            BigDecimal wallet = decimal(b, "balance");
            BigDecimal available = decimal(b, "availableBalance");
            BigDecimal free = available.max(BigDecimal.ZERO).min(wallet.max(BigDecimal.ZERO));
            out.add(new Balance(Market.FUTURES, Asset.of(text(b, "asset")), free, wallet.subtract(free).max(BigDecimal.ZERO)));
        }
        return out;
    }

    /** One userTrades item; its realized P&L is in {@link #realizedPnl}. */
    static AccountTrade trade(JsonNode t) {
        String commissionAsset = optText(t, "commissionAsset");
        BigDecimal commission = decimal(t, "commission").abs();
        Fill fill = new Fill(longValue(t, "id"), decimal(t, "price"), decimal(t, "qty"), commission,
                commissionAsset == null || commissionAsset.isEmpty() ? null : Asset.of(commissionAsset),
                bool(t, "maker"), millis(t, "time"));
        return new AccountTrade(Symbol.of(text(t, "symbol")), longValue(t, "orderId"), FuturesEnums.side(text(t, "side")), fill);
    }

    static BigDecimal realizedPnl(JsonNode t) {
        return decimal(t, "realizedPnl");
    }

    /** The brackets of one leverageBracket entry, lowest notional first. */
    static List<io.tradeguard.core.venue.MaintenanceBracket> brackets(JsonNode brackets) {
        if (!brackets.isArray() || brackets.isEmpty()) {
            throw new IllegalArgumentException("a leverageBracket entry has no brackets");
        }
        List<io.tradeguard.core.venue.MaintenanceBracket> out = new java.util.ArrayList<>();
        for (JsonNode b : brackets) {
            out.add(new io.tradeguard.core.venue.MaintenanceBracket((int) longValue(b, "bracket"),
                    (int) longValue(b, "initialLeverage"), decimal(b, "notionalFloor"), decimal(b, "notionalCap"),
                    decimal(b, "maintMarginRatio"), decimal(b, "cum")));
        }
        out.sort(java.util.Comparator.comparing(io.tradeguard.core.venue.MaintenanceBracket::notionalFloor));
        return List.copyOf(out);
    }
}
