package io.tradeguard.binance.spot;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.binance.auth.ApiCredentials;
import io.tradeguard.binance.auth.WsApiPayload;
import io.tradeguard.binance.rest.BinanceErrors;
import io.tradeguard.binance.rest.Json;
import io.tradeguard.binance.rest.ServerClock;
import io.tradeguard.binance.stream.StreamProtocol;
import io.tradeguard.core.venue.VenueError;
import io.tradeguard.core.venue.VenueEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The spot user-data stream as Binance serves it since listen keys were retired (binance-api.md §5.2):
 * on the WebSocket API, {@code userDataStream.subscribe.signature} signed like any WS-API request; events
 * arrive wrapped as {@code {"subscriptionId", "event"}}; {@code eventStreamTerminated} ends the
 * subscription, and the socket then reconnects and subscribes again.
 */
final class SpotUserDataProtocol implements StreamProtocol {
    private static final Logger log = LoggerFactory.getLogger(SpotUserDataProtocol.class);

    private final URI wsApi;
    private final ApiCredentials credentials;
    private final ServerClock clock;
    private final Consumer<VenueEvent> listener;
    private final TimeSync timeSync;
    private final AtomicLong ids = new AtomicLong();
    private volatile String pendingSubscribeId;
    private volatile long subscriptionId = -1;
    private volatile Link link;

    SpotUserDataProtocol(URI wsApi, ApiCredentials credentials, ServerClock clock,
                         Consumer<VenueEvent> listener, TimeSync timeSync) {
        this.wsApi = wsApi;
        this.credentials = credentials;
        this.clock = clock;
        this.listener = listener;
        this.timeSync = timeSync;
    }

    /** Resynchronises the shared server clock (over REST). */
    @FunctionalInterface
    interface TimeSync {
        void sync() throws Exception;
    }

    @Override
    public String name() {
        return "spot-user-data";
    }

    @Override
    public URI connectUri() {
        return wsApi;
    }

    @Override
    public void onOpen(Link link) throws Exception {
        if (clock.isStale()) {
            timeSync.sync();
        }
        String id = "sub-" + ids.incrementAndGet();
        Map<String, String> params = new LinkedHashMap<>();
        // exactly the documented params (binance-api.md §5.2): apiKey, timestamp, signature
        params.put("apiKey", credentials.apiKey());
        params.put("timestamp", Long.toString(clock.nowMillis()));
        params.put("signature", credentials.signer().sign(WsApiPayload.of(params)));
        pendingSubscribeId = id;
        subscriptionId = -1;
        this.link = link;
        link.send(Json.write(Map.of("id", id, "method", "userDataStream.subscribe.signature", "params", params)));
    }

    @Override
    public Optional<String> onText(String text, Instant receivedAt, Link link) {
        JsonNode message = Json.parse(text);
        if (message.has("id") && message.has("status")) {
            return response(message, link);
        }
        JsonNode event = message.has("event") ? message.get("event") : message;
        if (message.has("subscriptionId") && subscriptionId >= 0 && message.get("subscriptionId").asLong() != subscriptionId) {
            log.debug("event of another subscription ({}) ignored", message.get("subscriptionId").asLong());
            return Optional.empty();
        }
        if ("eventStreamTerminated".equals(event.path("e").asText())) {
            return Optional.of("the venue ended the user-data subscription (eventStreamTerminated)");
        }
        SpotUserEvents.parse(event, receivedAt).ifPresent(listener);
        return Optional.empty();
    }

    /**
     * Ends the subscription at the venue while the connection stays open; the venue answers with
     * {@code eventStreamTerminated}, and the stream subscribes again like after any other end.
     */
    void unsubscribeAtVenue() {
        Link current = link;
        long id = subscriptionId;
        if (current == null || id < 0) {
            throw new IllegalStateException("no active user-data subscription");
        }
        current.send(Json.write(Map.of("id", "unsub-" + ids.incrementAndGet(), "method", "userDataStream.unsubscribe",
                "params", Map.of("subscriptionId", id))));
    }

    private Optional<String> response(JsonNode message, Link link) {
        String id = message.get("id").asText();
        if (!id.equals(pendingSubscribeId)) {
            return Optional.empty();
        }
        int status = message.get("status").asInt();
        if (status == 200) {
            subscriptionId = message.path("result").path("subscriptionId").asLong(0);
            link.ready();
            return Optional.empty();
        }
        JsonNode error = message.path("error");
        VenueError venueError = BinanceErrors.classify(status, error.path("code").asInt(0), error.path("msg").asText(""), null);
        if (venueError.kind() == VenueError.Kind.TIMESTAMP) {
            clock.markStale(); // the reconnect resyncs before it signs again
        }
        return Optional.of("subscription refused: " + venueError);
    }
}
