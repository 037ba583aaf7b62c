package io.tradeguard.sim.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import io.tradeguard.sim.api.ApiError;
import io.tradeguard.sim.api.Credential;
import io.tradeguard.sim.api.Json;
import io.tradeguard.sim.api.Params;
import io.tradeguard.sim.api.RateLimiter;
import io.tradeguard.sim.api.Venue;
import io.tradeguard.sim.engine.Account;
import io.tradeguard.sim.engine.EngineEvent;
import io.tradeguard.sim.engine.EngineListener;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The WebSocket API at /ws-api/v3, as far as user data needs it (binance-api.md §5.2): session logon,
 * user data subscriptions and their events wrapped with the subscription id.
 */
public final class WsApi implements EngineListener {
    private static final int MAX_ACTIVE = 1000;
    private static final int MAX_LIFETIME = 65_535;

    private final Venue venue;
    private final RateLimiter limiter;
    private final Map<WsContext, Session> sessions = new ConcurrentHashMap<>();
    private final Map<Long, List<Subscription>> byAccount = new ConcurrentHashMap<>();
    private final AtomicLong executionIds = new AtomicLong(1);

    /** Per-connection state. */
    private static final class Session {
        final Connection conn;
        final boolean returnRateLimits;
        final String ip;
        String logonKey;
        long authorizedSince;
        int nextSubscriptionId;
        final Map<Integer, Subscription> subscriptions = new LinkedHashMap<>();

        Session(Connection conn, boolean returnRateLimits, String ip) {
            this.conn = conn;
            this.returnRateLimits = returnRateLimits;
            this.ip = ip;
        }
    }

    private record Subscription(Session session, int id, long accountId, boolean viaLogon) {
    }

    public WsApi(Venue venue, RateLimiter limiter) {
        this.venue = venue;
        this.limiter = limiter;
    }

    public void register(Javalin app) {
        app.ws("/ws-api/v3", ws -> {
            ws.onConnect(ctx -> {
                ctx.session.setIdleTimeout(java.time.Duration.ofHours(24));
                boolean rl = !"false".equals(ctx.queryParam("returnRateLimits"));
                Session s = new Session(new Connection(ctx, venue.now()), rl, ip(ctx));
                sessions.put(ctx, s);
                try {
                    limiter.charge(s.ip, 2, venue.now());
                } catch (ApiError e) {
                    ctx.closeSession(1008, "Too many requests");
                }
            });
            ws.onMessage(ctx -> {
                Session s = sessions.get(ctx);
                if (s != null) {
                    s.conn.send(Json.write(handle(s, ctx.message())));
                }
            });
            ws.onClose(ctx -> closed(ctx));
            ws.onError(ctx -> closed(ctx));
        });
    }

    private static String ip(WsContext ctx) {
        java.net.SocketAddress a = ctx.session.getRemoteAddress();
        return a instanceof java.net.InetSocketAddress i ? i.getAddress().getHostAddress() : String.valueOf(a);
    }

    private void closed(WsContext ctx) {
        Session s = sessions.remove(ctx);
        if (s != null) {
            synchronized (s) {
                for (Subscription sub : s.subscriptions.values()) {
                    forget(sub);
                }
                s.subscriptions.clear();
            }
        }
    }

    private void forget(Subscription sub) {
        List<Subscription> subs = byAccount.get(sub.accountId());
        if (subs != null) {
            subs.remove(sub);
        }
    }

