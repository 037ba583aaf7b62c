package io.tradeguard.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.tradeguard.sim.engine.Instrument;
import io.tradeguard.sim.feed.Bar;
import io.tradeguard.sim.feed.KlineInterval;
import io.tradeguard.sim.feed.MarketData;
import io.tradeguard.sim.futures.Brackets;
import io.tradeguard.sim.futures.Contract;
import io.tradeguard.sim.futures.FAccount;
import io.tradeguard.sim.futures.FOrder;
import io.tradeguard.sim.futures.FuturesEngine;
import io.tradeguard.sim.futures.FuturesReject;
import io.tradeguard.sim.futures.Margin;
import io.tradeguard.sim.futures.NewAlgoOrder;
import io.tradeguard.sim.futures.NewFuturesOrder;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** REST /fapi/v1|v2|v3 (binance-api.md §6): market data, orders, the algo service, positions and account. */
public final class FuturesRoutes {
    private static final Set<String> CONDITIONAL = Set.of("STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET");

    private final Http http;
    private final Venue venue;
    private final MarketData data;
    private final Map<String, Instrument> instruments;

    public FuturesRoutes(Http http, MarketData futuresData, Map<String, Instrument> instruments) {
        this.http = http;
        this.venue = http.venue();
        this.data = futuresData;
        this.instruments = instruments;
    }

    public void register(Javalin app) {
        app.get("/fapi/v1/ping", http.publicEndpoint(p -> 1, c -> {
            c.params.requireAllRead();
            return Json.object();
        }));
        app.get("/fapi/v1/time", http.publicEndpoint(p -> 1, c -> {
            c.params.requireAllRead();
            ObjectNode n = Json.object();
            n.put("serverTime", venue.now());
            return n;
        }));
        app.get("/fapi/v1/exchangeInfo", http.publicEndpoint(p -> 1, this::exchangeInfo));
        app.get("/fapi/v1/depth", http.publicEndpoint(p -> 5, this::depth));
        app.get("/fapi/v1/klines", http.publicEndpoint(p -> 2, this::klines));
        app.get("/fapi/v1/premiumIndex", http.publicEndpoint(p -> 1, c -> perSymbol(c, this::premiumIndex)));
        app.get("/fapi/v2/ticker/price", http.publicEndpoint(p -> p.has("symbol") ? 1 : 2, c -> perSymbol(c, this::tickerPrice)));
        app.get("/fapi/v1/ticker/bookTicker", http.publicEndpoint(p -> p.has("symbol") ? 2 : 5, c -> perSymbol(c, this::bookTicker)));
        app.get("/fapi/v1/leverageBracket", http.signedEndpoint(p -> 1, this::leverageBracket));
        app.get("/fapi/v1/commissionRate", http.signedEndpoint(p -> 20, this::commissionRate));
        app.get("/fapi/v1/income", http.signedEndpoint(p -> 30, this::income));

        app.post("/fapi/v1/order", http.signedEndpoint(p -> 0, this::newOrder));
        app.get("/fapi/v1/order", http.signedEndpoint(p -> 1, this::queryOrder));
        app.delete("/fapi/v1/order", http.signedEndpoint(p -> 1, this::cancelOrder));
        app.delete("/fapi/v1/allOpenOrders", http.signedEndpoint(p -> 1, this::cancelAll));
        app.get("/fapi/v1/openOrders", http.signedEndpoint(p -> p.has("symbol") ? 1 : 40, this::openOrders));
        app.get("/fapi/v1/allOrders", http.signedEndpoint(p -> 5, this::allOrders));
        app.get("/fapi/v1/userTrades", http.signedEndpoint(p -> 5, this::userTrades));

        app.post("/fapi/v1/algoOrder", http.signedEndpoint(p -> 0, this::newAlgo));
        app.delete("/fapi/v1/algoOrder", http.signedEndpoint(p -> 1, this::cancelAlgo));
        app.get("/fapi/v1/algoOrder", http.signedEndpoint(p -> 1, this::queryAlgo));
        app.delete("/fapi/v1/algoOpenOrders", http.signedEndpoint(p -> 1, this::cancelAllAlgos));
        app.get("/fapi/v1/openAlgoOrders", http.signedEndpoint(p -> p.has("symbol") ? 1 : 40, c -> algos(c, true)));
        app.get("/fapi/v1/allAlgoOrders", http.signedEndpoint(p -> 5, c -> algos(c, false)));

        app.post("/fapi/v1/leverage", http.signedEndpoint(p -> 1, this::leverage));
        app.post("/fapi/v1/marginType", http.signedEndpoint(p -> 1, this::marginType));
        app.post("/fapi/v1/positionSide/dual", http.signedEndpoint(p -> 1, this::setPositionMode));
        app.get("/fapi/v1/positionSide/dual", http.signedEndpoint(p -> 30, c -> {
            c.params.requireAllRead();
            ObjectNode n = Json.object();
            n.put("dualSidePosition", false);
            return n;
        }));
        app.get("/fapi/v2/positionRisk", http.signedEndpoint(p -> 5, c -> positionRisk(c, 2)));
        app.get("/fapi/v3/positionRisk", http.signedEndpoint(p -> 5, c -> positionRisk(c, 3)));
        app.get("/fapi/v2/account", http.signedEndpoint(p -> 5, c -> account(c, 2)));
        app.get("/fapi/v3/account", http.signedEndpoint(p -> 5, c -> account(c, 3)));
        app.get("/fapi/v2/balance", http.signedEndpoint(p -> 5, this::balance));
        app.get("/fapi/v3/balance", http.signedEndpoint(p -> 5, this::balance));
    }

