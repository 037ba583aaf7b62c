package io.tradeguard.sim.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import io.tradeguard.sim.api.Json;
import io.tradeguard.sim.api.StreamJson;
import io.tradeguard.sim.api.Venue;
import io.tradeguard.sim.engine.EngineEvent;
import io.tradeguard.sim.engine.EngineListener;
import io.tradeguard.sim.engine.Instrument;
import io.tradeguard.sim.feed.Bar;
import io.tradeguard.sim.feed.KlineInterval;
import io.tradeguard.sim.feed.MarketData;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Market streams (binance-api.md §9): raw /ws/&lt;stream&gt;, combined /stream?streams=a/b, live
 * SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS / SET_PROPERTY / GET_PROPERTY.
 */
public final class MarketStreams implements EngineListener, MarketData.KlineListener {
    private final Venue venue;
    private final String prefix;
    private final java.util.function.Predicate<String> streamNames;
    private final Map<WsContext, Sub> sessions = new ConcurrentHashMap<>();
    private volatile java.util.function.Predicate<String> listenKeys = k -> false;

    private static final class Sub {
        final Connection conn;
        final Set<String> streams = ConcurrentHashMap.newKeySet();
        volatile boolean combined;

        Sub(Connection conn, boolean combined) {
            this.conn = conn;
            this.combined = combined;
        }
    }

    public MarketStreams(Venue venue) {
        this(venue, "", null);
    }

    /**
     * Streams served under {@code prefix} (the futures routes /market, /public, /private) whose names
     * {@code streamNames} accepts; spot events are not routed to such an instance.
     */
    public MarketStreams(Venue venue, String prefix, java.util.function.Predicate<String> streamNames) {
        this.venue = venue;
        this.prefix = prefix;
        this.streamNames = streamNames;
    }

    public void register(Javalin app) {
        for (String path : List.of(prefix + "/ws", prefix + "/ws/{stream}", prefix + "/stream")) {
            boolean combined = path.endsWith("/stream");
            app.wsBeforeUpgrade(path, ctx -> hold(ctx, initial(combined, ctx.queryParam("streams"),
                    path.endsWith("{stream}") ? ctx.pathParam("stream") : null, ctx.queryParam("listenKey"))));
            app.ws(path, ws -> handlers(ws, combined));
        }
    }

    /**
     * A connection between its handshake and its first callback: Jetty answers 101 and only then calls onConnect, so
     * the client may see the socket open (and expect its streams live) before the session is registered. What is
     * published to its streams in that gap is held here and sent, in order, as the session registers.
     */
    private static final class Held {
        final Set<String> streams;
        final long since = System.nanoTime();
        final List<String[]> messages = new ArrayList<>();

        Held(Set<String> streams) {
            this.streams = streams;
        }
    }

    private static final String HELD = "tg-sim-held";
    private static final long HELD_MAX_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    private final Map<String, Held> held = new ConcurrentHashMap<>();
    /** Orders holding, publishing and registering: a held message is never lost nor sent after a newer one. */
    private final Object handover = new Object();

    private Set<String> initial(boolean combined, String streams, String pathStream, String listenKey) {
        List<String> initial = new ArrayList<>();
        if (combined) {
            if (streams != null) {
                initial.addAll(List.of(streams.split("/")));
            }
        } else if (pathStream != null) {
            initial.add(pathStream);
        } else if (streamNames != null && listenKey != null) {
            initial.addAll(List.of(listenKey.split(",")));
        }
        Set<String> valid = new java.util.LinkedHashSet<>();
        for (String s : initial) {
            if (valid(s)) {
                valid.add(s);
            }
        }
        return valid;
    }

    /** Before the 101 answer: from now on what is published to the connection's streams waits for it. */
    private void hold(io.javalin.http.Context ctx, Set<String> streams) {
        if (streams.isEmpty()) {
            return;
        }
        String id = java.util.UUID.randomUUID().toString();
        synchronized (handover) {
            long now = System.nanoTime();
            held.values().removeIf(h -> now - h.since > HELD_MAX_NANOS); // upgrades that never opened
            held.put(id, new Held(streams));
        }
        ctx.attribute(HELD, id);
    }

