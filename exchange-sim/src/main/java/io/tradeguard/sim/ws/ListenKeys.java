package io.tradeguard.sim.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.tradeguard.sim.api.ApiError;
import io.tradeguard.sim.api.Http;
import io.tradeguard.sim.api.Json;
import io.tradeguard.sim.api.Venue;
import io.tradeguard.sim.engine.EngineEvent;
import io.tradeguard.sim.engine.EngineListener;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The legacy listen-key user data flow (binance-api.md §5.1), removed from Binance in 2026 and offered
 * only when {@code SimConfig.legacyListenKey()} is on: POST/PUT/DELETE /api/v3/userDataStream with the
 * API key alone, raw events on /ws/&lt;listenKey&gt;, 60 minutes of life after the last keep-alive.
 */
public final class ListenKeys implements EngineListener {
    private static final long LIFETIME_MILLIS = 60 * 60_000L;

    private final Venue venue;
    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private final AtomicLong executionIds = new AtomicLong(1);
    private MarketStreams streams;

    private static final class Key {
        final long accountId;
        volatile long expiresAt;

        Key(long accountId, long expiresAt) {
            this.accountId = accountId;
            this.expiresAt = expiresAt;
        }
    }

    public ListenKeys(Venue venue) {
        this.venue = venue;
    }

    public void register(Javalin app, Http http, MarketStreams marketStreams) {
        this.streams = marketStreams;
        marketStreams.acceptListenKeys(this::isActive);
        app.post("/api/v3/userDataStream", http.apiKeyEndpoint(p -> 2, this::create));
        app.put("/api/v3/userDataStream", http.apiKeyEndpoint(p -> 2, c -> keepAlive(c, false)));
        app.delete("/api/v3/userDataStream", http.apiKeyEndpoint(p -> 2, c -> keepAlive(c, true)));
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
            if (e.getValue().accountId == accountId) {
                e.getValue().expiresAt = expires;
                key = e.getKey();
            }
        }
        if (key == null) {
            key = venue.randomKey(60);
            keys.put(key, new Key(accountId, expires));
        }
        ObjectNode n = Json.object();
        n.put("listenKey", key);
        return n;
    }

    private JsonNode keepAlive(Http.Call call, boolean close) {
        String key = call.params.required("listenKey");
        call.params.requireAllRead();
        Key k = keys.get(key);
        if (k == null || k.accountId != call.account().id || k.expiresAt <= venue.now()) {
            throw new ApiError(400, -1125, "This listenKey does not exist.");
        }
        if (close) {
            keys.remove(key);
        } else {
            k.expiresAt = venue.now() + LIFETIME_MILLIS;
        }
        return Json.object();
    }

    /** Called every second: an expired key gets listenKeyExpired and then nothing more. */
    public void expire() {
        long now = venue.now();
        for (Map.Entry<String, Key> e : List.copyOf(keys.entrySet())) {
            if (e.getValue().expiresAt <= now && keys.remove(e.getKey(), e.getValue())) {
                ObjectNode n = Json.object();
                n.put("e", "listenKeyExpired");
                n.put("E", now);
                n.put("listenKey", e.getKey());
                streams.publishTo(e.getKey(), n);
            }
        }
    }

    @Override
    public void on(EngineEvent event) {
        if (keys.isEmpty()) {
            return;
        }
        long now = venue.now();
        long accountId;
        ObjectNode payload;
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
        keys.forEach((key, k) -> {
            if (k.accountId == accountId && k.expiresAt > now) {
                streams.publishTo(key, payload);
            }
        });
    }
}
