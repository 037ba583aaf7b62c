package io.tradeguard.binance.futures;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.binance.rest.Endpoint;
import io.tradeguard.binance.rest.Endpoint.Retry;
import io.tradeguard.binance.rest.Endpoint.Security;
import io.tradeguard.binance.rest.Params;
import io.tradeguard.binance.rest.RestTransport;
import io.tradeguard.core.venue.VenueException;

/**
 * The USDⓈ-M futures REST API, one method per endpoint, named after it (binance-api.md §6). Answers are
 * raw JSON; meaning is given by {@link BinanceFuturesVenue}. Weights are those of §8.2.
 */
public final class BinanceFuturesRest {
    static final Endpoint TIME = Endpoint.publicGet("/fapi/v1/time", 1);
    static final Endpoint PING = Endpoint.publicGet("/fapi/v1/ping", 1);
    static final Endpoint EXCHANGE_INFO = Endpoint.publicGet("/fapi/v1/exchangeInfo", 1);
    static final Endpoint DEPTH = Endpoint.publicGet("/fapi/v1/depth", 2);
    static final Endpoint KLINES = Endpoint.publicGet("/fapi/v1/klines", 1);
    static final Endpoint PREMIUM_INDEX = Endpoint.publicGet("/fapi/v1/premiumIndex", 1);
    static final Endpoint TICKER_PRICE = Endpoint.publicGet("/fapi/v2/ticker/price", 1);
    static final Endpoint BOOK_TICKER = Endpoint.publicGet("/fapi/v1/ticker/bookTicker", 2);
    static final Endpoint LEVERAGE_BRACKET = Endpoint.signedGet("/fapi/v1/leverageBracket", 1);
    static final Endpoint COMMISSION_RATE = Endpoint.signedGet("/fapi/v1/commissionRate", 20);
    static final Endpoint INCOME = Endpoint.signedGet("/fapi/v1/income", 30);
    /** 0 IP weight; 1 on the order-count limits. Never repeated: a lost answer is settled by a query. */
    public static final Endpoint NEW_ORDER = new Endpoint("POST", "/fapi/v1/order", 0, Security.SIGNED, Retry.NEVER, true);
    public static final Endpoint NEW_ALGO_ORDER = new Endpoint("POST", "/fapi/v1/algoOrder", 0, Security.SIGNED, Retry.NEVER, true);
    // a cancel repeated after a lost answer at worst meets -2011, handled as "already closed"
    static final Endpoint CANCEL_ORDER = new Endpoint("DELETE", "/fapi/v1/order", 1, Security.SIGNED, Retry.IDEMPOTENT, false);
    static final Endpoint CANCEL_ALL = new Endpoint("DELETE", "/fapi/v1/allOpenOrders", 1, Security.SIGNED, Retry.IDEMPOTENT, false);
    static final Endpoint CANCEL_ALGO = new Endpoint("DELETE", "/fapi/v1/algoOrder", 1, Security.SIGNED, Retry.IDEMPOTENT, false);
    static final Endpoint CANCEL_ALL_ALGO = new Endpoint("DELETE", "/fapi/v1/algoOpenOrders", 1, Security.SIGNED, Retry.IDEMPOTENT, false);
    static final Endpoint QUERY_ORDER = Endpoint.signedGet("/fapi/v1/order", 1);
    static final Endpoint QUERY_ALGO = Endpoint.signedGet("/fapi/v1/algoOrder", 1);
    static final Endpoint OPEN_ORDERS = Endpoint.signedGet("/fapi/v1/openOrders", 1);
    static final Endpoint OPEN_ALGO_ORDERS = Endpoint.signedGet("/fapi/v1/openAlgoOrders", 1);
    static final Endpoint ALL_ORDERS = Endpoint.signedGet("/fapi/v1/allOrders", 5);
    static final Endpoint ALL_ALGO_ORDERS = Endpoint.signedGet("/fapi/v1/allAlgoOrders", 5);
    static final Endpoint USER_TRADES = Endpoint.signedGet("/fapi/v1/userTrades", 5);
    // settings: repeating one after a lost answer meets "no need to change" at worst
    static final Endpoint LEVERAGE = new Endpoint("POST", "/fapi/v1/leverage", 1, Security.SIGNED, Retry.IDEMPOTENT, false);
    static final Endpoint MARGIN_TYPE = new Endpoint("POST", "/fapi/v1/marginType", 1, Security.SIGNED, Retry.IDEMPOTENT, false);
    static final Endpoint POSITION_MODE = new Endpoint("POST", "/fapi/v1/positionSide/dual", 1, Security.SIGNED, Retry.IDEMPOTENT, false);
    static final Endpoint GET_POSITION_MODE = Endpoint.signedGet("/fapi/v1/positionSide/dual", 30);
    static final Endpoint POSITION_RISK_V2 = Endpoint.signedGet("/fapi/v2/positionRisk", 5);
    static final Endpoint POSITION_RISK_V3 = Endpoint.signedGet("/fapi/v3/positionRisk", 5);
    static final Endpoint ACCOUNT_V3 = Endpoint.signedGet("/fapi/v3/account", 5);
    static final Endpoint BALANCE_V3 = Endpoint.signedGet("/fapi/v3/balance", 5);
    // USER_STREAM security: API key header only, no signature (the transport always sends the key)
    static final Endpoint LISTEN_KEY_CREATE = new Endpoint("POST", "/fapi/v1/listenKey", 1, Security.NONE, Retry.IDEMPOTENT, false);
    static final Endpoint LISTEN_KEY_KEEP_ALIVE = new Endpoint("PUT", "/fapi/v1/listenKey", 1, Security.NONE, Retry.IDEMPOTENT, false);
    static final Endpoint LISTEN_KEY_CLOSE = new Endpoint("DELETE", "/fapi/v1/listenKey", 1, Security.NONE, Retry.IDEMPOTENT, false);

