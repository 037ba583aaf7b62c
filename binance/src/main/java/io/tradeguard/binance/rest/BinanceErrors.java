package io.tradeguard.binance.rest;

import io.tradeguard.core.venue.VenueError;
import io.tradeguard.core.venue.VenueError.Kind;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/**
 * Every Binance error answer is classified here and nowhere else: REST bodies {@code {"code","msg"}},
 * WebSocket-API {@code error} objects, and transport failures. A code not listed keeps its code and
 * message and is judged by the HTTP status class.
 */
public final class BinanceErrors {
    /** Cancel refused; "Unknown order sent." when the order is already closed or never existed. */
    public static final int CANCEL_REJECTED = -2011;
    /** Query: "Order does not exist." */
    public static final int NO_SUCH_ORDER = -2013;
    public static final int INVALID_TIMESTAMP = -1021;
    public static final int TIMEOUT = -1007;
    /** Futures listen key unknown or expired: create a new one (binance-api.md §6.7). */
    public static final int LISTEN_KEY_NOT_FOUND = -1125;
    /** Futures: "Margin is insufficient." */
    public static final int MARGIN_INSUFFICIENT = -2019;
    /** Futures: a conditional type sent to /fapi/v1/order since 2025-12-09; it belongs to the algo service. */
    public static final int STOP_ORDER_SWITCH_ALGO = -4120;
    /** Futures: the symbol already has that margin type. */
    public static final int NO_NEED_TO_CHANGE_MARGIN_TYPE = -4046;
    /** Futures: the account is already in that position mode. */
    public static final int NO_NEED_TO_CHANGE_POSITION_SIDE = -4059;

    private BinanceErrors() {
    }

    /** An answer arrived: HTTP status (or WS-API status), Binance code (0 if none) and message. */
    public static VenueError classify(int status, int code, String message, Duration retryAfter) {
        String text = message == null || message.isBlank() ? "HTTP " + status : message;
        Kind kind = kindOf(status, code);
        return new VenueError(kind, code, status, text, retryAfter);
    }

    private static Kind kindOf(int status, int code) {
        if (status == 418) {
            return Kind.BANNED;
        }
        if (status == 429) {
            return Kind.RATE_LIMITED;
        }
        Kind byCode = switch (code) {
            case -1003, -1015 -> Kind.RATE_LIMITED;                 // TOO_MANY_REQUESTS, TOO_MANY_ORDERS
            case -1021 -> Kind.TIMESTAMP;                           // INVALID_TIMESTAMP (recvWindow)
            case -1002, -1022, -2014, -2015 -> Kind.AUTH;           // UNAUTHORIZED, bad signature, key format, key/IP/permissions
            case -1006, -1007, -1000 -> Kind.UNKNOWN_OUTCOME;       // unexpected response, backend timeout, unknown: status unknown
            case -1001, -1008, -1016 -> Kind.SERVER;                // disconnected, busy, shutting down: not processed
            // futures business refusals, named so a 5XX-looking status can never turn them into "unknown":
            // margin insufficient, max position at leverage, leverage too small for margin, listen key gone,
            // invalid leverage, margin/position-mode changes blocked or unneeded, duplicate id, reduce-only
            // check, conditional type on the order endpoint, min notional, FOK / post-only refusals
            case -2019, -2027, -2028, -1125, -4028, -4046, -4047, -4048, -4059, -4061, -4067, -4068,
                 -4116, -4118, -4120, -4131, -4135, -4161, -4164, -5021, -5022 -> Kind.REJECTED;
            default -> null;
        };
        if (byCode != null) {
            return byCode;
        }
        if (status == 401) {
            return Kind.AUTH;
        }
        if (status == 408) {
            return Kind.UNKNOWN_OUTCOME;                            // futures backend timeout
        }
        if (status >= 500) {
            return Kind.UNKNOWN_OUTCOME;                            // 5XX: "execution status unknown" unless a code says otherwise
        }
        return Kind.REJECTED;                                       // 4XX business refusals (-1013 filters, -2010, -2011, …), 403 WAF
    }

    /**
     * No answer. Whether the request may have reached the venue decides everything for orders: a failed
     * connect sent nothing, a timeout or a reset after sending leaves the outcome unknown.
     */
    public static VenueError transport(Throwable failure) {
        String what = failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        if (failure instanceof HttpConnectTimeoutException || failure instanceof ConnectException
                || failure instanceof UnresolvedAddressException || failure.getCause() instanceof ConnectException
                || failure instanceof org.apache.hc.client5.http.ConnectTimeoutException
                || failure instanceof java.net.UnknownHostException) {
            return new VenueError(Kind.UNREACHABLE, 0, 0, "could not connect: " + what, null);
        }
        if (failure instanceof org.apache.hc.core5.http.ConnectionRequestTimeoutException) {
            // every pooled connection stayed busy: the request was never written
            return new VenueError(Kind.UNREACHABLE, 0, 0, "no free connection in time: " + what, null);
        }
        if (failure instanceof HttpTimeoutException || failure instanceof java.net.SocketTimeoutException) {
            return new VenueError(Kind.UNKNOWN_OUTCOME, 0, 0, "no answer in time: " + what, null);
        }
        if (failure instanceof IOException) {
            return new VenueError(Kind.UNKNOWN_OUTCOME, 0, 0, "connection failed while waiting for the answer: " + what, null);
        }
        return new VenueError(Kind.UNKNOWN_OUTCOME, 0, 0, what, null);
    }

    /** An answer we cannot read (not JSON, missing field): treated as unknown outcome, never as success. */
    public static VenueError unreadable(int status, String detail) {
        return new VenueError(Kind.UNKNOWN_OUTCOME, 0, status, "unreadable answer: " + detail, null);
    }
}
