package io.tradeguard.binance.futures;

import io.tradeguard.binance.rest.BinanceErrors;
import io.tradeguard.binance.rest.Json;
import io.tradeguard.binance.stream.StreamProtocol;
import io.tradeguard.core.venue.FuturesAccountEvent;
import io.tradeguard.core.venue.VenueEvent;
import io.tradeguard.core.venue.VenueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The futures user-data stream (binance-api.md §6.7): a listen key from {@code POST /fapi/v1/listenKey},
 * the routed {@code /private/ws/<listenKey>} path, a {@code PUT} keep-alive (every 30 minutes by default;
 * the key lives 60). A -1125 on keep-alive or a {@code listenKeyExpired} event drops the key; the
 * reconnect that follows creates a new one. The key is never logged.
 */
final class FuturesUserDataProtocol implements StreamProtocol {
    private static final Logger log = LoggerFactory.getLogger(FuturesUserDataProtocol.class);

    private final BinanceFuturesRest rest;
    private final URI streams;
    private final Duration keepAliveEvery;
    private final Consumer<VenueEvent> events;
    private final Consumer<FuturesAccountEvent> futuresEvents;
    private volatile String listenKey;

    FuturesUserDataProtocol(BinanceFuturesRest rest, URI streams, Duration keepAliveEvery, Consumer<VenueEvent> events,
                            Consumer<FuturesAccountEvent> futuresEvents) {
        this.rest = rest;
        this.streams = streams;
        this.keepAliveEvery = keepAliveEvery;
        this.events = events;
        this.futuresEvents = futuresEvents;
    }

    @Override
    public String name() {
        return "futures-user-data";
    }

    /** Creates the key when there is none (POST also returns and extends a key that is still alive). */
    @Override
    public URI connectUri() throws VenueException {
        String key = listenKey;
        if (key == null) {
            key = rest.createListenKey().path("listenKey").asText("");
            if (key.isEmpty()) {
                throw new VenueException(BinanceErrors.unreadable(200, "listenKey answer without a key"));
            }
            listenKey = key;
            log.info("futures listen key created");
        }
        return URI.create(streams.toString().replaceAll("/+$", "") + "/private/ws/" + key);
    }

    /** A listen-key stream has nothing to subscribe: connected is live. */
    @Override
    public void onOpen(Link link) {
        link.ready();
    }

    @Override
    public Optional<String> onText(String text, Instant receivedAt, Link link) {
        FuturesUserEvents.Parsed parsed = FuturesUserEvents.parse(Json.parse(text), receivedAt);
        parsed.venue().forEach(events);
        parsed.futures().forEach(futuresEvents);
        if (parsed.listenKeyExpired()) {
            listenKey = null;
            return Optional.of("listen key expired (listenKeyExpired)");
        }
        return Optional.empty();
    }

    @Override
    public Optional<Duration> keepAliveEvery() {
        return Optional.of(keepAliveEvery);
    }

    @Override
    public void keepAlive() throws VenueException {
        try {
            rest.keepAliveListenKey();
            log.debug("futures listen key kept alive");
        } catch (VenueException e) {
            if (e.error().code() == BinanceErrors.LISTEN_KEY_NOT_FOUND) {
                listenKey = null; // the reconnect creates a new key
            }
            throw e;
        }
    }

    /** True while a key is held (for tests and status). */
    boolean hasListenKey() {
        return listenKey != null;
    }

    void closeListenKey() {
        if (listenKey == null) {
            return;
        }
        try {
            rest.closeListenKey();
        } catch (VenueException e) {
            log.debug("closing the listen key failed: {}", e.error());
        }
        listenKey = null;
    }
}
