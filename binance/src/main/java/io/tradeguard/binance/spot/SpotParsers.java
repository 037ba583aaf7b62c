package io.tradeguard.binance.spot;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.ExecutionType;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Instrument.LotSize;
import io.tradeguard.core.model.Instrument.PriceFilter;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.Balance;
import io.tradeguard.core.venue.BookTicker;
import io.tradeguard.core.venue.Candle;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.core.venue.OrderBook;
import io.tradeguard.core.venue.OrderListReport;
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
import static io.tradeguard.binance.spot.Fields.optLong;
import static io.tradeguard.binance.spot.Fields.optText;
import static io.tradeguard.binance.spot.Fields.positiveOrNull;
import static io.tradeguard.binance.spot.Fields.text;

/** Spot REST answers (binance-api.md §3) into core types. Pure functions; the receive time is passed in. */
public final class SpotParsers {
    private SpotParsers() {
    }

    /** One entry of exchangeInfo.symbols; a filter that is absent is disabled (zero), as on Binance. */
    static Instrument instrument(JsonNode symbol) {
        BigDecimal zero = BigDecimal.ZERO;
        PriceFilter price = new PriceFilter(zero, zero, zero);
        LotSize lot = new LotSize(zero, zero, zero);
        LotSize marketLot = new LotSize(zero, zero, zero);
        BigDecimal minNotional = zero;
        BigDecimal maxNotional = zero;
        boolean applyMinToMarket = false;
        int maxNumOrders = 0;
        for (JsonNode filter : symbol.path("filters")) {
            switch (text(filter, "filterType")) {
                case "PRICE_FILTER" -> price = new PriceFilter(decimal(filter, "minPrice"), decimal(filter, "maxPrice"), decimal(filter, "tickSize"));
                case "LOT_SIZE" -> lot = new LotSize(decimal(filter, "minQty"), decimal(filter, "maxQty"), decimal(filter, "stepSize"));
                case "MARKET_LOT_SIZE" -> marketLot = new LotSize(decimal(filter, "minQty"), decimal(filter, "maxQty"), decimal(filter, "stepSize"));
                case "MIN_NOTIONAL" -> {
                    minNotional = decimal(filter, "minNotional");
                    applyMinToMarket = filter.path("applyToMarket").asBoolean(false);
                }
                case "NOTIONAL" -> {
                    minNotional = decimal(filter, "minNotional");
                    BigDecimal max = optDecimal(filter, "maxNotional");
                    maxNotional = max == null ? zero : max;
                    applyMinToMarket = filter.path("applyMinToMarket").asBoolean(false);
                }
                case "MAX_NUM_ORDERS" -> maxNumOrders = (int) longValue(filter, "maxNumOrders");
                default -> {
                    // PERCENT_PRICE*, ICEBERG_PARTS, TRAILING_DELTA, MAX_POSITION …: judged by the venue
                }
            }
        }
        return new Instrument(Symbol.of(text(symbol, "symbol")), Market.SPOT, Asset.of(text(symbol, "baseAsset")),
                Asset.of(text(symbol, "quoteAsset")), price, lot, marketLot, minNotional, maxNotional,
                applyMinToMarket, maxNumOrders);
    }

    static boolean isTrading(JsonNode symbol) {
        return "TRADING".equals(symbol.path("status").asText());
    }

