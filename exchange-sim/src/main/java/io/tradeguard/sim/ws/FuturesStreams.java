package io.tradeguard.sim.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.tradeguard.sim.api.ApiError;
import io.tradeguard.sim.api.FuturesJson;
import io.tradeguard.sim.api.Http;
import io.tradeguard.sim.api.Json;
import io.tradeguard.sim.api.StreamJson;
import io.tradeguard.sim.api.Venue;
import io.tradeguard.sim.engine.EngineEvent;
import io.tradeguard.sim.engine.Instrument;
import io.tradeguard.sim.feed.Bar;
import io.tradeguard.sim.feed.KlineInterval;
import io.tradeguard.sim.feed.MarketData;
import io.tradeguard.sim.futures.FuturesEvent;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The USDⓈ-M streams on the routed paths of 2026 (binance-api.md §1.2, §6.7, §9): user data on
 * /private/ws/&lt;listenKey&gt; (or /private/ws?listenKey=…) with the /fapi/v1/listenKey flow (60 minutes of
 * validity), {@code @markPrice[@1s]}, {@code @kline_*}, {@code @aggTrade} on /market and {@code @bookTicker}
 * on /public. A stream asked for on the wrong route is refused.
 */
public final class FuturesStreams implements Consumer<FuturesEvent>, MarketData.KlineListener {
    private static final long LIFETIME_MILLIS = 60 * 60_000L;

    private final Venue venue;
    private final Map<String, Instrument> instruments;
    private final MarketData data;
    private final MarketStreams market;
    private final MarketStreams pub;
    private final MarketStreams priv;
    private final Map<String, Key> keys = new ConcurrentHashMap<>();

    private static final class Key {
        final long accountId;
        volatile long expiresAt;

        Key(long accountId, long expiresAt) {
            this.accountId = accountId;
            this.expiresAt = expiresAt;
        }
    }

    public FuturesStreams(Venue venue, Map<String, Instrument> instruments, MarketData data) {
        this.venue = venue;
        this.instruments = instruments;
        this.data = data;
        this.market = new MarketStreams(venue, "/market", this::marketStream);
        this.pub = new MarketStreams(venue, "/public", this::publicStream);
        this.priv = new MarketStreams(venue, "/private", this::isActive);
        data.addKlineListener(this);
    }

    public void register(Javalin app, Http http) {
        market.register(app);
        pub.register(app);
        priv.register(app);
        app.post("/fapi/v1/listenKey", http.apiKeyEndpoint(p -> 1, this::create));
        app.put("/fapi/v1/listenKey", http.apiKeyEndpoint(p -> 1, c -> keepAlive(c, false)));
        app.delete("/fapi/v1/listenKey", http.apiKeyEndpoint(p -> 1, c -> keepAlive(c, true)));
    }

    private String symbolOf(String stream) {
        int at = stream.indexOf('@');
        if (at <= 0) {
            return null;
        }
        String symbol = stream.substring(0, at);
        if (!symbol.equals(symbol.toLowerCase(Locale.ROOT)) || !instruments.containsKey(symbol.toUpperCase(Locale.ROOT))) {
            return null;
        }
        return symbol;
    }

    private boolean marketStream(String stream) {
        if (symbolOf(stream) == null) {
            return false;
        }
        String kind = stream.substring(stream.indexOf('@') + 1);
        return kind.equals("markPrice") || kind.equals("markPrice@1s") || kind.equals("aggTrade")
                || (kind.startsWith("kline_") && KlineInterval.fromWire(kind.substring(6)) != null && !kind.equals("kline_1s"));
    }

    /** Futures partial book depth: {@code <symbol>@depth<5|10|20>} at 250 ms (default), 500 ms or 100 ms. */
    private static final java.util.regex.Pattern PARTIAL_DEPTH = java.util.regex.Pattern.compile("depth(5|10|20)(@100ms|@250ms|@500ms)?");

    private boolean publicStream(String stream) {
        return symbolOf(stream) != null && (stream.endsWith("@bookTicker")
                || PARTIAL_DEPTH.matcher(stream.substring(stream.indexOf('@') + 1)).matches());
    }

    boolean isActive(String key) {
        Key k = keys.get(key);
        return k != null && k.expiresAt > venue.now();
    }

    /** One key per account: asking again returns the active key and extends it. */
    private JsonNode create(Http.Call call) {
        call.params.requireAllRead();
        long accountId = call.account().id;
        long expires = venue.now() + LIFETIME_MILLIS;
        String key = null;
        for (Map.Entry<String, Key> e : keys.entrySet()) {
            if (e.getValue().accountId == accountId && e.getValue().expiresAt > venue.now()) {
                e.getValue().expiresAt = expires;
                key = e.getKey();
            }
        }
        if (key == null) {
            key = venue.randomKey(64);
            keys.put(key, new Key(accountId, expires));
        }
        ObjectNode n = Json.object();
        n.put("listenKey", key);
        return n;
    }

