package io.tradeguard.sim.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.tradeguard.sim.PriceFeed;
import io.tradeguard.sim.SimAccount;
import io.tradeguard.sim.api.Json;
import io.tradeguard.sim.api.OrderJson;
import io.tradeguard.sim.api.RateLimiter;
import io.tradeguard.sim.api.Venue;
import io.tradeguard.sim.engine.Account;
import io.tradeguard.sim.engine.EngineEvent;
import io.tradeguard.sim.engine.Instrument;
import io.tradeguard.sim.engine.NewOrder;
import io.tradeguard.sim.engine.OrderType;
import io.tradeguard.sim.engine.Outcome;
import io.tradeguard.sim.engine.Side;
import io.tradeguard.sim.engine.TimeInForce;
import io.tradeguard.sim.engine.Units;
import io.tradeguard.sim.feed.PriceDriver;
import io.tradeguard.sim.ws.FuturesStreams;
import io.tradeguard.sim.ws.MarketStreams;
import io.tradeguard.sim.futures.Brackets;
import io.tradeguard.sim.futures.Contract;
import io.tradeguard.sim.futures.FAccount;
import io.tradeguard.sim.futures.FOrder;
import io.tradeguard.sim.futures.FuturesReject;
import io.tradeguard.sim.futures.NewFuturesOrder;
import io.tradeguard.sim.api.FuturesJson;
import io.tradeguard.sim.ws.WsApi;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The simulator's own control API under /sim/v1 (DESIGN.md §5): loopback only, X-Sim-Admin token. */
public final class ControlRoutes {
    private final Venue venue;
    private final String token;
    private final PriceDriver feed;
    private final RateLimiter limiter;
    private final WsApi wsApi;
    private final MarketStreams streams;
    private final FuturesStreams futuresStreams;

    /** A bad control request: 400 with {"error": …}. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String msg) {
            super(msg, null, false, false);
        }
    }

    @FunctionalInterface
    interface Action {
        JsonNode run(ObjectNode body);
    }

    /** The raw JSON body of a /sim/v1/brackets call (an array), kept for the action. */
    private static final ThreadLocal<JsonNode> RAW = new ThreadLocal<>();

    public ControlRoutes(Venue venue, String token, PriceDriver feed, RateLimiter limiter, WsApi wsApi, MarketStreams streams,
                         FuturesStreams futuresStreams) {
        this.venue = venue;
        this.token = token;
        this.feed = feed;
        this.limiter = limiter;
        this.wsApi = wsApi;
        this.streams = streams;
        this.futuresStreams = futuresStreams;
    }

    public void register(Javalin app) {
        app.post("/sim/v1/price", guarded(this::price, Set.of("symbol", "price", "mark_price", "market")));
        app.post("/sim/v1/feed", guarded(this::feedMode, Set.of("mode", "interval_ms", "max_step_bips", "symbol", "path", "ms_per_bar", "loop")));
        app.post("/sim/v1/accounts", guarded(this::account, Set.of("api_key", "secret_key", "balances", "futures_balances", "ed25519_public_key")));
        app.post("/sim/v1/balance", guarded(this::balance, Set.of("api_key", "market", "asset", "delta")));
        app.post("/sim/v1/fees", guarded(this::fees, Set.of("api_key", "market", "maker", "taker")));
        app.post("/sim/v1/external-order", guarded(this::externalOrder,
                Set.of("api_key", "market", "symbol", "side", "type", "quantity", "price", "time_in_force", "client_order_id")));
        app.post("/sim/v1/faults", guarded(this::faults, Set.of("drop_streams", "http_error_rate", "http_status", "latency_ms",
                "clock_skew_ms", "rate_limit_burst", "reject_next_orders")));
        app.get("/sim/v1/state", guarded(b -> State.of(venue), Set.of()));
        app.post("/sim/v1/brackets", guarded(this::brackets, null));
        app.post("/sim/v1/positions", guarded(this::positions,
                Set.of("api_key", "symbol", "position_amt", "entry_price", "leverage", "margin_type", "isolated_wallet")));
        app.post("/sim/v1/funding", guarded(this::funding, Set.of("symbol", "rate", "apply")));
    }