    private final RestTransport transport;

    public BinanceFuturesRest(RestTransport transport) {
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
        int weight = limit <= 50 ? 2 : limit <= 100 ? 5 : limit <= 500 ? 10 : 20;
        return transport.call(DEPTH.withWeight(weight), Params.of().add("symbol", symbol).add("limit", limit));
    }

    public JsonNode klines(String symbol, String interval, Long startTime, Long endTime, Integer limit) throws VenueException {
        int n = limit == null ? 500 : limit;
        int weight = n < 100 ? 1 : n < 500 ? 2 : n <= 1000 ? 5 : 10;
        return transport.call(KLINES.withWeight(weight), Params.of().add("symbol", symbol).add("interval", interval)
                .addIfPresent("startTime", startTime).addIfPresent("endTime", endTime).addIfPresent("limit", limit));
    }

    public JsonNode premiumIndex(String symbol) throws VenueException {
        return transport.call(PREMIUM_INDEX, Params.of().add("symbol", symbol));
    }

    public JsonNode tickerPrice(String symbol) throws VenueException {
        return transport.call(TICKER_PRICE, Params.of().add("symbol", symbol));
    }

    public JsonNode bookTicker(String symbol) throws VenueException {
        return transport.call(BOOK_TICKER, Params.of().add("symbol", symbol));
    }

    public JsonNode leverageBracket(String symbol) throws VenueException {
        return transport.call(LEVERAGE_BRACKET, Params.of().addIfPresent("symbol", symbol));
    }

    /** {@code {symbol, makerCommissionRate, takerCommissionRate}} of the account on the contract. */
    public JsonNode commissionRate(String symbol) throws VenueException {
        return transport.call(COMMISSION_RATE, Params.of().add("symbol", symbol));
    }

    /** The income history, newest last: {@code [{symbol, incomeType, income, asset, info, time, tranId, tradeId}]}. */
    public JsonNode income(String symbol, String incomeType, Long startTime, Long endTime, Integer limit) throws VenueException {
        return transport.call(INCOME, Params.of().addIfPresent("symbol", symbol).addIfPresent("incomeType", incomeType)
                .addIfPresent("startTime", startTime).addIfPresent("endTime", endTime).addIfPresent("limit", limit));
    }

    public JsonNode newOrder(Params order) throws VenueException {
        return transport.call(NEW_ORDER, order);
    }

    public JsonNode newAlgoOrder(Params order) throws VenueException {
        return transport.call(NEW_ALGO_ORDER, order);
    }

    public JsonNode cancelOrderByClientId(String symbol, String origClientOrderId) throws VenueException {
        return transport.call(CANCEL_ORDER, Params.of().add("symbol", symbol).add("origClientOrderId", origClientOrderId));
    }

    public JsonNode cancelOrderById(String symbol, long orderId) throws VenueException {
        return transport.call(CANCEL_ORDER, Params.of().add("symbol", symbol).add("orderId", orderId));
    }

    public JsonNode cancelAllOpenOrders(String symbol) throws VenueException {
        return transport.call(CANCEL_ALL, Params.of().add("symbol", symbol));
    }