    /** Runs on the futures engine under the lock; a refusal becomes Binance's error body. */
    private <T> T engine(Function<FuturesEngine, T> work) {
        try {
            return venue.futures(work);
        } catch (FuturesReject r) {
            throw new ApiError(400, r.code(), r.getMessage());
        }
    }

    private FAccount acct(Http.Call c) {
        return venue.futures(f -> f.account(c.account().id));
    }

    private Contract contract(String symbol) {
        Contract c = venue.futures(f -> f.contract(symbol));
        if (c == null) {
            throw new ApiError(400, -1121, "Invalid symbol.");
        }
        return c;
    }

    private JsonNode perSymbol(Http.Call c, Function<Contract, ObjectNode> one) {
        String symbol = c.params.symbol("symbol", false);
        c.params.requireAllRead();
        if (symbol != null) {
            Contract k = contract(symbol);
            return venue.futures(f -> one.apply(k));
        }
        ArrayNode arr = Json.array();
        venue.futures(f -> {
            f.contracts().forEach(k -> arr.add(one.apply(k)));
            return null;
        });
        return arr;
    }

    // ---- market data ---------------------------------------------------------------------------

    private JsonNode exchangeInfo(Http.Call c) {
        c.params.requireAllRead();
        ObjectNode n = Json.object();
        n.put("timezone", "UTC");
        n.put("serverTime", venue.now());
        n.put("futuresType", "U_MARGINED");
        ArrayNode limits = n.putArray("rateLimits");
        limit(limits.addObject(), "REQUEST_WEIGHT", venue.config().rateLimits().weightPerMinute());
        limit(limits.addObject(), "ORDERS", 1200);
        ArrayNode assets = n.putArray("assets");
        ObjectNode usdt = assets.addObject();
        usdt.put("asset", "USDT");
        usdt.put("marginAvailable", true);
        usdt.putNull("autoAssetExchange");
        ArrayNode symbols = n.putArray("symbols");
        venue.futures(f -> {
            for (Contract k : f.contracts()) {
                ObjectNode s = symbols.addObject();
                s.put("symbol", k.symbol);
                s.put("pair", k.symbol);
                s.put("contractType", "PERPETUAL");
                s.put("deliveryDate", 4133404800000L);
                s.put("onboardDate", 1569398400000L);
                s.put("status", "TRADING");
                s.put("maintMarginPercent", "2.5000");
                s.put("requiredMarginPercent", "5.0000");
                s.put("baseAsset", k.baseAsset);
                s.put("quoteAsset", "USDT");
                s.put("marginAsset", "USDT");
                s.put("pricePrecision", k.priceScale());
                s.put("quantityPrecision", k.qtyScale());
                s.put("baseAssetPrecision", 8);
                s.put("quotePrecision", 8);
                s.put("underlyingType", "COIN");
                s.putArray("underlyingSubType");
                s.put("triggerProtect", "0.0500");
                s.put("liquidationFee", "0.012500");
                s.put("marketTakeBound", "0.05");
                s.put("maxMoveOrderLimit", 10000);
                ArrayNode fl = s.putArray("filters");
                ObjectNode pf = fl.addObject();
                pf.put("filterType", "PRICE_FILTER");
                pf.put("minPrice", k.minPrice.toPlainString());
                pf.put("maxPrice", k.maxPrice.toPlainString());
                pf.put("tickSize", k.tickSize.toPlainString());
                ObjectNode ls = fl.addObject();
                ls.put("filterType", "LOT_SIZE");
                ls.put("minQty", k.minQty.toPlainString());
                ls.put("maxQty", k.maxQty.toPlainString());
                ls.put("stepSize", k.stepSize.toPlainString());
                ObjectNode ml = fl.addObject();
                ml.put("filterType", "MARKET_LOT_SIZE");
                ml.put("minQty", k.minQty.toPlainString());
                ml.put("maxQty", k.marketMaxQty.toPlainString());
                ml.put("stepSize", k.stepSize.toPlainString());
                ObjectNode mo = fl.addObject();
                mo.put("filterType", "MAX_NUM_ORDERS");
                mo.put("limit", Contract.MAX_NUM_ORDERS);
                ObjectNode ma = fl.addObject();
                ma.put("filterType", "MAX_NUM_ALGO_ORDERS");
                ma.put("limit", Contract.MAX_NUM_ALGO_ORDERS);
                ObjectNode mn = fl.addObject();
                mn.put("filterType", "MIN_NOTIONAL");
                mn.put("notional", k.minNotional.toPlainString());
                ObjectNode pp = fl.addObject();
                pp.put("filterType", "PERCENT_PRICE");
                pp.put("multiplierUp", Contract.MULTIPLIER_UP.toPlainString());
                pp.put("multiplierDown", Contract.MULTIPLIER_DOWN.toPlainString());
                pp.put("multiplierDecimal", "4");
                ArrayNode types = s.putArray("OrderType");
                List.of("LIMIT", "MARKET", "STOP", "STOP_MARKET", "TAKE_PROFIT", "TAKE_PROFIT_MARKET", "TRAILING_STOP_MARKET").forEach(types::add);
                ArrayNode tifs = s.putArray("timeInForce");
                List.of("GTC", "IOC", "FOK", "GTX").forEach(tifs::add);
            }
            return null;
        });
        return n;
    }