    private ObjectNode handle(Session s, String text) {
        JsonNode id = null;
        try {
            JsonNode req;
            try {
                req = Json.MAPPER.readTree(text);
            } catch (Exception e) {
                throw new ApiError(400, -1135, "Invalid JSON Request");
            }
            if (req == null || !req.isObject()) {
                throw new ApiError(400, -1135, "Invalid JSON Request");
            }
            id = req.get("id");
            JsonNode method = req.get("method");
            if (method == null || !method.isTextual()) {
                throw ApiError.mandatory("method");
            }
            Map<String, String> params = new LinkedHashMap<>();
            JsonNode p = req.get("params");
            if (p != null && p.isObject()) {
                p.fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
            }
            limiter.charge(s.ip, method.asText().equals("ping") ? 1 : 2, venue.now());
            JsonNode result = dispatch(s, method.asText(), Params.ofMap(params));
            ObjectNode out = Json.object();
            out.set("id", id);
            out.put("status", 200);
            out.set("result", result);
            return withLimits(s, out);
        } catch (ApiError e) {
            ObjectNode out = Json.object();
            out.set("id", id);
            out.put("status", e.status());
            out.set("error", Json.error(e.code(), e.msg()));
            return withLimits(s, out);
        }
    }

    private ObjectNode withLimits(Session s, ObjectNode out) {
        if (s.returnRateLimits) {
            ArrayNode arr = out.putArray("rateLimits");
            ObjectNode w = arr.addObject();
            w.put("rateLimitType", "REQUEST_WEIGHT");
            w.put("interval", "MINUTE");
            w.put("intervalNum", 1);
            w.put("limit", limiter.limits().weightPerMinute());
            w.put("count", limiter.used(s.ip, venue.now()));
        }
        return out;
    }

    private JsonNode dispatch(Session s, String method, Params p) {
        return switch (method) {
            case "ping" -> {
                p.requireAllRead();
                yield Json.object();
            }
            case "time" -> {
                p.requireAllRead();
                ObjectNode n = Json.object();
                n.put("serverTime", venue.now());
                yield n;
            }
            case "session.logon" -> logon(s, p);
            case "session.status" -> {
                p.requireAllRead();
                yield status(s);
            }
            case "session.logout" -> {
                p.requireAllRead();
                logout(s);
                yield status(s);
            }
            case "session.subscriptions" -> {
                p.requireAllRead();
                ArrayNode arr = Json.array();
                synchronized (s) {
                    s.subscriptions.keySet().forEach(i -> arr.addObject().put("subscriptionId", i));
                }
                yield arr;
            }
            case "userDataStream.subscribe" -> {
                p.requireAllRead();
                if (s.logonKey == null) {
                    throw new ApiError(401, -1002, "You are not authorized to execute this request.");
                }
                yield subscribe(s, venue.account(s.logonKey), true);
            }
            case "userDataStream.subscribe.signature" -> subscribe(s, verify(p), false);
            case "userDataStream.unsubscribe" -> unsubscribe(s, p);
            default -> throw new ApiError(400, -1020, "This operation is not supported.");
        };
    }