    public JsonNode cancelAlgoOrder(String clientAlgoId) throws VenueException {
        return transport.call(CANCEL_ALGO, Params.of().add("clientAlgoId", clientAlgoId));
    }

    public JsonNode cancelAllAlgoOrders(String symbol) throws VenueException {
        return transport.call(CANCEL_ALL_ALGO, Params.of().add("symbol", symbol));
    }

    public JsonNode queryOrderByClientId(String symbol, String origClientOrderId) throws VenueException {
        return transport.call(QUERY_ORDER, Params.of().add("symbol", symbol).add("origClientOrderId", origClientOrderId));
    }

    public JsonNode queryOrderById(String symbol, long orderId) throws VenueException {
        return transport.call(QUERY_ORDER, Params.of().add("symbol", symbol).add("orderId", orderId));
    }

    public JsonNode queryAlgoOrder(String clientAlgoId) throws VenueException {
        return transport.call(QUERY_ALGO, Params.of().add("clientAlgoId", clientAlgoId));
    }

    /** All symbols when {@code symbol} is null (weight 40 instead of 1). */
    public JsonNode openOrders(String symbol) throws VenueException {
        return symbol == null ? transport.call(OPEN_ORDERS.withWeight(40), Params.of())
                : transport.call(OPEN_ORDERS, Params.of().add("symbol", symbol));
    }

    public JsonNode openAlgoOrders(String symbol) throws VenueException {
        return symbol == null ? transport.call(OPEN_ALGO_ORDERS.withWeight(40), Params.of())
                : transport.call(OPEN_ALGO_ORDERS, Params.of().add("symbol", symbol));
    }

    public JsonNode allOrders(String symbol, Long startTime, Long endTime, Integer limit) throws VenueException {
        return transport.call(ALL_ORDERS, Params.of().add("symbol", symbol).addIfPresent("startTime", startTime)
                .addIfPresent("endTime", endTime).addIfPresent("limit", limit));
    }

    public JsonNode allAlgoOrders(String symbol, Long startTime, Long endTime, Integer limit) throws VenueException {
        return transport.call(ALL_ALGO_ORDERS, Params.of().add("symbol", symbol).addIfPresent("startTime", startTime)
                .addIfPresent("endTime", endTime).addIfPresent("limit", limit));
    }

    public JsonNode userTrades(String symbol, Long orderId, Long startTime, Long fromId, Integer limit) throws VenueException {
        return transport.call(USER_TRADES, Params.of().add("symbol", symbol).addIfPresent("orderId", orderId)
                .addIfPresent("startTime", startTime).addIfPresent("fromId", fromId).addIfPresent("limit", limit));
    }

    public JsonNode leverage(String symbol, int leverage) throws VenueException {
        return transport.call(LEVERAGE, Params.of().add("symbol", symbol).add("leverage", leverage));
    }

    public JsonNode marginType(String symbol, String marginType) throws VenueException {
        return transport.call(MARGIN_TYPE, Params.of().add("symbol", symbol).add("marginType", marginType));
    }

    public JsonNode positionSideDual(boolean hedgeMode) throws VenueException {
        return transport.call(POSITION_MODE, Params.of().add("dualSidePosition", Boolean.toString(hedgeMode)));
    }

    public JsonNode positionSideDual() throws VenueException {
        return transport.call(GET_POSITION_MODE, Params.of());
    }

    /** v2: every symbol (flat ones too), with leverage and margin type. */
    public JsonNode positionRiskV2(String symbol) throws VenueException {
        return transport.call(POSITION_RISK_V2, Params.of().addIfPresent("symbol", symbol));
    }

    /** v3: only symbols with a position or open orders; no leverage nor margin type. */
    public JsonNode positionRiskV3(String symbol) throws VenueException {
        return transport.call(POSITION_RISK_V3, Params.of().addIfPresent("symbol", symbol));
    }

    public JsonNode accountV3() throws VenueException {
        return transport.call(ACCOUNT_V3, Params.of());
    }

    public JsonNode balanceV3() throws VenueException {
        return transport.call(BALANCE_V3, Params.of());
    }

    public JsonNode createListenKey() throws VenueException {
        return transport.call(LISTEN_KEY_CREATE, Params.of());
    }

    public JsonNode keepAliveListenKey() throws VenueException {
        return transport.call(LISTEN_KEY_KEEP_ALIVE, Params.of());
    }

    public JsonNode closeListenKey() throws VenueException {
        return transport.call(LISTEN_KEY_CLOSE, Params.of());
    }
}