    private static void limit(ObjectNode n, String type, int limit) {
        n.put("rateLimitType", type);
        n.put("interval", "MINUTE");
        n.put("intervalNum", 1);
        n.put("limit", limit);
    }

    private JsonNode depth(Http.Call c) {
        String symbol = c.params.symbol("symbol", true);
        Long limit = c.params.longValue("limit", false);
        c.params.requireAllRead();
        int lim = limit == null ? 500 : limit.intValue();
        if (!List.of(5, 10, 20, 50, 100, 500, 1000).contains(lim)) {
            throw ApiError.invalid("limit");
        }
        Contract k = contract(symbol);
        ObjectNode n = Json.object();
        venue.futures(f -> {
            n.put("lastUpdateId", k.bookUpdateId());
            n.put("E", venue.now());
            n.put("T", venue.now());
            ArrayNode bids = n.putArray("bids");
            for (BigDecimal[] l : f.depth(symbol, FOrder.Side.BUY, lim)) {
                bids.addArray().add(k.priceText(l[0])).add(k.qtyText(l[1]));
            }
            ArrayNode asks = n.putArray("asks");
            for (BigDecimal[] l : f.depth(symbol, FOrder.Side.SELL, lim)) {
                asks.addArray().add(k.priceText(l[0])).add(k.qtyText(l[1]));
            }
            return null;
        });
        return n;
    }

    private JsonNode klines(Http.Call c) {
        String symbol = c.params.symbol("symbol", true);
        KlineInterval iv = KlineInterval.fromWire(c.params.required("interval"));
        Long start = c.params.longValue("startTime", false);
        Long end = c.params.longValue("endTime", false);
        Long limit = c.params.longValue("limit", false);
        c.params.requireAllRead();
        if (iv == null || iv == KlineInterval.fromWire("1s")) {
            throw new ApiError(400, -1120, "Invalid interval.");
        }
        Instrument inst = instruments.get(symbol);
        if (inst == null) {
            throw new ApiError(400, -1121, "Invalid symbol.");
        }
        if (limit != null && (limit < 1 || limit > 1500)) {
            throw ApiError.invalid("limit");
        }
        ArrayNode arr = Json.array();
        for (Bar b : data.klines(symbol, iv, start == null ? 0 : start, end == null ? Long.MAX_VALUE : end,
                limit == null ? 500 : limit.intValue())) {
            arr.add(StreamJson.klineRow(inst, b));
        }
        return arr;
    }

    private ObjectNode premiumIndex(Contract k) {
        ObjectNode n = Json.object();
        n.put("symbol", k.symbol);
        n.put("markPrice", k.priceText(k.markPrice()));
        n.put("indexPrice", k.priceText(k.lastPrice()));
        n.put("estimatedSettlePrice", k.priceText(k.markPrice()));
        n.put("lastFundingRate", k.fundingRate().toPlainString());
        n.put("interestRate", "0.00010000");
        n.put("nextFundingTime", k.nextFundingTime());
        n.put("time", venue.now());
        return n;
    }

    private ObjectNode tickerPrice(Contract k) {
        ObjectNode n = Json.object();
        n.put("symbol", k.symbol);
        n.put("price", k.priceText(k.lastPrice()));
        n.put("time", venue.now());
        return n;
    }

    private ObjectNode bookTicker(Contract k) {
        ObjectNode n = Json.object();
        List<BigDecimal[]> bid = venue.futures(f -> f.depth(k.symbol, FOrder.Side.BUY, 1));
        List<BigDecimal[]> ask = venue.futures(f -> f.depth(k.symbol, FOrder.Side.SELL, 1));
        n.put("symbol", k.symbol);
        n.put("bidPrice", bid.isEmpty() ? "0" : k.priceText(bid.get(0)[0]));
        n.put("bidQty", bid.isEmpty() ? "0" : k.qtyText(bid.get(0)[1]));
        n.put("askPrice", ask.isEmpty() ? "0" : k.priceText(ask.get(0)[0]));
        n.put("askQty", ask.isEmpty() ? "0" : k.qtyText(ask.get(0)[1]));
        n.put("time", venue.now());
        return n;
    }