    /** PUT extends the account's key (-1125 when it has none alive); DELETE closes it. */
    private JsonNode keepAlive(Http.Call call, boolean close) {
        call.params.optional("listenKey");
        call.params.requireAllRead();
        long accountId = call.account().id;
        for (Map.Entry<String, Key> e : keys.entrySet()) {
            Key k = e.getValue();
            if (k.accountId == accountId && k.expiresAt > venue.now()) {
                if (close) {
                    keys.remove(e.getKey());
                    return Json.object();
                }
                k.expiresAt = venue.now() + LIFETIME_MILLIS;
                ObjectNode n = Json.object();
                n.put("listenKey", e.getKey());
                return n;
            }
        }
        throw new ApiError(400, -1125, "This listenKey does not exist.");
    }

    /** Called every second: an expired key gets listenKeyExpired, then nothing more. */
    public void expire() {
        long now = venue.now();
        for (Map.Entry<String, Key> e : List.copyOf(keys.entrySet())) {
            if (e.getValue().expiresAt <= now && keys.remove(e.getKey(), e.getValue())) {
                ObjectNode n = Json.object();
                n.put("e", "listenKeyExpired");
                n.put("E", now);
                n.put("listenKey", e.getKey());
                priv.publishTo(e.getKey(), n);
            }
        }
    }

    private void toAccount(long accountId, ObjectNode payload) {
        long now = venue.now();
        keys.forEach((key, k) -> {
            if (k.accountId == accountId && k.expiresAt > now) {
                priv.publishTo(key, payload);
            }
        });
    }

    @Override
    public void accept(FuturesEvent event) {
        switch (event) {
            case FuturesEvent.OrderUpdate u -> toAccount(u.order().accountId(), FuturesJson.orderTradeUpdate(u));
            case FuturesEvent.AccountUpdate u -> toAccount(u.accountId(), FuturesJson.accountUpdate(u));
            case FuturesEvent.AlgoUpdate u -> toAccount(u.algo().accountId(), FuturesJson.algoUpdate(u));
            case FuturesEvent.MarginCall m -> toAccount(m.accountId(), FuturesJson.marginCall(m));
            case FuturesEvent.ConfigUpdate c -> toAccount(c.accountId(), FuturesJson.configUpdate(c));
            case FuturesEvent.Trade t -> {
                Instrument inst = instruments.get(t.symbol());
                data.on(new EngineEvent.PublicTrade(inst, t.id(), inst.price(new BigDecimal(t.price())), inst.qty(new BigDecimal(t.qty())),
                        t.time(), t.buyerMaker()));
                market.publishTo(t.symbol().toLowerCase(Locale.ROOT) + "@aggTrade", FuturesJson.aggTrade(t, venue.now()));
            }
            case FuturesEvent.BookTicker b -> {
                pub.publishTo(b.symbol().toLowerCase(Locale.ROOT) + "@bookTicker", FuturesJson.bookTicker(b));
                publishDepth(b);
            }
            case FuturesEvent.MarkPrice m -> {
                String base = m.symbol().toLowerCase(Locale.ROOT) + "@markPrice";
                ObjectNode payload = FuturesJson.markPrice(m);
                market.publishTo(base + "@1s", payload);
                if ((m.time() / 1000) % 3 == 0) {
                    market.publishTo(base, payload);
                }
            }
        }
    }

    /**
     * The partial depth streams of a contract, sent when its book changed (Binance sends them on a fixed beat), each the
     * top levels as GET /fapi/v1/depth shows them, in the futures shape {@code {e:"depthUpdate", E, T, s, U, u, pu, b, a}}.
     * Called with the engine's lock held (futures events are published under it).
     */
    private void publishDepth(FuturesEvent.BookTicker top) {
        String prefix = top.symbol().toLowerCase(Locale.ROOT) + "@";
        Map<Integer, ObjectNode> byLevels = new java.util.HashMap<>();
        for (String stream : pub.subscribedStreams()) {
            if (!stream.startsWith(prefix)) {
                continue;
            }
            java.util.regex.Matcher m = PARTIAL_DEPTH.matcher(stream.substring(prefix.length()));
            if (m.matches()) {
                int levels = Integer.parseInt(m.group(1));
                pub.publishTo(stream, byLevels.computeIfAbsent(levels, n -> venue.futures(f -> FuturesJson.partialDepth(f, top, n))));
            }
        }
    }

    @Override
    public void onKline(Instrument inst, KlineInterval interval, Bar bar, boolean closed, long eventTime) {
        if (interval != KlineInterval.fromWire("1s")) {
            market.publishTo(inst.symbol.toLowerCase(Locale.ROOT) + "@kline_" + interval.wire(), StreamJson.kline(inst, interval, bar, closed, eventTime));
        }
    }

    public void dropAll() {
        market.dropAll();
        pub.dropAll();
        priv.dropAll();
    }

    public void pingAll() {
        market.pingAll();
        pub.pingAll();
        priv.pingAll();
    }
}
