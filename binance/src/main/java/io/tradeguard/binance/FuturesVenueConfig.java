package io.tradeguard.binance;

import io.tradeguard.binance.auth.ApiCredentials;
import io.tradeguard.binance.rest.RestTransport;
import io.tradeguard.binance.rest.SentRequest;
import io.tradeguard.binance.stream.ReconnectingSocket;
import io.tradeguard.core.venue.VenueEvent;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything the USDⓈ-M futures venue needs. {@link #of} gives production defaults; the {@code with…}
 * methods change one setting each.
 *
 * @param listenKeyKeepAlive how often the listen key is extended (Binance: valid 60 min; 30 min is the safe default)
 * @param instrumentsTtl     how long exchangeInfo is reused
 * @param rateHeadroom       fraction of a rate limit the client allows itself before it waits
 * @param maxThrottleWait    the longest the client waits for rate room before refusing the call
 */
public record FuturesVenueConfig(BinanceEndpoints endpoints, ApiCredentials credentials, RestTransport.Settings rest,
                                 ReconnectingSocket.Settings streams, Duration clockSyncEvery, Duration instrumentsTtl,
                                 Duration listenKeyKeepAlive, double rateHeadroom, Duration maxThrottleWait,
                                 InstantSource clock, Consumer<VenueEvent> events, Consumer<SentRequest> observer) {

    public FuturesVenueConfig {
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(rest, "rest");
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(clockSyncEvery, "clockSyncEvery");
        Objects.requireNonNull(instrumentsTtl, "instrumentsTtl");
        Objects.requireNonNull(listenKeyKeepAlive, "listenKeyKeepAlive");
        Objects.requireNonNull(maxThrottleWait, "maxThrottleWait");
        Objects.requireNonNull(clock, "clock");
        if (listenKeyKeepAlive.isNegative() || listenKeyKeepAlive.isZero() || listenKeyKeepAlive.compareTo(Duration.ofMinutes(55)) > 0) {
            throw new IllegalArgumentException("listenKeyKeepAlive must be positive and well inside the key's 60 minutes");
        }
        if (!(rateHeadroom > 0 && rateHeadroom <= 1)) {
            throw new IllegalArgumentException("rateHeadroom is the fraction of a rate limit the client may use, in (0, 1]");
        }
        events = events == null ? e -> { } : events;
        observer = observer == null ? r -> { } : observer;
    }

    public static FuturesVenueConfig of(BinanceEndpoints endpoints, ApiCredentials credentials) {
        return new FuturesVenueConfig(endpoints, credentials, RestTransport.Settings.defaults(),
                ReconnectingSocket.Settings.defaults(), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofMinutes(30),
                0.9, Duration.ofSeconds(61), InstantSource.system(), null, null);
    }

    public FuturesVenueConfig withRest(RestTransport.Settings value) {
        return new FuturesVenueConfig(endpoints, credentials, value, streams, clockSyncEvery, instrumentsTtl,
                listenKeyKeepAlive, rateHeadroom, maxThrottleWait, clock, events, observer);
    }

    public FuturesVenueConfig withStreams(ReconnectingSocket.Settings value) {
        return new FuturesVenueConfig(endpoints, credentials, rest, value, clockSyncEvery, instrumentsTtl,
                listenKeyKeepAlive, rateHeadroom, maxThrottleWait, clock, events, observer);
    }

    public FuturesVenueConfig withListenKeyKeepAlive(Duration value) {
        return new FuturesVenueConfig(endpoints, credentials, rest, streams, clockSyncEvery, instrumentsTtl,
                value, rateHeadroom, maxThrottleWait, clock, events, observer);
    }

    public FuturesVenueConfig withMaxThrottleWait(Duration value) {
        return new FuturesVenueConfig(endpoints, credentials, rest, streams, clockSyncEvery, instrumentsTtl,
                listenKeyKeepAlive, rateHeadroom, value, clock, events, observer);
    }

    public FuturesVenueConfig withEvents(Consumer<VenueEvent> value) {
        return new FuturesVenueConfig(endpoints, credentials, rest, streams, clockSyncEvery, instrumentsTtl,
                listenKeyKeepAlive, rateHeadroom, maxThrottleWait, clock, value, observer);
    }

    public FuturesVenueConfig withObserver(Consumer<SentRequest> value) {
        return new FuturesVenueConfig(endpoints, credentials, rest, streams, clockSyncEvery, instrumentsTtl,
                listenKeyKeepAlive, rateHeadroom, maxThrottleWait, clock, events, value);
    }
}