    /** apiKey + timestamp + signature over the sorted params (§2.3); returns the account. */
    private Account verify(Params p) {
        String apiKey = p.required("apiKey");
        Credential credential = venue.credential(apiKey);
        if (!Venue.wellFormedKey(apiKey)) {
            throw new ApiError(401, -2014, "API-key format invalid.");
        }
        if (credential == null) {
            throw new ApiError(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        if (p.signature() == null || p.signature().isEmpty()) {
            throw ApiError.mandatory("signature");
        }
        long timestamp = p.longValue("timestamp", true);
        BigDecimal recvWindow = io.tradeguard.sim.api.Http.recvWindowOf(p, venue.config().recvWindowMaxMillis());
        p.requireAllRead();
        if (!credential.verify(p.signedPayload(), p.signature())) {
            throw new ApiError(400, -1022, "Signature for this request is not valid.");
        }
        io.tradeguard.sim.api.Http.timestampWithin(timestamp, recvWindow, venue.now());
        return venue.account(apiKey);
    }

    private JsonNode logon(Session s, Params p) {
        String apiKey = p.has("apiKey") ? p.optional("apiKey") : null;
        if (apiKey != null && !(venue.credential(apiKey) instanceof Credential.Ed25519) && venue.credential(apiKey) != null) {
            throw new ApiError(401, -1002, "You are not authorized to execute this request.");
        }
        Account a = verify(p);
        s.logonKey = a.apiKey;
        s.authorizedSince = venue.now();
        return status(s);
    }

    private ObjectNode status(Session s) {
        ObjectNode n = Json.object();
        if (s.logonKey == null) {
            n.putNull("apiKey");
            n.putNull("authorizedSince");
        } else {
            n.put("apiKey", s.logonKey);
            n.put("authorizedSince", s.authorizedSince);
        }
        n.put("connectedSince", s.conn.connectedSince);
        n.put("returnRateLimits", s.returnRateLimits);
        n.put("serverTime", venue.now());
        synchronized (s) {
            n.put("userDataStream", !s.subscriptions.isEmpty());
        }
        return n;
    }

    private JsonNode subscribe(Session s, Account a, boolean viaLogon) {
        synchronized (s) {
            if (s.subscriptions.values().stream().anyMatch(sub -> sub.accountId() == a.id)) {
                throw new ApiError(400, -2035, "User Data Stream subscription already active.");
            }
            if (s.subscriptions.size() >= MAX_ACTIVE || s.nextSubscriptionId >= MAX_LIFETIME) {
                throw new ApiError(400, -2042, "Maximum subscription ID reached for this connection.");
            }
            Subscription sub = new Subscription(s, s.nextSubscriptionId++, a.id, viaLogon);
            s.subscriptions.put(sub.id(), sub);
            byAccount.computeIfAbsent(a.id, k -> new CopyOnWriteArrayList<>()).add(sub);
            ObjectNode n = Json.object();
            n.put("subscriptionId", sub.id());
            return n;
        }
    }

    private JsonNode unsubscribe(Session s, Params p) {
        Long id = p.longValue("subscriptionId", false);
        p.requireAllRead();
        synchronized (s) {
            if (id != null && !s.subscriptions.containsKey(id.intValue())) {
                throw new ApiError(400, -2036, "User Data Stream subscription not active.");
            }
            Iterator<Subscription> it = s.subscriptions.values().iterator();
            while (it.hasNext()) {
                Subscription sub = it.next();
                if (id == null || sub.id() == id) {
                    it.remove();
                    end(sub);
                }
            }
        }
        return Json.object();
    }

    /** session.logout ends the subscription made through logon, not the signature ones. */
    private void logout(Session s) {
        synchronized (s) {
            s.logonKey = null;
            Iterator<Subscription> it = s.subscriptions.values().iterator();
            while (it.hasNext()) {
                Subscription sub = it.next();
                if (sub.viaLogon()) {
                    it.remove();
                    end(sub);
                }
            }
        }
    }

    private void end(Subscription sub) {
        forget(sub);
        sub.session().conn.send(Json.write(UserDataJson.wrap(sub.id(), UserDataJson.terminated(venue.now()))));
    }

    /** Fault drop_streams: every WebSocket API connection is cut. */
    public void dropAll() {
        for (Session s : List.copyOf(sessions.values())) {
            s.conn.drop();
        }
    }

    public void pingAll() {
        sessions.values().forEach(s -> s.conn.ping());
    }

    @Override
    public void on(EngineEvent event) {
        long accountId;
        ObjectNode payload;
        long now = venue.now();
        switch (event) {
            case EngineEvent.OrderUpdate u -> {
                accountId = u.accountId();
                payload = UserDataJson.executionReport(u, executionIds.getAndIncrement());
            }
            case EngineEvent.AccountPosition p -> {
                accountId = p.accountId();
                payload = UserDataJson.accountPosition(p, now);
            }
            case EngineEvent.BalanceChange c -> {
                accountId = c.accountId();
                payload = UserDataJson.balanceUpdate(c, now);
            }
            case EngineEvent.ListUpdate l -> {
                accountId = l.accountId();
                payload = UserDataJson.listStatus(l);
            }
            case EngineEvent.PublicTrade t -> {
                return;
            }
            case EngineEvent.TopOfBook t -> {
                return;
            }
        }
        List<Subscription> subs = byAccount.get(accountId);
        if (subs == null) {
            return;
        }
        for (Subscription sub : subs) {
            sub.session().conn.send(Json.write(UserDataJson.wrap(sub.id(), payload)));
        }
    }
}
