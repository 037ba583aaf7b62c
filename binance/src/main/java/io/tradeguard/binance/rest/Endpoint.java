package io.tradeguard.binance.rest;

import java.util.Objects;

/**
 * One REST endpoint: method, path, request weight (binance-api.md §3.1), security type and whether a
 * failed call may be repeated. Order placement is {@link Retry#NEVER}: its doubt is resolved by a query.
 *
 * @param placesOrder counts against the ORDERS (unfilled order count) limits
 */
public record Endpoint(String method, String path, int weight, Security security, Retry retry, boolean placesOrder) {

    public enum Security {
        /** Public market data. */
        NONE,
        /** API key header, timestamp and signature (TRADE, USER_DATA). */
        SIGNED
    }

    public enum Retry {
        /** Safe to repeat (reads, cancels): transient failures are retried with backoff and jitter. */
        IDEMPOTENT,
        /** Never repeated blindly; only a -1021 answer (not processed) is retried once after a clock resync. */
        NEVER
    }

    public Endpoint {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(retry, "retry");
        if (weight < 0) {
            throw new IllegalArgumentException("weight must not be negative");
        }
    }

    public static Endpoint publicGet(String path, int weight) {
        return new Endpoint("GET", path, weight, Security.NONE, Retry.IDEMPOTENT, false);
    }

    public static Endpoint signedGet(String path, int weight) {
        return new Endpoint("GET", path, weight, Security.SIGNED, Retry.IDEMPOTENT, false);
    }

    public Endpoint withWeight(int newWeight) {
        return new Endpoint(method, path, newWeight, security, retry, placesOrder);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