    /** Income types Binance's income history knows (the simulator records FUNDING_FEE). */
    private static final java.util.Set<String> INCOME_TYPES = java.util.Set.of("TRANSFER", "WELCOME_BONUS", "REALIZED_PNL",
            "FUNDING_FEE", "COMMISSION", "INSURANCE_CLEAR", "REFERRAL_KICKBACK", "COMMISSION_REBATE", "API_REBATE",
            "CONTEST_REWARD", "CROSS_COLLATERAL_TRANSFER", "OPTIONS_PREMIUM_FEE", "OPTIONS_SETTLE_PROFIT",
            "INTERNAL_TRANSFER", "AUTO_EXCHANGE", "DELIVERED_SETTELMENT", "COIN_SWAP_DEPOSIT", "COIN_SWAP_WITHDRAW",
            "POSITION_LIMIT_INCREASE_FEE", "STRATEGY_UMFUTURES_TRANSFER", "FEE_RETURN", "BFUSD_REWARD");

    /**
     * The income history: {@code [{symbol, incomeType, income, asset, info, time, tranId, tradeId}]}, oldest first;
     * without a start time the last 7 days, at most {@code limit} (default 100, max 1000) rows.
     */
    private JsonNode income(Http.Call c) {
        String symbol = c.params.symbol("symbol", false);
        String type = c.params.optional("incomeType");
        Long start = c.params.longValue("startTime", false);
        Long end = c.params.longValue("endTime", false);
        Long page = c.params.longValue("page", false);
        Long limit = c.params.longValue("limit", false);
        c.params.requireAllRead();
        if (type != null && !INCOME_TYPES.contains(type)) {
            throw ApiError.invalid("incomeType");
        }
        if (limit != null && (limit < 1 || limit > 1000)) {
            throw ApiError.invalid("limit");
        }
        if (symbol != null) {
            contract(symbol);
        }
        long to = end != null ? end : venue.now();
        long from = start != null ? start : to - 7L * 24 * 60 * 60_000L;
        int size = limit == null ? 100 : limit.intValue();
        int skip = page == null || page < 1 ? 0 : (int) ((page - 1) * size);
        FAccount a = acct(c);
        ArrayNode arr = Json.array();
        venue.futures(f -> {
            for (FAccount.Income i : f.income(a, symbol, type, from, to, skip + size).stream().skip(skip).toList()) {
                ObjectNode n = arr.addObject();
                n.put("symbol", i.symbol());
                n.put("incomeType", i.incomeType());
                n.put("income", Margin.round(i.income()).toPlainString());
                n.put("asset", i.asset());
                n.put("info", i.info());
                n.put("time", i.time());
                n.put("tranId", i.tranId());
                n.put("tradeId", "");
            }
            return null;
        });
        return arr;
    }

    /** The account's own rates on a contract: {@code {symbol, makerCommissionRate, takerCommissionRate}}. */
    private JsonNode commissionRate(Http.Call c) {
        String symbol = c.params.symbol("symbol", true);
        c.params.requireAllRead();
        Contract k = contract(symbol);
        FAccount a = acct(c);
        ObjectNode n = Json.object();
        n.put("symbol", k.symbol);
        venue.futures(f -> {
            n.put("makerCommissionRate", a.makerRate().stripTrailingZeros().toPlainString());
            n.put("takerCommissionRate", a.takerRate().stripTrailingZeros().toPlainString());
            return null;
        });
        return n;
    }

    private JsonNode leverageBracket(Http.Call c) {
        String symbol = c.params.symbol("symbol", false);
        c.params.requireAllRead();
        ArrayNode arr = Json.array();
        venue.futures(f -> {
            Brackets b = f.brackets();
            for (Contract k : f.contracts()) {
                if (symbol != null && !symbol.equals(k.symbol)) {
                    continue;
                }
                ObjectNode s = arr.addObject();
                s.put("symbol", k.symbol);
                ArrayNode list = s.putArray("brackets");
                for (Brackets.Bracket x : b.of(k.symbol)) {
                    ObjectNode bn = list.addObject();
                    bn.put("bracket", x.bracket());
                    bn.put("initialLeverage", x.initialLeverage());
                    bn.put("notionalCap", x.notionalCap());
                    bn.put("notionalFloor", x.notionalFloor());
                    bn.put("maintMarginRatio", x.maintMarginRatio());
                    bn.put("cum", x.cum());
                }
            }
            return null;
        });
        if (symbol != null && arr.isEmpty()) {
            throw new ApiError(400, -1121, "Invalid symbol.");
        }
        return arr;
    }

    // ---- orders --------------------------------------------------------------------------------

    private static FOrder.Side side(Http.Call c) {
        return switch (c.params.required("side")) {
            case "BUY" -> FOrder.Side.BUY;
            case "SELL" -> FOrder.Side.SELL;
            default -> throw new ApiError(400, -1117, "Invalid side.");
        };
    }