    private void handlers(io.javalin.websocket.WsConfig ws, boolean combined) {
        ws.onConnect(ctx -> {
            ctx.session.setIdleTimeout(java.time.Duration.ofHours(24));
            Sub sub = new Sub(new Connection(ctx, venue.now()), combined);
            String id = ctx.attribute(HELD);
            synchronized (handover) {
                Held waiting = id == null ? null : held.remove(id);
                sub.streams.addAll(waiting != null ? waiting.streams : initial(combined, ctx.queryParam("streams"),
                        ctx.pathParamMap().get("stream"), ctx.queryParam("listenKey")));
                if (waiting != null) {
                    for (String[] m : waiting.messages) {
                        sub.conn.send(frame(sub, m[0], m[1]));
                    }
                }
                sessions.put(ctx, sub);
            }
        });
        ws.onMessage(ctx -> {
            Sub sub = sessions.get(ctx);
            if (sub != null) {
                sub.conn.send(Json.write(control(sub, ctx.message())));
            }
        });
        ws.onClose(ctx -> sessions.remove(ctx));
        ws.onError(ctx -> sessions.remove(ctx));
    }

    /** With the legacy flow on, an active listen key is a stream of that account's events. */
    void acceptListenKeys(java.util.function.Predicate<String> active) {
        this.listenKeys = active;
    }

    /** Partial book depth (binance-api.md §9): the top 5, 10 or 20 levels, at 1000 ms or 100 ms. */
    private static final java.util.regex.Pattern PARTIAL_DEPTH = java.util.regex.Pattern.compile("depth(5|10|20)(@100ms|@1000ms)?");

    /** `<symbol>@trade|aggTrade|bookTicker|depth<5|10|20>[@100ms]|kline_<interval>` with a lower-case symbol we list. */
    private boolean valid(String stream) {
        if (streamNames != null) {
            return streamNames.test(stream);
        }
        if (listenKeys.test(stream)) {
            return true;
        }
        int at = stream.indexOf('@');
        if (at <= 0) {
            return false;
        }
        String symbol = stream.substring(0, at);
        if (!symbol.equals(symbol.toLowerCase(Locale.ROOT))) {
            return false;
        }
        String kind = stream.substring(at + 1);
        boolean known = kind.equals("trade") || kind.equals("aggTrade") || kind.equals("bookTicker")
                || PARTIAL_DEPTH.matcher(kind).matches()
                || (kind.startsWith("kline_") && KlineInterval.fromWire(kind.substring(6)) != null);
        return known && venue.locked(e -> e.instrument(symbol.toUpperCase(Locale.ROOT))) != null;
    }

    private static ObjectNode error(int code, String msg, JsonNode id) {
        ObjectNode n = Json.object();
        n.put("code", code);
        n.put("msg", msg);
        if (id != null) {
            n.set("id", id);
        }
        return n;
    }

    private ObjectNode control(Sub sub, String text) {
        JsonNode req;
        try {
            req = Json.MAPPER.readTree(text);
        } catch (Exception e) {
            return error(3, "Invalid JSON: expected value at line 1 column 1", null);
        }
        if (req == null || !req.isObject()) {
            return error(3, "Invalid JSON: expected value at line 1 column 1", null);
        }
        JsonNode id = req.get("id");
        if (id == null || !(id.isIntegralNumber() || id.isTextual() || id.isNull())) {
            return error(2, "Invalid request: request ID must be an unsigned integer", null);
        }
        JsonNode method = req.get("method");
        if (method == null) {
            return error(2, "Invalid request: missing field `method` at line 1 column " + text.length(), id);
        }
        JsonNode params = req.get("params");
        ObjectNode ok = Json.object();
        switch (method.asText()) {
            case "SUBSCRIBE", "UNSUBSCRIBE" -> {
                if (params == null || !params.isArray()) {
                    return error(2, "Invalid request: too many parameters", id);
                }
                for (JsonNode p : params) {
                    String s = p.asText();
                    if (method.asText().equals("SUBSCRIBE")) {
                        if (!valid(s)) {
                            return error(2, "Invalid request: invalid stream name " + s, id);
                        }
                        sub.streams.add(s);
                    } else {
                        sub.streams.remove(s);
                    }
                }
                ok.putNull("result");
            }
            case "LIST_SUBSCRIPTIONS" -> {
                ArrayNode arr = ok.putArray("result");
                sub.streams.stream().sorted().forEach(arr::add);
            }
            case "SET_PROPERTY" -> {
                if (params == null || params.size() != 2 || !"combined".equals(params.get(0).asText())) {
                    return error(0, "Unknown property", id);
                }
                if (!params.get(1).isBoolean()) {
                    return error(1, "Invalid value type: expected Boolean", id);
                }
                sub.combined = params.get(1).asBoolean();
                ok.putNull("result");
            }
            case "GET_PROPERTY" -> {
                if (params == null || params.size() != 1 || !"combined".equals(params.get(0).asText())) {
                    return error(0, "Unknown property", id);
                }
                ok.put("result", sub.combined);
            }
            default -> {
                return error(2, "Invalid request: unknown variant " + method.asText()
                        + ", expected one of `SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY` at line 1 column 28", id);
            }
        }
        ok.set("id", id);
        return ok;
    }

