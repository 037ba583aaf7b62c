package io.tradeguard.sim.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.tradeguard.sim.engine.EngineQueries;
import io.tradeguard.sim.engine.Instrument;
import io.tradeguard.sim.engine.SymbolSpec;
import io.tradeguard.sim.engine.Units;
import io.tradeguard.sim.feed.Bar;
import io.tradeguard.sim.feed.KlineInterval;
import io.tradeguard.sim.feed.MarketData;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** The NONE-security market data endpoints (binance-api.md §3.1-§3.3). */
public final class PublicRoutes {
    private final Http http;
    private final Venue venue;
    private final MarketData data;

    public PublicRoutes(Http http, MarketData data) {
        this.http = http;
        this.venue = http.venue();
        this.data = data;
    }

    public void register(Javalin app) {
        app.get("/api/v3/ping", http.publicEndpoint(p -> 1, c -> done(c, Json.object())));
        app.get("/api/v3/time", http.publicEndpoint(p -> 1, c -> {
            c.params.requireAllRead();
            ObjectNode n = Json.object();
            n.put("serverTime", venue.now());
            return n;
        }));
        app.get("/api/v3/exchangeInfo", http.publicEndpoint(p -> 20, this::exchangeInfo));
        app.get("/api/v3/depth", http.publicEndpoint(PublicRoutes::depthWeight, this::depth));
        app.get("/api/v3/trades", http.publicEndpoint(p -> 25, this::trades));
        app.get("/api/v3/klines", http.publicEndpoint(p -> 2, this::klines));
        app.get("/api/v3/avgPrice", http.publicEndpoint(p -> 2, this::avgPrice));
        app.get("/api/v3/ticker/24hr", http.publicEndpoint(p -> p.has("symbol") ? 2 : p.has("symbols") ? 2 : 80, this::ticker24h));
        app.get("/api/v3/ticker/price", http.publicEndpoint(p -> p.has("symbol") ? 2 : 4, this::tickerPrice));
        app.get("/api/v3/ticker/bookTicker", http.publicEndpoint(p -> p.has("symbol") ? 2 : 4, this::bookTicker));
    }

    private static JsonNode done(Http.Call c, JsonNode body) {
        c.params.requireAllRead();
        return body;
    }

    private static int depthWeight(Params p) {
        String text = p.has("limit") ? p.optional("limit") : "100";
        long limit;
        try {
            limit = Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 5;
        }
        return limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
    }

    /** `symbol` or `symbols` (a JSON array), or all; unknown names are -1121. */
    private List<Instrument> symbols(Params p) {
        String one = p.symbol("symbol", false);
        String many = p.optional("symbols");
        if (one != null && many != null) {
            throw new ApiError(400, -1128, "Combination of optional parameters invalid.");
        }
        List<Instrument> all = venue.locked(e -> e.instruments());
        if (one != null) {
            return List.of(find(all, one));
        }
        if (many != null) {
            List<Instrument> out = new ArrayList<>();
            try {
                JsonNode arr = Json.MAPPER.readTree(many);
                if (!arr.isArray() || arr.isEmpty()) {
                    throw ApiError.invalid("symbols");
                }
                for (JsonNode s : arr) {
                    if (!s.isTextual()) {
                        throw ApiError.invalid("symbols");
                    }
                    Instrument inst = find(all, s.asText());
                    if (out.contains(inst)) {
                        throw new ApiError(400, -1151, "Symbol is present multiple times in the list.");
                    }
                    out.add(inst);
                }
            } catch (JsonProcessingException e) {
                throw new ApiError(400, -1135, "JSON sent for parameter 'symbols' is not valid");
            }
            return out;
        }
        return all;
    }

    private static Instrument find(List<Instrument> all, String symbol) {
        return all.stream().filter(i -> i.symbol.equals(symbol)).findFirst()
                .orElseThrow(() -> new ApiError(400, -1121, "Invalid symbol."));
    }

    private Instrument oneSymbol(Params p) {
        String symbol = p.symbol("symbol", true);
        Instrument inst = venue.locked(e -> e.instrument(symbol));
        if (inst == null) {
            throw new ApiError(400, -1121, "Invalid symbol.");
        }
        return inst;
    }

    private JsonNode exchangeInfo(Http.Call c) {
        List<Instrument> insts = symbols(c.params);
        c.params.optional("permissions");
        c.params.optional("showPermissionSets");
        String status = c.params.optional("symbolStatus");
        if (status != null && !List.of("TRADING", "HALT", "BREAK").contains(status)) {
            throw new ApiError(400, -1122, "Invalid symbolStatus.");
        }
        c.params.requireAllRead();
        ObjectNode n = Json.object();
        n.put("timezone", "UTC");
        n.put("serverTime", venue.now());
        ArrayNode limits = n.putArray("rateLimits");
        limits.add(rateLimit("REQUEST_WEIGHT", "MINUTE", 1, http.limiter().limits().weightPerMinute()));
        limits.add(rateLimit("ORDERS", "SECOND", 10, http.limiter().limits().ordersPer10s()));
        limits.add(rateLimit("ORDERS", "DAY", 1, http.limiter().limits().ordersPerDay()));
        limits.add(rateLimit("RAW_REQUESTS", "MINUTE", 5, 300_000));
        n.putArray("exchangeFilters");
        ArrayNode symbols = n.putArray("symbols");
        for (Instrument inst : insts) {
            if (status == null || status.equals("TRADING")) {
                symbols.add(symbolInfo(inst.spec));
            }
        }
        return n;
    }