    private static boolean bool(Http.Call c, String name) {
        String v = c.params.optional(name);
        if (v == null) {
            return false;
        }
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiError.invalid(name);
        };
    }

    private static void positionSide(Http.Call c) {
        String ps = c.params.optional("positionSide");
        if (ps != null && !ps.equals("BOTH")) {
            throw new ApiError(400, -4061, "Order's position side does not match user's setting.");
        }
    }

    private JsonNode newOrder(Http.Call c) {
        String symbol = c.params.symbol("symbol", true);
        FOrder.Side side = side(c);
        String type = c.params.required("type");
        if (CONDITIONAL.contains(type)) {
            throw new ApiError(400, -4120, "Order type not supported for this endpoint. Please use the Algo Order API endpoints instead.");
        }
        if (!type.equals("LIMIT") && !type.equals("MARKET")) {
            throw new ApiError(400, -1116, "Invalid orderType.");
        }
        positionSide(c);
        boolean reduceOnly = bool(c, "reduceOnly");
        String tif = c.params.optional("timeInForce");
        BigDecimal qty = c.params.decimal("quantity", true);
        BigDecimal price = c.params.decimal("price", type.equals("LIMIT"));
        String cid = c.params.clientId("newClientOrderId");
        String respType = c.params.optional("newOrderRespType");
        c.params.requireAllRead();
        if (type.equals("LIMIT")) {
            if (tif == null) {
                throw ApiError.mandatory("timeInForce");
            }
            if (!Set.of("GTC", "IOC", "FOK", "GTX").contains(tif)) {
                throw new ApiError(400, -1115, "Invalid timeInForce.");
            }
        } else if (price != null) {
            throw ApiError.notRequired("price");
        }
        if (respType != null && !respType.equals("ACK") && !respType.equals("RESULT")) {
            throw new ApiError(400, -1136, "Invalid newOrderRespType.");
        }
        Contract k = contract(symbol);
        String clientId = cid != null ? cid : "x-sim" + venue.randomKey(22);
        NewFuturesOrder cmd = new NewFuturesOrder(k.symbol, side, type, type.equals("LIMIT") ? tif : null, price, qty, reduceOnly, clientId);
        FAccount a = acct(c);
        http.recheck(c);
        return FuturesJson.order(engine(f -> f.place(a, cmd, venue.now())), false);
    }

    private static Long orderIdOrClientId(Http.Call c, String idName, String clientName) {
        Long id = c.params.longValue(idName, false);
        String cid = c.params.optional(clientName);
        if (id == null && cid == null) {
            throw new ApiError(400, -1102, "Param '" + idName + "' or '" + clientName + "' must be sent, but both were empty/null!");
        }
        return id;
    }

    private JsonNode queryOrder(Http.Call c) {
        String symbol = c.params.symbol("symbol", true);
        Long id = orderIdOrClientId(c, "orderId", "origClientOrderId");
        String cid = c.params.optional("origClientOrderId");
        c.params.requireAllRead();
        FAccount a = acct(c);
        return FuturesJson.order(engine(f -> f.query(a, symbol, id, cid)), true);
    }

    private JsonNode cancelOrder(Http.Call c) {
        String symbol = c.params.symbol("symbol", true);
        Long id = orderIdOrClientId(c, "orderId", "origClientOrderId");
        String cid = c.params.optional("origClientOrderId");
        c.params.requireAllRead();
        FAccount a = acct(c);
        return FuturesJson.order(engine(f -> f.cancel(a, symbol, id, cid, venue.now())), false);
    }

    private JsonNode cancelAll(Http.Call c) {
        String symbol = c.params.symbol("symbol", true);
        c.params.requireAllRead();
        FAccount a = acct(c);
        engine(f -> f.cancelAll(a, symbol, venue.now()));
        ObjectNode n = Json.object();
        n.put("code", 200);
        n.put("msg", "The operation of cancel all open order is done.");
        return n;
    }

    private JsonNode openOrders(Http.Call c) {
        String symbol = c.params.symbol("symbol", false);
        c.params.requireAllRead();
        if (symbol != null) {
            contract(symbol);
        }
        FAccount a = acct(c);
        ArrayNode arr = Json.array();
        engine(f -> f.openOrders(a, symbol)).forEach(o -> arr.add(FuturesJson.order(o, true)));
        return arr;
    }

    private JsonNode allOrders(Http.Call c) {
        String symbol = c.params.symbol("symbol", true);
        Long limit = c.params.longValue("limit", false);
        c.params.requireAllRead();
        contract(symbol);
        FAccount a = acct(c);
        ArrayNode arr = Json.array();
        engine(f -> f.allOrders(a, symbol, limit == null ? 500 : (int) Math.min(1000, limit))).forEach(o -> arr.add(FuturesJson.order(o, true)));
        return arr;
    }

    private JsonNode userTrades(Http.Call c) {
        String symbol = c.params.symbol("symbol", true);
        Long limit = c.params.longValue("limit", false);
        c.params.requireAllRead();
        Contract k = contract(symbol);
        FAccount a = acct(c);
        ArrayNode arr = Json.array();
        for (var t : engine(f -> f.trades(a, symbol, limit == null ? 500 : (int) Math.min(1000, limit)))) {
            ObjectNode n = arr.addObject();
            n.put("buyer", t.side().equals("BUY"));
            n.put("commission", Margin.round(t.commission()).toPlainString());
            n.put("commissionAsset", "USDT");
            n.put("id", t.id());
            n.put("maker", t.maker());
            n.put("orderId", t.orderId());
            n.put("price", k.priceText(t.price()));
            n.put("qty", k.qtyText(t.qty()));
            n.put("quoteQty", Margin.round(t.quote()).toPlainString());
            n.put("realizedPnl", Margin.round(t.realizedPnl()).toPlainString());
            n.put("side", t.side());
            n.put("positionSide", "BOTH");
            n.put("symbol", symbol);
            n.put("time", t.time());
        }
        return arr;
    }

    // ---- algo service --------------------------------------------------------------------------

    private JsonNode newAlgo(Http.Call c) {
        String algoType = c.params.required("algoType");
        if (!algoType.equals("CONDITIONAL")) {
            throw ApiError.invalid("algoType");
        }
        String symbol = c.params.symbol("symbol", true);
        FOrder.Side side = side(c);
        String type = c.params.required("type");
        if (!CONDITIONAL.contains(type)) {
            throw new ApiError(400, -1116, "Invalid orderType.");
        }
        positionSide(c);
        String tif = c.params.optional("timeInForce");
        BigDecimal qty = c.params.decimal("quantity", false);
        BigDecimal price = c.params.decimal("price", false);
        BigDecimal trigger = c.params.decimal("triggerPrice", false);
        String workingType = c.params.optional("workingType");
        boolean closePosition = bool(c, "closePosition");
        boolean reduceOnly = bool(c, "reduceOnly");
        BigDecimal activate = c.params.decimal("activatePrice", false);
        BigDecimal callback = c.params.decimal("callbackRate", false);
        String clientAlgoId = c.params.clientId("clientAlgoId");
        c.params.optional("newOrderRespType");
        c.params.optional("priceProtect");
        c.params.requireAllRead();
        if (workingType == null) {
            workingType = "CONTRACT_PRICE";
        } else if (!workingType.equals("MARK_PRICE") && !workingType.equals("CONTRACT_PRICE")) {
            throw ApiError.invalid("workingType");
        }
        if (tif != null && !Set.of("GTC", "IOC", "FOK", "GTX").contains(tif)) {
            throw new ApiError(400, -1115, "Invalid timeInForce.");
        }
        boolean trailing = type.equals("TRAILING_STOP_MARKET");
        boolean limit = type.equals("STOP") || type.equals("TAKE_PROFIT");
        if (trailing) {
            if (callback == null) {
                throw ApiError.mandatory("callbackRate");
            }
            if (callback.compareTo(new BigDecimal("0.1")) < 0 || callback.compareTo(BigDecimal.TEN) > 0) {
                throw new ApiError(400, -2007, "Callback rate must be between 0.1 and 10.");
            }
            if (trigger != null) {
                throw ApiError.notRequired("triggerPrice");
            }
        } else {
            if (trigger == null) {
                throw ApiError.mandatory("triggerPrice");
            }
            if (callback != null || activate != null) {
                throw ApiError.notRequired(callback != null ? "callbackRate" : "activatePrice");
            }
        }
        if (limit && price == null) {
            throw ApiError.mandatory("price");
        }
        if (!limit && price != null) {
            throw ApiError.notRequired("price");
        }
        if (closePosition) {
            if (!type.equals("STOP_MARKET") && !type.equals("TAKE_PROFIT_MARKET")) {
                throw ApiError.invalid("closePosition");
            }
            if (qty != null) {
                throw new ApiError(400, -4136, "Target strategy invalid for orderType " + type + ",closePosition true");
            }
            if (reduceOnly) {
                throw new ApiError(400, -1106, "Parameter 'reduceonly' sent when not required.");
            }
        } else if (qty == null) {
            throw ApiError.mandatory("quantity");
        }
        Contract k = contract(symbol);
        NewAlgoOrder cmd = new NewAlgoOrder(k.symbol, side, type, limit ? (tif == null ? "GTC" : tif) : null, qty, price, trigger,
                workingType, closePosition, reduceOnly, activate, callback, clientAlgoId);
        FAccount a = acct(c);
        return FuturesJson.algo(engine(f -> f.placeAlgo(a, cmd, venue.now())));
    }

    private JsonNode cancelAlgo(Http.Call c) {
        Long id = orderIdOrClientId(c, "algoId", "clientAlgoId");
        String cid = c.params.optional("clientAlgoId");
        c.params.requireAllRead();
        FAccount a = acct(c);
        var v = engine(f -> f.cancelAlgo(a, id, cid, venue.now()));
        ObjectNode n = Json.object();
        n.put("algoId", v.algoId());
        n.put("clientAlgoId", v.clientAlgoId());
        n.put("code", "200");
        n.put("msg", "success");
        return n;
    }

    private JsonNode queryAlgo(Http.Call c) {
        Long id = orderIdOrClientId(c, "algoId", "clientAlgoId");
        String cid = c.params.optional("clientAlgoId");
        c.params.requireAllRead();
        FAccount a = acct(c);
        return FuturesJson.algo(engine(f -> f.queryAlgo(a, id, cid)));
    }

    private JsonNode cancelAllAlgos(Http.Call c) {
        String symbol = c.params.symbol("symbol", true);
        c.params.requireAllRead();
        FAccount a = acct(c);
        engine(f -> f.cancelAllAlgos(a, symbol, venue.now()));
        ObjectNode n = Json.object();
        n.put("code", 200);
        n.put("msg", "The operation of cancel all open order is done.");
        return n;
    }

    private JsonNode algos(Http.Call c, boolean openOnly) {
        c.params.optional("algoType");
        String symbol = c.params.symbol("symbol", !openOnly);
        c.params.longValue("algoId", false);
        c.params.longValue("startTime", false);
        c.params.longValue("endTime", false);
        c.params.longValue("limit", false);
        c.params.longValue("page", false);
        c.params.requireAllRead();
        if (symbol != null) {
            contract(symbol);
        }
        FAccount a = acct(c);
        ArrayNode arr = Json.array();
        engine(f -> f.algos(a, symbol, openOnly)).forEach(v -> arr.add(FuturesJson.algo(v)));
        return arr;
    }

    // ---- leverage, margin type, mode -----------------------------------------------------------

    private JsonNode leverage(Http.Call c) {
        String symbol = c.params.symbol("symbol", true);
        Long lev = c.params.longValue("leverage", true);
        c.params.requireAllRead();
        contract(symbol);
        if (lev < 1 || lev > 125) {
            throw new ApiError(400, -4028, "Leverage " + lev + " is not valid");
        }
        FAccount a = acct(c);
        BigDecimal max = engine(f -> f.changeLeverage(a, symbol, lev.intValue(), venue.now()));
        ObjectNode n = Json.object();
        n.put("leverage", lev.intValue());
        n.put("maxNotionalValue", max.toPlainString());
        n.put("symbol", symbol);
        return n;
    }

    private JsonNode marginType(Http.Call c) {
        String symbol = c.params.symbol("symbol", true);
        String type = c.params.required("marginType");
        c.params.requireAllRead();
        boolean isolated = switch (type) {
            case "ISOLATED" -> true;
            case "CROSSED" -> false;
            default -> throw ApiError.invalid("marginType");
        };
        contract(symbol);
        FAccount a = acct(c);
        engine(f -> {
            f.changeMarginType(a, symbol, isolated);
            return null;
        });
        ObjectNode n = Json.object();
        n.put("code", 200);
        n.put("msg", "success");
        return n;
    }

    /** One-way mode only: asking for one-way again is -4059; hedge mode is not simulated. */
    private JsonNode setPositionMode(Http.Call c) {
        String dual = c.params.required("dualSidePosition");
        c.params.requireAllRead();
        if (dual.equalsIgnoreCase("false")) {
            throw new ApiError(400, -4059, "No need to change position side.");
        }
        if (!dual.equalsIgnoreCase("true")) {
            throw ApiError.invalid("dualSidePosition");
        }
        throw new ApiError(400, -4066, "Hedge mode is not available on this simulator; positions are one-way (positionSide=BOTH).");
    }

    // ---- positions, account, balance -----------------------------------------------------------

    private JsonNode positionRisk(Http.Call c, int version) {
        String symbol = c.params.symbol("symbol", false);
        c.params.requireAllRead();
        if (symbol != null) {
            contract(symbol);
        }
        FAccount a = acct(c);
        ArrayNode arr = Json.array();
        venue.futures(f -> {
            for (Contract k : f.contracts()) {
                if (symbol != null && !symbol.equals(k.symbol)) {
                    continue;
                }
                FuturesEngine.PositionRisk r = f.risk(a, k.symbol);
                if (version == 3 && r.amt().signum() == 0 && f.openOrders(a, k.symbol).isEmpty()) {
                    continue;
                }
                ObjectNode n = arr.addObject();
                n.put("symbol", k.symbol);
                if (version == 3) {
                    n.put("positionSide", "BOTH");
                }
                n.put("positionAmt", k.qtyText(r.amt()));
                n.put("entryPrice", Margin.round(r.entry()).toPlainString());
                n.put("breakEvenPrice", Margin.round(r.breakEven()).toPlainString());
                n.put("markPrice", Margin.round(r.mark()).toPlainString());
                n.put("unRealizedProfit", Margin.round(r.unrealized()).toPlainString());
                n.put("liquidationPrice", r.liquidationPrice().toPlainString());
                BigDecimal isolatedMargin = r.isolated() ? Margin.round(r.isolatedWallet().add(r.unrealized())) : Margin.round(BigDecimal.ZERO);
                if (version == 2) {
                    n.put("leverage", String.valueOf(r.leverage()));
                    n.put("maxNotionalValue", r.maxNotional().toPlainString());
                    n.put("marginType", r.isolated() ? "isolated" : "cross");
                    n.put("isolatedMargin", isolatedMargin.toPlainString());
                    n.put("isAutoAddMargin", "false");
                    n.put("positionSide", "BOTH");
                    n.put("notional", Margin.round(r.notional()).toPlainString());
                    n.put("isolatedWallet", Margin.round(r.isolatedWallet()).toPlainString());
                } else {
                    n.put("isolatedMargin", isolatedMargin.toPlainString());
                    n.put("notional", Margin.round(r.notional()).toPlainString());
                    n.put("marginAsset", "USDT");
                    n.put("isolatedWallet", Margin.round(r.isolatedWallet()).toPlainString());
                    n.put("initialMargin", Margin.round(r.initialMargin().add(r.openOrderInitialMargin())).toPlainString());
                    n.put("maintMargin", Margin.round(r.maintMargin()).toPlainString());
                    n.put("positionInitialMargin", Margin.round(r.initialMargin()).toPlainString());
                    n.put("openOrderInitialMargin", Margin.round(r.openOrderInitialMargin()).toPlainString());
                    n.put("adl", 0);
                    n.put("bidNotional", "0");
                    n.put("askNotional", "0");
                }
                n.put("updateTime", r.updateTime());
            }
            return null;
        });
        return arr;
    }

    private JsonNode account(Http.Call c, int version) {
        c.params.requireAllRead();
        FAccount a = acct(c);
        return venue.futures(f -> {
            FuturesEngine.Totals t = f.totals(a);
            ObjectNode n = Json.object();
            if (version == 2) {
                n.put("feeTier", 0);
                n.put("feeBurn", false);
                n.put("canTrade", true);
                n.put("canDeposit", true);
                n.put("canWithdraw", true);
                n.put("updateTime", 0);
                n.put("multiAssetsMargin", false);
                n.put("tradeGroupId", -1);
            }
            n.put("totalInitialMargin", s(t.initialMargin()));
            n.put("totalMaintMargin", s(t.maintMargin()));
            n.put("totalWalletBalance", s(t.wallet()));
            n.put("totalUnrealizedProfit", s(t.unrealized()));
            n.put("totalMarginBalance", s(t.marginBalance()));
            n.put("totalPositionInitialMargin", s(t.positionInitialMargin()));
            n.put("totalOpenOrderInitialMargin", s(t.openOrderInitialMargin()));
            n.put("totalCrossWalletBalance", s(t.crossWallet()));
            n.put("totalCrossUnPnl", s(t.crossUnrealized()));
            n.put("availableBalance", s(t.available()));
            n.put("maxWithdrawAmount", s(t.available().max(BigDecimal.ZERO).min(t.crossWallet())));
            ArrayNode assets = n.putArray("assets");
            ObjectNode u = assets.addObject();
            u.put("asset", "USDT");
            u.put("walletBalance", s(t.wallet()));
            u.put("unrealizedProfit", s(t.unrealized()));
            u.put("marginBalance", s(t.marginBalance()));
            u.put("maintMargin", s(t.maintMargin()));
            u.put("initialMargin", s(t.initialMargin()));
            u.put("positionInitialMargin", s(t.positionInitialMargin()));
            u.put("openOrderInitialMargin", s(t.openOrderInitialMargin()));
            u.put("crossWalletBalance", s(t.crossWallet()));
            u.put("crossUnPnl", s(t.crossUnrealized()));
            u.put("availableBalance", s(t.available()));
            u.put("maxWithdrawAmount", s(t.available().max(BigDecimal.ZERO).min(t.crossWallet())));
            u.put("marginAvailable", true);
            u.put("updateTime", a.id() > 0 ? venue.now() : 0);
            ArrayNode positions = n.putArray("positions");
            for (Contract k : f.contracts()) {
                FuturesEngine.PositionRisk r = f.risk(a, k.symbol);
                if (version == 3 && r.amt().signum() == 0 && f.openOrders(a, k.symbol).isEmpty()) {
                    continue;
                }
                ObjectNode p = positions.addObject();
                p.put("symbol", k.symbol);
                p.put("positionSide", "BOTH");
                p.put("positionAmt", k.qtyText(r.amt()));
                p.put("unrealizedProfit", s(r.unrealized()));
                p.put("isolatedMargin", s(r.isolated() ? r.isolatedWallet().add(r.unrealized()) : BigDecimal.ZERO));
                p.put("notional", s(r.notional()));
                p.put("isolatedWallet", s(r.isolatedWallet()));
                p.put("initialMargin", s(r.initialMargin().add(r.openOrderInitialMargin())));
                p.put("maintMargin", s(r.maintMargin()));
                if (version == 2) {
                    p.put("leverage", String.valueOf(r.leverage()));
                    p.put("isolated", r.isolated());
                    p.put("entryPrice", s(r.entry()));
                    p.put("maxNotional", r.maxNotional().toPlainString());
                    p.put("bidNotional", "0");
                    p.put("askNotional", "0");
                    p.put("positionInitialMargin", s(r.initialMargin()));
                    p.put("openOrderInitialMargin", s(r.openOrderInitialMargin()));
                }
                p.put("updateTime", r.updateTime());
            }
            return n;
        });
    }

    private JsonNode balance(Http.Call c) {
        c.params.requireAllRead();
        FAccount a = acct(c);
        return venue.futures(f -> {
            FuturesEngine.Totals t = f.totals(a);
            ArrayNode arr = Json.array();
            ObjectNode u = arr.addObject();
            u.put("accountAlias", "SgsR");
            u.put("asset", "USDT");
            u.put("balance", s(t.wallet()));
            u.put("crossWalletBalance", s(t.crossWallet()));
            u.put("crossUnPnl", s(t.crossUnrealized()));
            u.put("availableBalance", s(t.available()));
            u.put("maxWithdrawAmount", s(t.available().max(BigDecimal.ZERO).min(t.crossWallet())));
            u.put("marginAvailable", true);
            u.put("updateTime", venue.now());
            return arr;
        });
    }

    private static String s(BigDecimal v) {
        return Margin.round(v).toPlainString();
    }
}
