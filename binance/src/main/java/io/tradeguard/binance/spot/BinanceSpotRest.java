package io.tradeguard.binance.spot;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.binance.rest.Endpoint;
import io.tradeguard.binance.rest.Endpoint.Retry;
import io.tradeguard.binance.rest.Endpoint.Security;
import io.tradeguard.binance.rest.Params;
import io.tradeguard.binance.rest.RestTransport;
import io.tradeguard.core.venue.VenueException;

/**
 * The spot REST API, one method per endpoint, named after it (binance-api.md §3). Answers are raw JSON;
 * meaning is given by {@link BinanceSpotVenue}. Weights are those of §3.1 (2026).
 */
public final class BinanceSpotRest {
    static final Endpoint PING = Endpoint.publicGet("/api/v3/ping", 1);
    static final Endpoint EXCHANGE_INFO = Endpoint.publicGet("/api/v3/exchangeInfo", 20);
    static final Endpoint DEPTH = Endpoint.publicGet("/api/v3/depth", 5);
    static final Endpoint KLINES = Endpoint.publicGet("/api/v3/klines", 2);
    static final Endpoint TICKER_PRICE = Endpoint.publicGet("/api/v3/ticker/price", 2);
    static final Endpoint BOOK_TICKER = Endpoint.publicGet("/api/v3/ticker/bookTicker", 2);
    static final Endpoint AVG_PRICE = Endpoint.publicGet("/api/v3/avgPrice", 2);
    public static final Endpoint NEW_ORDER = new Endpoint("POST", "/api/v3/order", 1, Security.SIGNED, Retry.NEVER, true);
    static final Endpoint TEST_ORDER = new Endpoint("POST", "/api/v3/order/test", 1, Security.SIGNED, Retry.IDEMPOTENT, false);
    static final Endpoint NEW_OCO = new Endpoint("POST", "/api/v3/orderList/oco", 1, Security.SIGNED, Retry.NEVER, true);
    // a cancel repeated after a lost answer at worst meets -2011, which is handled as "already closed"
    static final Endpoint CANCEL_ORDER = new Endpoint("DELETE", "/api/v3/order", 1, Security.SIGNED, Retry.IDEMPOTENT, false);
    static final Endpoint CANCEL_OPEN_ORDERS = new Endpoint("DELETE", "/api/v3/openOrders", 1, Security.SIGNED, Retry.IDEMPOTENT, false);
    static final Endpoint CANCEL_ORDER_LIST = new Endpoint("DELETE", "/api/v3/orderList", 1, Security.SIGNED, Retry.IDEMPOTENT, false);
    static final Endpoint QUERY_ORDER = Endpoint.signedGet("/api/v3/order", 4);
    static final Endpoint OPEN_ORDERS = Endpoint.signedGet("/api/v3/openOrders", 6);
    static final Endpoint ALL_ORDERS = Endpoint.signedGet("/api/v3/allOrders", 20);
    static final Endpoint ACCOUNT = Endpoint.signedGet("/api/v3/account", 20);
    static final Endpoint ACCOUNT_COMMISSION = Endpoint.signedGet("/api/v3/account/commission", 20);
    static final Endpoint MY_TRADES = Endpoint.signedGet("/api/v3/myTrades", 20);

    private final RestTransport transport;

    public BinanceSpotRest(RestTransport transport) {
        this.transport = transport;
    }

    public RestTransport transport() {
        return transport;
    }

    public JsonNode ping() throws VenueException {
        return transport.call(PING, Params.of());
    }

    public JsonNode exchangeInfo() throws VenueException {
        return transport.call(EXCHANGE_INFO, Params.of());
    }

    public JsonNode depth(String symbol, int limit) throws VenueException {
        int weight = limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
        return transport.call(DEPTH.withWeight(weight), Params.of().add("symbol", symbol).add("limit", limit));
    }

