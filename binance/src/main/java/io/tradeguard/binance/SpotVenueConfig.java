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
 * Everything the spot venue needs. {@link #of} gives production defaults; the {@code with…} methods
 * change one setting each.
 *
 * @param events        venue-level events (CallsSuspended); user-data listeners receive them too
 * @param observer      sees every request as sent (tests, audits); never logged
 * @param queryCacheTtl how long an order query answer is reused (invalidated by the order's stream events)
 * @param balanceCacheTtl how long balances are reused (invalidated by balance stream events)
 * @param instrumentsTtl how long exchangeInfo is reused
 * @param rateHeadroom   fraction of a rate limit the client allows itself before it waits
 * @param maxThrottleWait the longest the client waits for rate room before refusing the call
 */
public record SpotVenueConfig(BinanceEndpoints endpoints, ApiCredentials credentials, RestTransport.Settings rest,
                              ReconnectingSocket.Settings streams, Duration clockSyncEvery, Duration queryCacheTtl,
                              Duration balanceCacheTtl, Duration instrumentsTtl, double rateHeadroom,
                              Duration maxThrottleWait, InstantSource clock, Consumer<VenueEvent> events,
                              Consumer<SentRequest> observer) {

    public SpotVenueConfig {
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(rest, "rest");
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(clockSyncEvery, "clockSyncEvery");
        Objects.requireNonNull(queryCacheTtl, "queryCacheTtl");
        Objects.requireNonNull(balanceCacheTtl, "balanceCacheTtl");
        Objects.requireNonNull(instrumentsTtl, "instrumentsTtl");
        Objects.requireNonNull(maxThrottleWait, "maxThrottleWait");
        Objects.requireNonNull(clock, "clock");
        if (!(rateHeadroom > 0 && rateHeadroom <= 1)) {
            throw new IllegalArgumentException("rateHeadroom is the fraction of a rate limit the client may use, in (0, 1]");
        }
        events = events == null ? e -> { } : events;
        observer = observer == null ? r -> { } : observer;
    }

    public static SpotVenueConfig of(BinanceEndpoints endpoints, ApiCredentials credentials) {
        return new SpotVenueConfig(endpoints, credentials, RestTransport.Settings.defaults(),
                ReconnectingSocket.Settings.defaults(), Duration.ofMinutes(5), Duration.ofMillis(500),
                Duration.ofSeconds(2), Duration.ofHours(1), 0.9, Duration.ofSeconds(61), InstantSource.system(), null, null);
    }

    public SpotVenueConfig withRest(RestTransport.Settings value) {
        return new SpotVenueConfig(endpoints, credentials, value, streams, clockSyncEvery, queryCacheTtl, balanceCacheTtl,
                instrumentsTtl, rateHeadroom, maxThrottleWait, clock, events, observer);
    }

    public SpotVenueConfig withStreams(ReconnectingSocket.Settings value) {
        return new SpotVenueConfig(endpoints, credentials, rest, value, clockSyncEvery, queryCacheTtl, balanceCacheTtl,
                instrumentsTtl, rateHeadroom, maxThrottleWait, clock, events, observer);
    }

    public SpotVenueConfig withCredentials(ApiCredentials value) {
        return new SpotVenueConfig(endpoints, value, rest, streams, clockSyncEvery, queryCacheTtl, balanceCacheTtl,
                instrumentsTtl, rateHeadroom, maxThrottleWait, clock, events, observer);
    }

    public SpotVenueConfig withEvents(Consumer<VenueEvent> value) {
        return new SpotVenueConfig(endpoints, credentials, rest, streams, clockSyncEvery, queryCacheTtl, balanceCacheTtl,
                instrumentsTtl, rateHeadroom, maxThrottleWait, clock, value, observer);
    }

    public SpotVenueConfig withObserver(Consumer<SentRequest> value) {
        return new SpotVenueConfig(endpoints, credentials, rest, streams, clockSyncEvery, queryCacheTtl, balanceCacheTtl,
                instrumentsTtl, rateHeadroom, maxThrottleWait, clock, events, value);
    }

    public SpotVenueConfig withMaxThrottleWait(Duration value) {
        return new SpotVenueConfig(endpoints, credentials, rest, streams, clockSyncEvery, queryCacheTtl, balanceCacheTtl,
                instrumentsTtl, rateHeadroom, value, clock, events, observer);
    }

    public SpotVenueConfig withCaches(Duration query, Duration balances) {
        return new SpotVenueConfig(endpoints, credentials, rest, streams, clockSyncEvery, query, balances,
                instrumentsTtl, rateHeadroom, maxThrottleWait, clock, events, observer);
    }
}
