package io.tradeguard.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.tradeguard.sim.engine.Account;

import java.math.BigDecimal;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * The chain every /api/v3 request goes through: injected faults, parameter parsing, request weight,
 * authentication for signed endpoints, the handler, then Binance's error body and limit headers.
 */
public final class Http {
    private final Venue venue;
    private final RateLimiter limiter;
    private final Random faultRandom;

    public Http(Venue venue, RateLimiter limiter) {
        this.venue = venue;
        this.limiter = limiter;
        this.faultRandom = new Random(venue.config().seed());
    }

    public Venue venue() {
        return venue;
    }

    public RateLimiter limiter() {
        return limiter;
    }

    /** One request in progress. */
    public static final class Call {
        public final Context ctx;
        public final Params params;
        public final String ip;
        public final long receivedAt;
        Account account;
        long timestamp;
        BigDecimal recvWindow;

        Call(Context ctx, Params params, String ip, long receivedAt) {
            this.ctx = ctx;
            this.params = params;
            this.ip = ip;
            this.receivedAt = receivedAt;
        }

        public Account account() {
            return account;
        }
    }

    @FunctionalInterface
    public interface Endpoint {
        JsonNode handle(Call call);
    }

    public Handler publicEndpoint(ToIntFunction<Params> weight, Endpoint endpoint) {
        return ctx -> run(ctx, weight, false, endpoint);
    }

    public Handler signedEndpoint(ToIntFunction<Params> weight, Endpoint endpoint) {
        return ctx -> run(ctx, weight, true, endpoint);
    }

    /** USER_STREAM endpoints of the legacy flow: the API key header, no signature. */
    public Handler apiKeyEndpoint(ToIntFunction<Params> weight, Endpoint endpoint) {
        return ctx -> run(ctx, weight, false, call -> {
            call.account = apiKeyAccount(call);
            return endpoint.handle(call);
        });
    }

    private Account apiKeyAccount(Call call) {
        String apiKey = call.ctx.header("X-MBX-APIKEY");
        if (!Venue.wellFormedKey(apiKey)) {
            throw new ApiError(401, -2014, "API-key format invalid.");
        }
        Account account = venue.credential(apiKey) == null ? null : venue.account(apiKey);
        if (account == null) {
            throw new ApiError(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        return account;
    }

    private void run(Context ctx, ToIntFunction<Params> weight, boolean signed, Endpoint endpoint) {
        String ip = ctx.ip();
        try {
            injectFaults();
            Params params = Params.parse(ctx.queryString(), formBody(ctx));
            Call call = new Call(ctx, params, ip, venue.now());
            limiter.charge(ip, weight.applyAsInt(params), call.receivedAt);
            if (signed) {
                authenticate(call);
            }
            JsonNode body = endpoint.handle(call);
            ctx.status(200).contentType("application/json;charset=UTF-8").result(Json.write(body));
        } catch (ApiError e) {
            if (e.retryAfter() != null) {
                ctx.header("Retry-After", String.valueOf(e.retryAfter()));
            }
            ctx.status(e.status()).contentType("application/json;charset=UTF-8").result(Json.write(Json.error(e.code(), e.msg())));
        } finally {
            ctx.header("X-MBX-USED-WEIGHT-1M", String.valueOf(limiter.used(ip, venue.now())));
        }
    }

    private static String formBody(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return "";
        }
        return ctx.body();
    }

    /** Latency and random server errors, as configured through /sim/v1/faults. */
    private void injectFaults() {
        Faults f = venue.faults;
        if (f.latencyMillis() > 0) {
            try {
                Thread.sleep(f.latencyMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        double rate = f.httpErrorRate();
        if (rate > 0) {
            boolean hit;
            synchronized (faultRandom) {
                hit = faultRandom.nextDouble() < rate;
            }
            if (hit) {
                int status = f.httpStatus();
                throw switch (status) {
                    case 503 -> new ApiError(503, -1008, "Server is currently overloaded with other requests. Please try again in a few minutes.");
                    case 500, 502, 504 -> new ApiError(status, -1007, "Timeout waiting for response from backend server. Send status unknown; execution status unknown.");
                    case 429 -> new ApiError(429, -1003, "Too many requests queued.", 1);
                    default -> new ApiError(status, -1000, "An unknown error occurred while processing the request.");
                };
            }
        }
    }

    /** API key, then signature, then the timestamp window (binance-api.md §2.2, §2.5). */
    private void authenticate(Call call) {
        String apiKey = call.ctx.header("X-MBX-APIKEY");
        if (!Venue.wellFormedKey(apiKey)) {
            throw new ApiError(401, -2014, "API-key format invalid.");
        }
        Credential credential = venue.credential(apiKey);
        Account account = credential == null ? null : venue.account(apiKey);
        if (account == null) {
            throw new ApiError(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        Params p = call.params;
        if (p.signature() == null || p.signature().isEmpty()) {
            throw ApiError.mandatory("signature");
        }
        long timestamp = p.longValue("timestamp", true);
        BigDecimal recvWindow = recvWindow(p, venue.config().recvWindowMaxMillis());
        if (!credential.verify(p.signedPayload(), p.signature())) {
            throw new ApiError(400, -1022, "Signature for this request is not valid.");
        }
        checkTimestamp(timestamp, recvWindow, call.receivedAt);
        call.account = account;
        call.timestamp = timestamp;
        call.recvWindow = recvWindow;
    }

    public static BigDecimal recvWindowOf(Params p, long max) {
        return recvWindow(p, max);
    }

    public static void timestampWithin(long timestamp, BigDecimal recvWindow, long serverMillis) {
        checkTimestamp(timestamp, recvWindow, serverMillis);
    }

    static BigDecimal recvWindow(Params p, long max) {
        BigDecimal rw = p.decimal("recvWindow", false);
        if (rw == null) {
            return BigDecimal.valueOf(5000);
        }
        if (rw.stripTrailingZeros().scale() > 3) {
            throw new ApiError(400, -1111, "Parameter 'recvWindow' has too much precision.");
        }
        if (rw.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new ApiError(400, -1102, "'recvWindow' contains unexpected value. Cannot be greater than " + max + ".");
        }
        if (rw.signum() <= 0) {
            throw ApiError.mandatory("recvWindow");
        }
        return rw;
    }

    /**
     * Rejects a timestamp 1000 ms or more ahead of the server, or older than recvWindow. Timestamps with
     * 16 digits are microseconds.
     */
    static void checkTimestamp(long timestamp, BigDecimal recvWindow, long serverMillis) {
        boolean micros = timestamp >= 100_000_000_000_000L;
        long serverMicros = serverMillis * 1000;
        long tsMicros = micros ? timestamp : timestamp * 1000;
        if (tsMicros >= serverMicros + 1_000_000) {
            throw new ApiError(400, -1021, "Timestamp for this request was 1000ms ahead of the server's time.");
        }
        long windowMicros = recvWindow.movePointRight(3).longValue();
        if (serverMicros - tsMicros > windowMicros) {
            throw new ApiError(400, -1021, "Timestamp for this request is outside of the recvWindow.");
        }
    }

    /** The second check "just before the matching engine" (since 2025-06-06). */
    public void recheck(Call call) {
        checkTimestamp(call.timestamp, call.recvWindow, venue.now());
    }
}
