package io.tradeguard.core.venue;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure the venue or the path to it reported, classified once (in the adapter) so that the engine
 * never has to know a wire error code.
 *
 * @param code       the venue's error code (Binance `code`), or 0 when there is none (transport, HTTP only)
 * @param httpStatus the HTTP status, or 0 when no answer arrived
 * @param retryAfter how long to wait before the next call, when the venue said so
 */
public record VenueError(Kind kind, int code, int httpStatus, String message, Duration retryAfter) {

    public enum Kind {
        /** The venue refused this request for a business reason (filters, balance, unknown order). Do not retry as is. */
        REJECTED,
        /** Key, permission or signature problem: nothing will work until the configuration changes. */
        AUTH,
        /** Our timestamp was outside the venue's window; resync the clock, then a retry is safe. */
        TIMESTAMP,
        /** 429: too many requests; back off for retryAfter. */
        RATE_LIMITED,
        /** 418: the IP is banned until retryAfter has passed; make no calls. */
        BANNED,
        /** The venue failed (5xx) and says the request was not processed. */
        SERVER,
        /** No answer, or an answer that leaves the outcome unknown (timeout, 503 "unknown", -1007). */
        UNKNOWN_OUTCOME,
        /** Could not reach the venue at all (connect refused, DNS); nothing was sent. */
        UNREACHABLE
    }

    public VenueError {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        retryAfter = retryAfter == null ? Duration.ZERO : retryAfter;
    }

    /** Worth trying the same call again later (after a wait, a clock resync, or the ban). */
    public boolean retriable() {
        return switch (kind) {
            case TIMESTAMP, RATE_LIMITED, BANNED, SERVER, UNKNOWN_OUTCOME, UNREACHABLE -> true;
            case REJECTED, AUTH -> false;
        };
    }

    @Override
    public String toString() {
        return kind + (code != 0 ? " " + code : "") + (httpStatus != 0 ? " (HTTP " + httpStatus + ")" : "") + ": " + message;
    }
}