    static ObjectNode rateLimit(String type, String interval, int num, int limit) {
        ObjectNode n = Json.object();
        n.put("rateLimitType", type);
        n.put("interval", interval);
        n.put("intervalNum", num);
        n.put("limit", limit);
        return n;
    }

    private static String d8(BigDecimal v) {
        return v.setScale(8, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static ObjectNode symbolInfo(SymbolSpec s) {
        ObjectNode n = Json.object();
        n.put("symbol", s.symbol());
        n.put("status", "TRADING");
        n.put("baseAsset", s.baseAsset());
        n.put("baseAssetPrecision", 8);
        n.put("quoteAsset", s.quoteAsset());
        n.put("quotePrecision", 8);
        n.put("quoteAssetPrecision", 8);
        n.put("baseCommissionPrecision", 8);
        n.put("quoteCommissionPrecision", 8);
        ArrayNode types = n.putArray("orderTypes");
        for (String t : List.of("LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS", "STOP_LOSS_LIMIT", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT")) {
            types.add(t);
        }
        n.put("icebergAllowed", false);
        n.put("ocoAllowed", true);
        n.put("otoAllowed", false);
        n.put("opoAllowed", false);
        n.put("quoteOrderQtyMarketAllowed", true);
        n.put("allowTrailingStop", true);
        n.put("cancelReplaceAllowed", false);
        n.put("amendAllowed", false);
        n.put("pegInstructionsAllowed", false);
        n.put("isSpotTradingAllowed", true);
        n.put("isMarginTradingAllowed", false);
        ArrayNode filters = n.putArray("filters");
        ObjectNode price = filters.addObject();
        price.put("filterType", "PRICE_FILTER");
        price.put("minPrice", d8(s.minPrice()));
        price.put("maxPrice", d8(s.maxPrice()));
        price.put("tickSize", d8(s.tickSize()));
        ObjectNode lot = filters.addObject();
        lot.put("filterType", "LOT_SIZE");
        lot.put("minQty", d8(s.minQty()));
        lot.put("maxQty", d8(s.maxQty()));
        lot.put("stepSize", d8(s.stepSize()));
        ObjectNode iceberg = filters.addObject();
        iceberg.put("filterType", "ICEBERG_PARTS");
        iceberg.put("limit", 100);
        ObjectNode market = filters.addObject();
        market.put("filterType", "MARKET_LOT_SIZE");
        market.put("minQty", "0.00000000");
        market.put("maxQty", d8(s.marketMaxQty()));
        market.put("stepSize", "0.00000000");
        ObjectNode trailing = filters.addObject();
        trailing.put("filterType", "TRAILING_DELTA");
        trailing.put("minTrailingAboveDelta", s.minTrailingDelta());
        trailing.put("maxTrailingAboveDelta", s.maxTrailingDelta());
        trailing.put("minTrailingBelowDelta", s.minTrailingDelta());
        trailing.put("maxTrailingBelowDelta", s.maxTrailingDelta());
        ObjectNode notional = filters.addObject();
        notional.put("filterType", "NOTIONAL");
        notional.put("minNotional", d8(s.minNotional()));
        notional.put("applyMinToMarket", true);
        notional.put("maxNotional", d8(s.maxNotional()));
        notional.put("applyMaxToMarket", false);
        notional.put("avgPriceMins", 5);
        ObjectNode maxOrders = filters.addObject();
        maxOrders.put("filterType", "MAX_NUM_ORDERS");
        maxOrders.put("maxNumOrders", s.maxNumOrders());
        ObjectNode maxAlgo = filters.addObject();
        maxAlgo.put("filterType", "MAX_NUM_ALGO_ORDERS");
        maxAlgo.put("maxNumAlgoOrders", s.maxNumAlgoOrders());
        n.putArray("permissions");
        n.putArray("permissionSets").addArray().add("SPOT");
        n.put("defaultSelfTradePreventionMode", "NONE");
        n.putArray("allowedSelfTradePreventionModes").add("NONE");
        return n;
    }

    private JsonNode depth(Http.Call c) {
        Instrument inst = oneSymbol(c.params);
        Long limit = c.params.longValue("limit", false);
        c.params.optional("symbolStatus");
        c.params.requireAllRead();
        int n = limit == null ? 100 : (int) Math.min(Math.max(limit, 1), 5000);
        EngineQueries.Depth d = venue.locked(e -> e.queries().depth(inst.symbol, n));
        ObjectNode out = Json.object();
        out.put("lastUpdateId", d.lastUpdateId());
        levels(out.putArray("bids"), inst, d.bids());
        levels(out.putArray("asks"), inst, d.asks());
        return out;
    }

    private static void levels(ArrayNode arr, Instrument inst, List<long[]> levels) {
        for (long[] l : levels) {
            ArrayNode row = arr.addArray();
            row.add(inst.priceText(l[0]));
            row.add(inst.qtyText(l[1]));
        }
    }

    private JsonNode trades(Http.Call c) {
        Instrument inst = oneSymbol(c.params);
        Long limit = c.params.longValue("limit", false);
        c.params.requireAllRead();
        int n = limit == null ? 500 : (int) Math.min(Math.max(limit, 1), 1000);
        ArrayNode arr = Json.array();
        for (MarketData.Trade t : data.recentTrades(inst.symbol, n)) {
            ObjectNode o = arr.addObject();
            o.put("id", t.id());
            o.put("price", inst.priceText(t.price()));
            o.put("qty", inst.qtyText(t.qty()));
            o.put("quoteQty", Units.asset(t.quote()));
            o.put("time", t.time());
            o.put("isBuyerMaker", t.buyerMaker());
            o.put("isBestMatch", true);
        }
        return arr;
    }

    private JsonNode klines(Http.Call c) {
        Instrument inst = oneSymbol(c.params);
        KlineInterval iv = KlineInterval.fromWire(c.params.required("interval"));
        if (iv == null) {
            throw new ApiError(400, -1120, "Invalid interval.");
        }
        Long start = c.params.longValue("startTime", false);
        Long end = c.params.longValue("endTime", false);
        Long limit = c.params.longValue("limit", false);
        String tz = c.params.optional("timeZone");
        if (tz != null && !tz.equals("0") && !tz.equals("+00:00") && !tz.equals("00:00")) {
            throw ApiError.invalid("timeZone");
        }
        c.params.requireAllRead();
        if (limit != null && (limit < 1 || limit > 1000)) {
            throw ApiError.invalid("limit");
        }
        List<Bar> bars = data.klines(inst.symbol, iv, start == null ? 0 : start, end == null ? Long.MAX_VALUE : end,
                limit == null ? 500 : limit.intValue());
        ArrayNode arr = Json.array();
        for (Bar b : bars) {
            arr.add(StreamJson.klineRow(inst, b));
        }
        return arr;
    }

    private JsonNode avgPrice(Http.Call c) {
        Instrument inst = oneSymbol(c.params);
        c.params.requireAllRead();
        long now = venue.now();
        List<Bar> bars = data.klines(inst.symbol, KlineInterval.M1, now - 300_000, now, 5);
        long vol = 0;
        long quote = 0;
        for (Bar b : bars) {
            vol += b.volume;
            quote += b.quoteVolume;
        }
        BigDecimal price = vol == 0 ? inst.priceDecimal(venue.locked(e -> e.lastPrice(inst.symbol)))
                : Units.toDecimal(quote, 8).divide(Units.toDecimal(vol, inst.qtyScale), 8, RoundingMode.HALF_UP);
        ObjectNode n = Json.object();
        n.put("mins", 5);
        n.put("price", price.setScale(8, RoundingMode.HALF_UP).toPlainString());
        n.put("closeTime", bars.isEmpty() ? now : bars.get(bars.size() - 1).closeTime);
        return n;
    }

    private JsonNode tickerPrice(Http.Call c) {
        boolean single = c.params.has("symbol");
        List<Instrument> insts = symbols(c.params);
        c.params.requireAllRead();
        ArrayNode arr = Json.array();
        for (Instrument inst : insts) {
            ObjectNode n = arr.addObject();
            n.put("symbol", inst.symbol);
            n.put("price", inst.priceText(venue.locked(e -> e.lastPrice(inst.symbol))));
        }
        return single ? arr.get(0) : arr;
    }

    private JsonNode bookTicker(Http.Call c) {
        boolean single = c.params.has("symbol");
        List<Instrument> insts = symbols(c.params);
        c.params.requireAllRead();
        ArrayNode arr = Json.array();
        for (Instrument inst : insts) {
            EngineQueries.Depth d = venue.locked(e -> e.queries().depth(inst.symbol, 1));
            arr.add(StreamJson.bookTickerRest(inst, d));
        }
        return single ? arr.get(0) : arr;
    }

    private JsonNode ticker24h(Http.Call c) {
        boolean single = c.params.has("symbol");
        List<Instrument> insts = symbols(c.params);
        String type = c.params.optional("type");
        if (type != null && !type.equals("FULL") && !type.equals("MINI")) {
            throw new ApiError(400, -1139, "Invalid ticker type.");
        }
        c.params.requireAllRead();
        long now = venue.now();
        ArrayNode arr = Json.array();
        for (Instrument inst : insts) {
            EngineQueries.Depth d = venue.locked(e -> e.queries().depth(inst.symbol, 1));
            long last = venue.locked(e -> e.lastPrice(inst.symbol));
            List<MarketData.Trade> lastTrade = data.recentTrades(inst.symbol, 1);
            arr.add(Ticker24h.of(inst, data.lastDay(inst.symbol, now), d, last,
                    lastTrade.isEmpty() ? 0 : lastTrade.get(0).qty(), now, "MINI".equals(type)));
        }
        return single ? arr.get(0) : arr;
    }
}
