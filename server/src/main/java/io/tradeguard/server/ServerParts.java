package io.tradeguard.server;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tradeguard.server.api.EngineEvents;
import io.tradeguard.server.api.HealthCheck;
import io.tradeguard.server.api.MarketDataApi;
import io.tradeguard.server.api.ProtectionApi;
import io.tradeguard.server.api.SafetyApi;
import io.tradeguard.server.api.SignalApi;
import io.tradeguard.server.api.TradingApi;
import io.tradeguard.server.auth.SecretStore;
import io.tradeguard.server.auth.UserDirectory;

import java.time.InstantSource;
import java.util.List;
import java.util.Objects;

/**
 * What the server is built from; the app module supplies the engine side (the four APIs and the event
 * source, and the venue's market data), the user directory and secret store, the metrics registry and the clock.
 */
public record ServerParts(TradingApi trading, SafetyApi safety, ProtectionApi protection, SignalApi signals,
                          EngineEvents events, List<HealthCheck> health, UserDirectory users, SecretStore secrets,
                          PrometheusMeterRegistry metrics, InstantSource clock,
                          MarketDataApi market) {
    public ServerParts {
        Objects.requireNonNull(trading, "trading");
        Objects.requireNonNull(safety, "safety");
        Objects.requireNonNull(protection, "protection");
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(events, "events");
        health = List.copyOf(health);
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(market, "market");
    }

    /** Without a market-data source: {@code /api/market/…} answers 409 saying so. */
    public ServerParts(TradingApi trading, SafetyApi safety, ProtectionApi protection, SignalApi signals,
                       EngineEvents events, List<HealthCheck> health, UserDirectory users, SecretStore secrets,
                       PrometheusMeterRegistry metrics, InstantSource clock) {
        this(trading, safety, protection, signals, events, health, users, secrets, metrics, clock, MarketDataApi.none());
    }
}