    /** Every stream some connection has subscribed to now. */
    java.util.Set<String> subscribedStreams() {
        java.util.Set<String> all = new java.util.HashSet<>();
        for (Sub sub : sessions.values()) {
            all.addAll(sub.streams);
        }
        return all;
    }

    public void publishTo(String stream, ObjectNode payload) {
        publish(stream, payload);
    }

    private void publish(String stream, ObjectNode payload) {
        if (!held.isEmpty()) {
            synchronized (handover) {
                String json = null;
                for (Held h : held.values()) {
                    if (h.streams.contains(stream)) {
                        json = json != null ? json : Json.write(payload);
                        h.messages.add(new String[]{stream, json});
                    }
                }
                send(stream, payload);
            }
            return;
        }
        send(stream, payload);
    }

    /** A held payload as the connection frames it: raw, or wrapped as a combined-stream message. */
    private static String frame(Sub sub, String stream, String json) {
        return sub.combined ? "{\"stream\":" + Json.write(Json.MAPPER.getNodeFactory().textNode(stream)) + ",\"data\":" + json + "}" : json;
    }

    private void send(String stream, ObjectNode payload) {
        String raw = null;
        String wrapped = null;
        for (Sub sub : sessions.values()) {
            if (!sub.streams.contains(stream)) {
                continue;
            }
            if (sub.combined) {
                if (wrapped == null) {
                    ObjectNode w = Json.object();
                    w.put("stream", stream);
                    w.set("data", payload);
                    wrapped = Json.write(w);
                }
                sub.conn.send(wrapped);
            } else {
                if (raw == null) {
                    raw = Json.write(payload);
                }
                sub.conn.send(raw);
            }
        }
    }

    private boolean anyone() {
        return !sessions.isEmpty();
    }

    @Override
    public void on(EngineEvent event) {
        if (!anyone()) {
            return;
        }
        long now = venue.now();
        switch (event) {
            case EngineEvent.PublicTrade t -> {
                String base = t.inst().symbol.toLowerCase(Locale.ROOT);
                publish(base + "@trade", StreamJson.trade(t, now));
                publish(base + "@aggTrade", StreamJson.aggTrade(t, now));
            }
            case EngineEvent.TopOfBook top -> {
                publish(top.inst().symbol.toLowerCase(Locale.ROOT) + "@bookTicker", StreamJson.bookTicker(top));
                publishDepth(top.inst());
            }
            case EngineEvent.OrderUpdate u -> { }
            case EngineEvent.AccountPosition p -> { }
            case EngineEvent.BalanceChange c -> { }
            case EngineEvent.ListUpdate l -> { }
        }
    }

    /**
     * The partial depth streams of a symbol, sent when its book changed (Binance sends them on a fixed beat; a
     * book that did not change sends nothing new here), each the merged book's top levels as GET /api/v3/depth
     * shows them.
     */
    private void publishDepth(Instrument inst) {
        String prefix = inst.symbol.toLowerCase(Locale.ROOT) + "@";
        Set<String> wanted = new java.util.TreeSet<>();
        for (Sub sub : sessions.values()) {
            for (String stream : sub.streams) {
                if (stream.startsWith(prefix) && PARTIAL_DEPTH.matcher(stream.substring(prefix.length())).matches()) {
                    wanted.add(stream);
                }
            }
        }
        Map<Integer, ObjectNode> byLevels = new java.util.HashMap<>();
        for (String stream : wanted) {
            java.util.regex.Matcher m = PARTIAL_DEPTH.matcher(stream.substring(prefix.length()));
            if (!m.matches()) {
                continue;
            }
            int levels = Integer.parseInt(m.group(1));
            ObjectNode payload = byLevels.computeIfAbsent(levels,
                    n -> StreamJson.partialDepth(inst, venue.locked(e -> e.queries().depth(inst.symbol, n))));
            publish(stream, payload);
        }
    }

    @Override
    public void onKline(Instrument inst, KlineInterval interval, Bar bar, boolean closed, long eventTime) {
        if (anyone()) {
            publish(inst.symbol.toLowerCase(Locale.ROOT) + "@kline_" + interval.wire(), StreamJson.kline(inst, interval, bar, closed, eventTime));
        }
    }

    public void dropAll() {
        for (Sub s : List.copyOf(sessions.values())) {
            s.conn.drop();
        }
    }

    public void pingAll() {
        sessions.values().forEach(s -> s.conn.ping());
    }
}