    private Handler guarded(Action action, Set<String> fields) {
        return ctx -> {
            try {
                if (!InetAddress.getByName(ctx.ip()).isLoopbackAddress()) {
                    reply(ctx, 403, "the control API answers on loopback only");
                    return;
                }
                String given = ctx.header("X-Sim-Admin");
                if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
                    reply(ctx, 401, "missing or wrong X-Sim-Admin token");
                    return;
                }
                ObjectNode body = body(ctx, fields);
                JsonNode result = action.run(body);
                ctx.status(200).contentType("application/json").result(Json.write(result));
            } catch (FuturesReject e) {
                reply(ctx, 400, e.code() + " " + e.getMessage());
            } catch (BadRequest | IllegalArgumentException | ArithmeticException e) {
                reply(ctx, 400, e.getMessage());
            }
        };
    }

    private static void reply(Context ctx, int status, String msg) {
        ObjectNode n = Json.object();
        n.put("error", msg == null ? "bad request" : msg);
        ctx.status(status).contentType("application/json").result(Json.write(n));
    }

    private static ObjectNode body(Context ctx, Set<String> fields) {
        String text = ctx.body();
        if (text == null || text.isBlank()) {
            return Json.object();
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new BadRequest("body is not JSON");
        }
        if (fields == null) {
            RAW.set(text.isBlank() ? null : node);
            return Json.object();
        }
        if (!(node instanceof ObjectNode obj)) {
            throw new BadRequest("body must be a JSON object");
        }
        obj.fieldNames().forEachRemaining(f -> {
            if (!fields.contains(f)) {
                throw new BadRequest("unknown field '" + f + "'");
            }
        });
        return obj;
    }

    static String text(ObjectNode b, String field, boolean required) {
        JsonNode n = b.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new BadRequest("'" + field + "' is required");
            }
            return null;
        }
        if (!n.isTextual() && !n.isNumber()) {
            throw new BadRequest("'" + field + "' must be a string");
        }
        return n.asText();
    }

    static BigDecimal decimal(ObjectNode b, String field, boolean required) {
        String t = text(b, field, required);
        if (t == null) {
            return null;
        }
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new BadRequest("'" + field + "' must be a decimal");
        }
    }

    private Account account(ObjectNode b, String field) {
        String key = text(b, field, true);
        Account a = venue.account(key);
        if (a == null) {
            throw new BadRequest("no account with this api_key");
        }
        return a;
    }

    private Instrument instrument(String symbol) {
        Instrument inst = venue.locked(e -> e.instrument(symbol));
        if (inst == null) {
            throw new BadRequest("unknown symbol " + symbol);
        }
        return inst;
    }

    private static String market(ObjectNode b) {
        String market = text(b, "market", false);
        if (market != null && !market.equals("spot") && !market.equals("futures")) {
            throw new BadRequest("market is spot or futures");
        }
        return market;
    }

    private JsonNode price(ObjectNode b) {
        String market = market(b);
        String symbol = text(b, "symbol", true);
        BigDecimal price = decimal(b, "price", true);
        BigDecimal mark = decimal(b, "mark_price", false);
        if (price.signum() <= 0 || (mark != null && mark.signum() <= 0)) {
            throw new BadRequest("price and mark_price must be positive");
        }
        Contract k = venue.futures(f -> f.contract(symbol));
        boolean spotSymbol = venue.locked(e -> e.instrument(symbol)) != null;
        boolean futuresOnly = "futures".equals(market) || (market == null && mark != null) || (market == null && !spotSymbol);
        if (futuresOnly && k == null) {
            throw new BadRequest("unknown futures symbol " + symbol);
        }
        if (mark != null && "spot".equals(market)) {
            throw new BadRequest("mark_price is a futures price");
        }
        if (futuresOnly) {
            futuresPrice(k, price, mark);
            ObjectNode n = Json.object();
            n.put("symbol", symbol);
            n.put("price", k.priceText(price));
            n.put("mark_price", k.priceText(mark != null ? mark : price));
            return n;
        }
        if (market == null && k != null && fitsFutures(k, price)) {
            // no market given: both markets trade at the price (futures only when it passes its PRICE_FILTER)
            futuresPrice(k, price, null);
        }
        Instrument inst = instrument(symbol);
        long units;
        try {
            units = inst.price(price);
        } catch (ArithmeticException tooFine) {
            throw new BadRequest("price must be a multiple of the tick within the PRICE_FILTER");
        }
        if (units % inst.tick != 0 || units < inst.minPrice || units > inst.maxPrice) {
            throw new BadRequest("price must be a multiple of the tick within the PRICE_FILTER");
        }
        venue.locked(e -> {
            e.marketTrade(inst.symbol, units, inst.minQty, venue.now());
            return null;
        });
        ObjectNode n = Json.object();
        n.put("symbol", inst.symbol);
        n.put("price", inst.priceText(units));
        return n;
    }

    private static boolean fitsFutures(Contract k, BigDecimal p) {
        return p.remainder(k.tickSize).signum() == 0 && p.compareTo(k.minPrice) >= 0 && p.compareTo(k.maxPrice) <= 0;
    }

    private void futuresPrice(Contract k, BigDecimal price, BigDecimal mark) {
        for (BigDecimal p : mark == null ? java.util.List.of(price) : java.util.List.of(price, mark)) {
            if (!fitsFutures(k, p)) {
                throw new BadRequest("price must be a multiple of the tick within the futures PRICE_FILTER of " + k.symbol);
            }
        }
        venue.futures(f -> {
            f.setPrices(k.symbol, price, mark, venue.now());
            return null;
        });
    }

    private FAccount futuresAccount(ObjectNode b) {
        Account a = account(b, "api_key");
        return venue.futures(f -> f.account(a.id));
    }

    private JsonNode brackets(ObjectNode ignored) {
        JsonNode raw = RAW.get();
        RAW.remove();
        Brackets parsed = Brackets.parse(raw);
        venue.futures(f -> {
            f.replaceBrackets(parsed, venue.now());
            return null;
        });
        ObjectNode n = Json.object();
        ArrayNode symbols = n.putArray("symbols");
        parsed.symbols().forEach(symbols::add);
        return n;
    }

    private JsonNode positions(ObjectNode b) {
        FAccount a = futuresAccount(b);
        String symbol = text(b, "symbol", true);
        BigDecimal amt = decimal(b, "position_amt", true);
        BigDecimal entry = decimal(b, "entry_price", amt.signum() != 0);
        String mt = text(b, "margin_type", false);
        boolean isolated = switch (mt == null ? "cross" : mt.toLowerCase(java.util.Locale.ROOT)) {
            case "cross", "crossed" -> false;
            case "isolated" -> true;
            default -> throw new BadRequest("margin_type is cross or isolated");
        };
        BigDecimal iw = decimal(b, "isolated_wallet", false);
        if (isolated && (iw == null || iw.signum() <= 0) && amt.signum() != 0) {
            throw new BadRequest("an isolated position needs a positive isolated_wallet");
        }
        if (venue.futures(f -> f.contract(symbol)) == null) {
            throw new BadRequest("unknown futures symbol " + symbol);
        }
        int leverage = b.has("leverage") ? b.get("leverage").asInt() : io.tradeguard.sim.futures.FAccount.DEFAULT_LEVERAGE;
        venue.futures(f -> {
            f.seedPosition(a, symbol, amt, entry, leverage, isolated, iw == null ? BigDecimal.ZERO : iw, venue.now());
            return null;
        });
        return State.futuresAccount(venue, a);
    }

    private JsonNode funding(ObjectNode b) {
        String symbol = text(b, "symbol", true);
        BigDecimal rate = decimal(b, "rate", false);
        boolean apply = b.has("apply") && b.get("apply").asBoolean();
        if (venue.futures(f -> f.contract(symbol)) == null) {
            throw new BadRequest("unknown futures symbol " + symbol);
        }
        if (rate != null && rate.abs().compareTo(new BigDecimal("0.03")) > 0) {
            throw new BadRequest("funding rate must be within ±3 %");
        }
        venue.futures(f -> {
            if (apply) {
                f.fund(symbol, rate, venue.now());
            } else if (rate != null) {
                f.setFundingRate(symbol, rate);
            }
            return null;
        });
        Contract k = venue.futures(f -> f.contract(symbol));
        ObjectNode n = Json.object();
        n.put("symbol", symbol);
        n.put("rate", k.fundingRate().toPlainString());
        n.put("next_funding_time", k.nextFundingTime());
        return n;
    }

    private JsonNode feedMode(ObjectNode b) {
        String mode = text(b, "mode", true);
        PriceFeed f = switch (mode) {
            case "walk" -> new PriceFeed.Walk(b.has("interval_ms") ? b.get("interval_ms").asLong() : 1000,
                    b.has("max_step_bips") ? b.get("max_step_bips").asInt() : 3);
            case "replay" -> new PriceFeed.Replay(text(b, "symbol", true), Path.of(text(b, "path", true)),
                    b.has("ms_per_bar") ? b.get("ms_per_bar").asLong() : 1000, b.has("loop") && b.get("loop").asBoolean());
            case "manual" -> new PriceFeed.Manual();
            default -> throw new BadRequest("mode is walk, replay or manual");
        };
        try {
            feed.use(f);
        } catch (java.io.IOException e) {
            throw new BadRequest("cannot read the replay file: " + e.getMessage());
        }
        ObjectNode n = Json.object();
        n.put("mode", mode);
        return n;
    }

    private JsonNode account(ObjectNode b) {
        Map<String, BigDecimal> futuresBalances = new LinkedHashMap<>();
        JsonNode fb = b.get("futures_balances");
        if (fb != null) {
            if (!fb.isObject()) {
                throw new BadRequest("futures_balances is an object of asset to amount");
            }
            fb.fields().forEachRemaining(e -> futuresBalances.put(e.getKey(), new BigDecimal(e.getValue().asText())));
        }
        Map<String, BigDecimal> balances = new LinkedHashMap<>();
        JsonNode bal = b.get("balances");
        if (bal != null) {
            if (!bal.isObject()) {
                throw new BadRequest("balances is an object of asset to amount");
            }
            bal.fields().forEachRemaining(e -> balances.put(e.getKey(), new BigDecimal(e.getValue().asText())));
        }
        ObjectNode n = Json.object();
        String pem = text(b, "ed25519_public_key", false);
        if (pem != null) {
            if (b.has("secret_key")) {
                throw new BadRequest("an Ed25519 account has no secret_key");
            }
            if (!futuresBalances.isEmpty()) {
                throw new BadRequest("futures_balances need an HMAC account");
            }
            n.put("api_key", venue.createEd25519Account(text(b, "api_key", false), pem, balances));
            return n;
        }
        SimAccount acct = venue.createAccount(text(b, "api_key", false), text(b, "secret_key", false), balances, futuresBalances);
        n.put("api_key", acct.apiKey());
        n.put("secret_key", acct.secretKey());
        return n;
    }

    private JsonNode balance(ObjectNode b) {
        if ("futures".equals(market(b))) {
            FAccount fa = futuresAccount(b);
            if (!"USDT".equals(text(b, "asset", true))) {
                throw new BadRequest("futures wallets hold USDT only");
            }
            BigDecimal delta = decimal(b, "delta", true);
            venue.futures(f -> {
                f.adjustWallet(fa, delta, venue.now());
                return null;
            });
            return State.futuresAccount(venue, fa);
        }
        Account a = account(b, "api_key");
        String asset = text(b, "asset", true);
        BigDecimal delta = decimal(b, "delta", true);
        Outcome out = venue.locked(e -> e.adjustBalance(a, asset, delta, venue.now()));
        if (out instanceof Outcome.Rejected r) {
            throw new BadRequest(r.reject().msg());
        }
        return balances(a);
    }

    private JsonNode balances(Account a) {
        ObjectNode n = Json.object();
        ObjectNode bal = n.putObject("balances");
        for (EngineEvent.Balance x : venue.locked(e -> e.balances(a))) {
            ObjectNode bn = bal.putObject(x.asset());
            bn.put("free", Units.asset(x.free()));
            bn.put("locked", Units.asset(x.locked()));
        }
        return n;
    }

    private JsonNode fees(ObjectNode b) {
        boolean futures = "futures".equals(market(b));
        BigDecimal maker = decimal(b, "maker", true);
        BigDecimal taker = decimal(b, "taker", true);
        String key = text(b, "api_key", false);
        if (futures) {
            venue.futures(f -> {
                for (FAccount a : key == null ? f.accounts() : java.util.List.of(futuresAccount(b))) {
                    f.setRates(a, maker, taker);
                }
                return null;
            });
            ObjectNode n = Json.object();
            n.put("maker", maker.toPlainString());
            n.put("taker", taker.toPlainString());
            return n;
        }
        venue.locked(e -> {
            for (Account a : key == null ? e.accounts() : java.util.List.of(account(b, "api_key"))) {
                e.setRates(a, maker, taker);
            }
            return null;
        });
        ObjectNode n = Json.object();
        n.put("maker", maker.toPlainString());
        n.put("taker", taker.toPlainString());
        return n;
    }

    /** An order "from the Binance app": a client id the engine never made, answered like a FULL response. */
    private JsonNode externalOrder(ObjectNode b) {
        if ("futures".equals(market(b))) {
            return futuresExternalOrder(b);
        }
        Account a = account(b, "api_key");
        Instrument inst = instrument(text(b, "symbol", true));
        Side side = Side.fromWire(text(b, "side", true));
        OrderType type = OrderType.fromWire(text(b, "type", true));
        if (side == null || type == null) {
            throw new BadRequest("side is BUY or SELL; type is a Binance order type");
        }
        if (type.isConditional()) {
            throw new BadRequest("external orders are LIMIT, LIMIT_MAKER or MARKET");
        }
        TimeInForce tif = null;
        if (type.needsTimeInForce()) {
            String t = text(b, "time_in_force", false);
            tif = t == null ? TimeInForce.GTC : TimeInForce.fromWire(t);
            if (tif == null) {
                throw new BadRequest("time_in_force is GTC, IOC or FOK");
            }
        }
        BigDecimal qty = decimal(b, "quantity", true);
        BigDecimal price = decimal(b, "price", type.hasLimitPrice());
        String cid = text(b, "client_order_id", false);
        NewOrder cmd = new NewOrder(inst.symbol, side, type, tif, price == null ? 0 : inst.price(price), inst.qty(qty), 0, 0, 0,
                cid != null ? cid : "web_" + venue.randomKey(28).toLowerCase(java.util.Locale.ROOT));
        Outcome out = venue.locked(e -> e.place(a, cmd, venue.now()));
        return switch (out) {
            case Outcome.Placed p -> OrderJson.placed(p.order(), p.fills(), p.transactTime(), OrderJson.RespType.FULL);
            case Outcome.Rejected r -> throw new BadRequest(r.reject().code() + " " + r.reject().msg());
            default -> throw new IllegalStateException("unexpected outcome " + out);
        };
    }

    private JsonNode futuresExternalOrder(ObjectNode b) {
        FAccount a = futuresAccount(b);
        String symbol = text(b, "symbol", true);
        String sideText = text(b, "side", true);
        String type = text(b, "type", true);
        if (!sideText.equals("BUY") && !sideText.equals("SELL") || !type.equals("LIMIT") && !type.equals("MARKET")) {
            throw new BadRequest("side is BUY or SELL; futures external orders are LIMIT or MARKET");
        }
        BigDecimal qty = decimal(b, "quantity", true);
        BigDecimal price = decimal(b, "price", type.equals("LIMIT"));
        String tif = type.equals("LIMIT") ? (text(b, "time_in_force", false) == null ? "GTC" : text(b, "time_in_force", false)) : null;
        String cid = text(b, "client_order_id", false);
        NewFuturesOrder cmd = new NewFuturesOrder(symbol, FOrder.Side.valueOf(sideText), type, tif, price, qty, false,
                cid != null ? cid : "web_" + venue.randomKey(28).toLowerCase(java.util.Locale.ROOT));
        try {
            return FuturesJson.order(venue.futures(f -> f.place(a, cmd, venue.now())), false);
        } catch (FuturesReject r) {
            throw new BadRequest(r.code() + " " + r.getMessage());
        }
    }

    private JsonNode faults(ObjectNode b) {
        var f = venue.faults;
        if (b.isEmpty()) {
            f.clear();
            return Json.object();
        }
        if (b.has("http_error_rate") || b.has("http_status")) {
            f.httpErrors(b.has("http_error_rate") ? b.get("http_error_rate").asDouble() : f.httpErrorRate(),
                    b.has("http_status") ? b.get("http_status").asInt() : f.httpStatus());
        }
        if (b.has("latency_ms")) {
            f.latency(b.get("latency_ms").asLong());
        }
        if (b.has("clock_skew_ms")) {
            f.clockSkew(b.get("clock_skew_ms").asLong());
        }
        if (b.has("reject_next_orders")) {
            f.rejectNextOrders(b.get("reject_next_orders").asInt());
        }
        if (b.has("rate_limit_burst") && b.get("rate_limit_burst").asBoolean()) {
            limiter.exhaust(venue.now());
        }
        if (b.has("drop_streams") && b.get("drop_streams").asBoolean()) {
            wsApi.dropAll();
            streams.dropAll();
            futuresStreams.dropAll();
        }
        ObjectNode n = Json.object();
        n.put("http_error_rate", f.httpErrorRate());
        n.put("http_status", f.httpStatus());
        n.put("latency_ms", f.latencyMillis());
        n.put("clock_skew_ms", f.clockSkewMillis());
        n.put("reject_next_orders", f.rejectNextOrders());
        return n;
    }

    static ArrayNode arrayOf(Iterable<? extends JsonNode> nodes) {
        ArrayNode arr = Json.array();
        nodes.forEach(arr::add);
        return arr;
    }
}
