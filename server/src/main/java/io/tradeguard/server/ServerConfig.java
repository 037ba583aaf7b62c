package io.tradeguard.server;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the HTTP service.
 *
 * @param host                 address to bind; loopback by default
 * @param port                 0 picks a free port
 * @param maxBodyBytes         larger request bodies answer 413
 * @param requireConfirmation  {@code trading.require-confirmation}: every manual order needs a preview token
 * @param accessTokenTtl       life of an access token
 * @param refreshTokenTtl      life of a refresh token
 * @param confirmationTtl      life of a confirmation token
 * @param loginAttemptsPerUser per {@code loginWindow}
 * @param loginAttemptsPerAddress per {@code loginWindow}
 * @param feedQueueCapacity    events a WebSocket client may have unread before it is dropped
 */
public record ServerConfig(String host, int port, int maxBodyBytes, boolean requireConfirmation,
                           Duration accessTokenTtl, Duration refreshTokenTtl, Duration confirmationTtl,
                           int loginAttemptsPerUser, int loginAttemptsPerAddress, Duration loginWindow,
                           int feedQueueCapacity) {

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024");
        }
        requirePositive(accessTokenTtl, "accessTokenTtl");
        requirePositive(refreshTokenTtl, "refreshTokenTtl");
        requirePositive(confirmationTtl, "confirmationTtl");
        requirePositive(loginWindow, "loginWindow");
        if (refreshTokenTtl.compareTo(accessTokenTtl) < 0) {
            throw new IllegalArgumentException("a refresh token must live at least as long as an access token");
        }
        if (loginAttemptsPerUser < 1 || loginAttemptsPerAddress < 1 || feedQueueCapacity < 1) {
            throw new IllegalArgumentException("login limits and the feed queue capacity must be positive");
        }
    }

    /** Loopback:8080, 64 KiB bodies, 15-min access and 12-h refresh tokens, 60-s confirmations. */
    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 8080, 64 * 1024, false, Duration.ofMinutes(15), Duration.ofHours(12),
                Duration.ofSeconds(60), 5, 20, Duration.ofMinutes(1), 1024);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, maxBodyBytes, requireConfirmation, accessTokenTtl, refreshTokenTtl,
                confirmationTtl, loginAttemptsPerUser, loginAttemptsPerAddress, loginWindow, feedQueueCapacity);
    }

    public ServerConfig withRequireConfirmation(boolean required) {
        return new ServerConfig(host, port, maxBodyBytes, required, accessTokenTtl, refreshTokenTtl,
                confirmationTtl, loginAttemptsPerUser, loginAttemptsPerAddress, loginWindow, feedQueueCapacity);
    }

    public ServerConfig withFeedQueueCapacity(int capacity) {
        return new ServerConfig(host, port, maxBodyBytes, requireConfirmation, accessTokenTtl, refreshTokenTtl,
                confirmationTtl, loginAttemptsPerUser, loginAttemptsPerAddress, loginWindow, capacity);
    }

    public ServerConfig withLoginLimits(int perUser, int perAddress) {
        return new ServerConfig(host, port, maxBodyBytes, requireConfirmation, accessTokenTtl, refreshTokenTtl,
                confirmationTtl, perUser, perAddress, loginWindow, feedQueueCapacity);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