    /**
     * An order object: new-order RESULT/FULL, query, open/all orders, or a cancel answer. A cancel answer
     * names the order in {@code origClientOrderId} and the cancel request in {@code clientOrderId}.
     */
    static OrderUpdate order(JsonNode o, Instant receivedAt) {
        String clientId = o.hasNonNull("origClientOrderId") && !o.get("origClientOrderId").asText().isEmpty()
                ? text(o, "origClientOrderId") : text(o, "clientOrderId");
        Instant venueTime = o.hasNonNull("updateTime") ? millis(o, "updateTime")
                : o.hasNonNull("transactTime") ? millis(o, "transactTime")
                : o.hasNonNull("time") ? millis(o, "time") : receivedAt;
        BigDecimal cumulativeQuote = decimal(o, "cummulativeQuoteQty");
        return new OrderUpdate(Market.SPOT, Symbol.of(text(o, "symbol")), longValue(o, "orderId"), ClientOrderId.of(clientId),
                SpotEnums.side(text(o, "side")), SpotEnums.orderType(text(o, "type")), SpotEnums.timeInForce(optText(o, "timeInForce")),
                SpotEnums.status(text(o, "status")), ExecutionType.SNAPSHOT, decimal(o, "origQty"),
                positiveOrNull(o, "price"), positiveOrNull(o, "stopPrice"), decimal(o, "executedQty"),
                cumulativeQuote.signum() < 0 ? BigDecimal.ZERO : cumulativeQuote, // negative = "not available" on very old orders
                null, optText(o, "expiryReason"), optLong(o, "orderListId", -1), false, venueTime, receivedAt);
    }

    static List<OrderUpdate> orders(JsonNode array, Instant receivedAt) {
        List<OrderUpdate> out = new ArrayList<>(array.size());
        for (JsonNode o : array) {
            out.add(order(o, receivedAt));
        }
        return out;
    }

    /** An OCO answer (place or cancel): list status and the order reports of both legs. */
    static OrderListReport orderList(JsonNode list, Instant receivedAt) {
        List<OrderUpdate> reports = new ArrayList<>();
        for (JsonNode report : list.path("orderReports")) {
            reports.add(order(report, receivedAt));
        }
        return new OrderListReport(Symbol.of(text(list, "symbol")), longValue(list, "orderListId"),
                text(list, "listClientOrderId"), text(list, "listStatusType"), text(list, "listOrderStatus"), reports);
    }

    static List<Balance> balances(JsonNode account) {
        List<Balance> out = new ArrayList<>();
        for (JsonNode b : account.path("balances")) {
            out.add(new Balance(Market.SPOT, Asset.of(text(b, "asset")), decimal(b, "free"), decimal(b, "locked")));
        }
        return out;
    }

    static AccountTrade trade(JsonNode t) {
        String commissionAsset = optText(t, "commissionAsset");
        Fill fill = new Fill(longValue(t, "id"), decimal(t, "price"), decimal(t, "qty"), decimal(t, "commission"),
                commissionAsset == null || commissionAsset.isEmpty() ? null : Asset.of(commissionAsset),
                bool(t, "isMaker"), millis(t, "time"));
        return new AccountTrade(Symbol.of(text(t, "symbol")), longValue(t, "orderId"),
                bool(t, "isBuyer") ? io.tradeguard.core.model.Side.BUY : io.tradeguard.core.model.Side.SELL, fill);
    }

    public static BookTicker bookTicker(JsonNode t) {
        return new BookTicker(Symbol.of(text(t, "symbol")), decimal(t, "bidPrice"), decimal(t, "bidQty"),
                decimal(t, "askPrice"), decimal(t, "askQty"));
    }

    public static OrderBook depth(Symbol symbol, JsonNode d) {
        return new OrderBook(symbol, longValue(d, "lastUpdateId"), levels(d.path("bids")), levels(d.path("asks")));
    }

    private static List<OrderBook.Level> levels(JsonNode array) {
        List<OrderBook.Level> out = new ArrayList<>(array.size());
        for (JsonNode level : array) {
            out.add(new OrderBook.Level(new BigDecimal(level.get(0).asText()), new BigDecimal(level.get(1).asText())));
        }
        return out;
    }

    /** A kline array of 12 elements (binance-api.md §3.3). */
    public static Candle candle(JsonNode k) {
        if (!k.isArray() || k.size() < 11) {
            throw new IllegalArgumentException("a kline is an array of 12 elements, got " + k);
        }
        return new Candle(Instant.ofEpochMilli(k.get(0).asLong()), Instant.ofEpochMilli(k.get(6).asLong()),
                new BigDecimal(k.get(1).asText()), new BigDecimal(k.get(2).asText()), new BigDecimal(k.get(3).asText()),
                new BigDecimal(k.get(4).asText()), new BigDecimal(k.get(5).asText()), new BigDecimal(k.get(7).asText()),
                k.get(8).asLong());
    }
}