    public JsonNode klines(String symbol, String interval, Long startTime, Long endTime, Integer limit) throws VenueException {
        return transport.call(KLINES, Params.of().add("symbol", symbol).add("interval", interval)
                .addIfPresent("startTime", startTime).addIfPresent("endTime", endTime).addIfPresent("limit", limit));
    }

    public JsonNode tickerPrice(String symbol) throws VenueException {
        return transport.call(TICKER_PRICE, Params.of().add("symbol", symbol));
    }

    public JsonNode bookTicker(String symbol) throws VenueException {
        return transport.call(BOOK_TICKER, Params.of().add("symbol", symbol));
    }

    public JsonNode avgPrice(String symbol) throws VenueException {
        return transport.call(AVG_PRICE, Params.of().add("symbol", symbol));
    }

    public JsonNode newOrder(Params order) throws VenueException {
        return transport.call(NEW_ORDER, order);
    }

    public JsonNode testOrder(Params order, boolean computeCommissionRates) throws VenueException {
        Params params = order.copy();
        if (computeCommissionRates) {
            params.add("computeCommissionRates", "true");
        }
        return transport.call(computeCommissionRates ? TEST_ORDER.withWeight(20) : TEST_ORDER, params);
    }

    public JsonNode newOco(Params oco) throws VenueException {
        return transport.call(NEW_OCO, oco);
    }

    public JsonNode cancelOrderByClientId(String symbol, String origClientOrderId) throws VenueException {
        return transport.call(CANCEL_ORDER, Params.of().add("symbol", symbol).add("origClientOrderId", origClientOrderId));
    }

    public JsonNode cancelOrderById(String symbol, long orderId) throws VenueException {
        return transport.call(CANCEL_ORDER, Params.of().add("symbol", symbol).add("orderId", orderId));
    }

    public JsonNode cancelOpenOrders(String symbol) throws VenueException {
        return transport.call(CANCEL_OPEN_ORDERS, Params.of().add("symbol", symbol));
    }

    public JsonNode cancelOrderList(String symbol, String listClientOrderId) throws VenueException {
        return transport.call(CANCEL_ORDER_LIST, Params.of().add("symbol", symbol).add("listClientOrderId", listClientOrderId));
    }

    public JsonNode queryOrderByClientId(String symbol, String origClientOrderId) throws VenueException {
        return transport.call(QUERY_ORDER, Params.of().add("symbol", symbol).add("origClientOrderId", origClientOrderId));
    }

    public JsonNode queryOrderById(String symbol, long orderId) throws VenueException {
        return transport.call(QUERY_ORDER, Params.of().add("symbol", symbol).add("orderId", orderId));
    }

    /** All symbols when {@code symbol} is null (weight 80 instead of 6). */
    public JsonNode openOrders(String symbol) throws VenueException {
        return symbol == null ? transport.call(OPEN_ORDERS.withWeight(80), Params.of())
                : transport.call(OPEN_ORDERS, Params.of().add("symbol", symbol));
    }

    public JsonNode allOrders(String symbol, Long startTime, Long endTime, Integer limit) throws VenueException {
        return transport.call(ALL_ORDERS, Params.of().add("symbol", symbol).addIfPresent("startTime", startTime)
                .addIfPresent("endTime", endTime).addIfPresent("limit", limit));
    }

    public JsonNode account() throws VenueException {
        return transport.call(ACCOUNT, Params.of().add("omitZeroBalances", "false"));
    }

    public JsonNode commission(String symbol) throws VenueException {
        return transport.call(ACCOUNT_COMMISSION, Params.of().add("symbol", symbol));
    }

    public JsonNode myTrades(String symbol, Long orderId, Long startTime, Long fromId, Integer limit) throws VenueException {
        Endpoint endpoint = orderId != null ? MY_TRADES.withWeight(5) : MY_TRADES;
        return transport.call(endpoint, Params.of().add("symbol", symbol).addIfPresent("orderId", orderId)
                .addIfPresent("startTime", startTime).addIfPresent("fromId", fromId).addIfPresent("limit", limit));
    }
}
