package io.tradeguard.binance.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.binance.auth.ApiCredentials;
import io.tradeguard.core.venue.VenueError;
import io.tradeguard.core.venue.VenueError.Kind;
import io.tradeguard.core.venue.VenueException;
import org.apache.hc.client5.http.config.RequestConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The chain every REST call passes through, one concern per step: rate gate (throttle, 429/418) →
 * clock (sync when stale) → parameters + timestamp + signature → send → weight headers → error
 * classification → log line → retry policy of the endpoint. Log lines carry method, path, weight,
 * latency, status and Binance code; never the query, key or signature.
 */
public final class RestTransport {
    private static final Logger log = LoggerFactory.getLogger(RestTransport.class);
    private static final Endpoint SERVER_TIME = Endpoint.publicGet("/api/v3/time", 1);

    private final URI base;
    /** the URI of each endpoint path sent without a query (POST/PUT: parameters in the body); paths are constants */
    private final java.util.concurrent.ConcurrentMap<String, URI> pathUris = new java.util.concurrent.ConcurrentHashMap<>();
    private final HttpClient jdk;               // one of the two
    private final BlockingHttp blocking;
    private final RequestConfig blockingConfig;
    private final ApiCredentials credentials;
    private final ServerClock clock;
    private final RateGate gate;
    private final Settings settings;
    private final Consumer<SentRequest> observer;
    private final CallListener calls;
    private final Endpoint serverTime;

    /**
     * Told how every REST call went (metrics): an observer given to the constructor that is also a
     * CallListener hears of each answer or failure, with the time from sending to the answer. Called on the
     * caller's thread: keep it cheap.
     */
    public interface CallListener extends Consumer<SentRequest> {
        /** @param status the HTTP status, or 0 when no answer came (timeout, connection refused) */
        void answered(String method, String path, int status, Duration latency);

        @Override
        default void accept(SentRequest request) {
        }
    }

    /**
     * @param requestTimeout how long to wait for an answer before the outcome counts as unknown
     * @param recvWindow     Binance's {@code recvWindow}: how long after its timestamp a request may still execute
     * @param maxRetries     retries of idempotent calls after transient failures
     * @param backoffBase    first retry delay; doubles per retry, with full jitter, capped at {@code backoffCap}
     */
    public record Settings(Duration requestTimeout, Duration recvWindow, int maxRetries, Duration backoffBase,
                           Duration backoffCap) {
        public Settings {
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            Objects.requireNonNull(recvWindow, "recvWindow");
            if (recvWindow.toMillis() <= 0 || recvWindow.toMillis() > 60_000) {
                throw new IllegalArgumentException("recvWindow must be within 1..60000 ms");
            }
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative");
            }
        }

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(10), Duration.ofSeconds(5), 3, Duration.ofMillis(200), Duration.ofSeconds(5));
        }
    }

    /** Calls go through the JDK {@code HttpClient} (its selector thread and executor). */
    public RestTransport(URI base, HttpClient http, ApiCredentials credentials, ServerClock clock, RateGate gate,
                         Settings settings, Consumer<SentRequest> observer) {
        this(base, http, credentials, clock, gate, settings, observer, SERVER_TIME);
    }

    /** As above, for a product whose clock is read elsewhere (futures: {@code GET /fapi/v1/time}). */
    public RestTransport(URI base, HttpClient http, ApiCredentials credentials, ServerClock clock, RateGate gate,
                         Settings settings, Consumer<SentRequest> observer, Endpoint serverTime) {
        this(base, credentials, clock, gate, settings, observer, serverTime, Objects.requireNonNull(http, "http"), null);
    }

    /** Calls are written and their answers read on the caller's thread (see {@link BlockingHttp}). */
    public RestTransport(URI base, BlockingHttp http, ApiCredentials credentials, ServerClock clock, RateGate gate,
                         Settings settings, Consumer<SentRequest> observer) {
        this(base, http, credentials, clock, gate, settings, observer, SERVER_TIME);
    }

    /** As above, for a product whose clock is read elsewhere (futures: {@code GET /fapi/v1/time}). */
    public RestTransport(URI base, BlockingHttp http, ApiCredentials credentials, ServerClock clock, RateGate gate,
                         Settings settings, Consumer<SentRequest> observer, Endpoint serverTime) {
        this(base, credentials, clock, gate, settings, observer, serverTime, null, Objects.requireNonNull(http, "http"));
    }

    private RestTransport(URI base, ApiCredentials credentials, ServerClock clock, RateGate gate, Settings settings,
                          Consumer<SentRequest> observer, Endpoint serverTime, HttpClient jdk, BlockingHttp blocking) {
        this.serverTime = Objects.requireNonNull(serverTime, "serverTime");
        this.base = Objects.requireNonNull(base, "base");
        this.credentials = credentials;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.observer = observer == null ? r -> { } : observer;
        this.calls = observer instanceof CallListener listener ? listener : null;
        this.jdk = jdk;
        this.blocking = blocking;
        this.blockingConfig = BlockingHttp.config(settings.requestTimeout());
    }

    /** A keep-alive HTTP/1.1 client, as Binance's REST API is served. */
    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public ServerClock clock() {
        return clock;
    }

    public Settings settings() {
        return settings;
    }

    public RateGate gate() {
        return gate;
    }

    /** One call with the endpoint's retry policy applied. */
    public JsonNode call(Endpoint endpoint, Params params) throws VenueException {
        return call(endpoint, params, null);
    }

    /**
     * As {@link #call(Endpoint, Params)}; {@code timestamps} is told the {@code timestamp} of every signed
     * attempt, so a caller in doubt knows until when the venue may still execute it.
     */
    public JsonNode call(Endpoint endpoint, Params params, LongConsumer timestamps) throws VenueException {
        int retries = 0;
        boolean resynced = false;
        while (true) {
            try {
                return once(endpoint, params, timestamps);
            } catch (VenueException e) {
                VenueError error = e.error();
                // -1021 means the request was refused before any processing: resync once and send again
                if (error.kind() == Kind.TIMESTAMP && !resynced) {
                    resynced = true;
                    syncTime();
                    continue;
                }
                if (endpoint.retry() == Endpoint.Retry.IDEMPOTENT && retries < settings.maxRetries() && transient_(error)) {
                    pause(backoff(retries++));
                    continue;
                }
                throw e;
            }
        }
    }

    /** Measures the venue clock (GET /api/v3/time or the product's own), offset from the midpoint of the round trip. */
    public void syncTime() throws VenueException {
        long sent = clock.localMillis();
        JsonNode answer = once(serverTime, Params.of(), null);
        long received = clock.localMillis();
        JsonNode serverTime = answer.get("serverTime");
        if (serverTime == null || !serverTime.canConvertToLong()) {
            throw new VenueException(BinanceErrors.unreadable(200, "time without serverTime"));
        }
        clock.record(serverTime.asLong(), sent, received);
        log.debug("server time synced, offset {} ms, round trip {} ms", clock.offsetMillis(), received - sent);
    }

    private static boolean transient_(VenueError error) {
        return switch (error.kind()) {
            case SERVER, UNKNOWN_OUTCOME, UNREACHABLE, RATE_LIMITED -> true;
            case REJECTED, AUTH, TIMESTAMP, BANNED -> false;
        };
    }

    private Duration backoff(int retry) {
        long cap = Math.min(settings.backoffCap().toMillis(), settings.backoffBase().toMillis() << Math.min(retry, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1)); // jitter so clients don't retry in step
    }

    private JsonNode once(Endpoint endpoint, Params params, LongConsumer timestamps) throws VenueException {
        try {
            gate.acquire(endpoint);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VenueException(new VenueError(Kind.UNKNOWN_OUTCOME, 0, 0, "interrupted while calling " + endpoint, null), e);
        }
        boolean sending = false;
        boolean answered = false;
        try {
            if (endpoint.security() == Endpoint.Security.SIGNED && clock.isStale()) {
                syncTime();
            }
            SentRequest request = prepare(endpoint, params, timestamps);
            observer.accept(request);
            long start = System.nanoTime();
            BlockingHttp.Answer response;
            try {
                sending = true;
                response = send(request);
            } catch (IOException e) {
                VenueError error = BinanceErrors.transport(e);
                log.warn("{} {} weight={} {}ms failed: {}", endpoint.method(), endpoint.path(), endpoint.weight(),
                        millisSince(start), error.kind());
                tell(endpoint, 0, start);
                if (error.kind() == Kind.UNREACHABLE) {
                    sending = false;                  // could not connect: nothing went out
                }
                throw new VenueException(error, e);
            }
            answered = true;
            tell(endpoint, response.status(), start);
            long latency = millisSince(start);
            gate.observe(endpoint, response.headers());
            return answer(endpoint, response, latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VenueException(new VenueError(Kind.UNKNOWN_OUTCOME, 0, 0, "interrupted while calling " + endpoint, null), e);
        } finally {
            // every call the gate let through is settled once: answered (above), sent without an answer, or never sent
            if (!answered) {
                if (sending) {
                    gate.unanswered(endpoint);
                } else {
                    gate.notSent(endpoint);
                }
            }
        }
    }

    /**
     * The request exactly as it will be sent: parameters, then {@code recvWindow} and {@code timestamp}
     * and the signature for signed endpoints; in the body for POST/PUT, else in the query.
     */
    public SentRequest prepare(Endpoint endpoint, Params params, LongConsumer timestamps) {
        boolean signed = endpoint.security() == Endpoint.Security.SIGNED;
        Params sent = params;
        if (signed) {
            if (credentials == null) {
                throw new IllegalStateException(endpoint + " needs API credentials");
            }
            long timestamp = clock.nowMillis();
            sent = params.copy().add("recvWindow", settings.recvWindow().toMillis()).add("timestamp", timestamp);
            if (timestamps != null) {
                timestamps.accept(timestamp);
            }
        }
        boolean inBody = endpoint.method().equals("POST") || endpoint.method().equals("PUT");
        String encoded = sent.encoded();
        SignedPayload payload = signed
                ? SignedPayload.sign(inBody ? "" : encoded, inBody ? encoded : "", credentials.signer())
                : SignedPayload.unsigned(inBody ? "" : encoded, inBody ? encoded : "");
        return new SentRequest(endpoint.method(), endpoint.path(), payload.query(), payload.body());
    }

    /** The JDK request for a prepared one (API key header, form body). */
    public HttpRequest toHttp(SentRequest prepared) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(prepared)).timeout(settings.requestTimeout());
        if (credentials != null) {
            builder.header("X-MBX-APIKEY", credentials.apiKey());
        }
        if (prepared.body().isEmpty()) {
            builder.method(prepared.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(prepared.method(), HttpRequest.BodyPublishers.ofString(prepared.body()));
        }
        return builder.build();
    }

    private BlockingHttp.Answer send(SentRequest prepared) throws IOException, InterruptedException {
        if (blocking != null) {
            return blocking.send(prepared.method(), uri(prepared), credentials == null ? null : credentials.apiKey(),
                    prepared.body(), blockingConfig);
        }
        HttpResponse<String> response = jdk.send(toHttp(prepared), HttpResponse.BodyHandlers.ofString());
        return new BlockingHttp.Answer(response.statusCode(), response.headers(), response.body());
    }

    private URI uri(SentRequest prepared) {
        if (prepared.query().isEmpty()) {
            // a URI depends only on the fixed base and the endpoint's path here: one per endpoint, kept
            URI known = pathUris.get(prepared.path());
            if (known != null) {
                return known;
            }
            URI resolved = base.resolve(prepared.path());
            if (pathUris.size() < 256) { // bounded even if a caller built paths at run time
                pathUris.putIfAbsent(prepared.path(), resolved);
            }
            return resolved;
        }
        return base.resolve(prepared.path() + "?" + prepared.query());
    }

    private JsonNode answer(Endpoint endpoint, BlockingHttp.Answer response, long latency) throws VenueException {
        int status = response.status();
        JsonNode body;
        try {
            body = response.body() == null || response.body().isBlank() ? null : Json.parse(response.body());
        } catch (UncheckedIOException e) {
            body = null;
        }
        if (status / 100 == 2) {
            if (body == null) {
                log.warn("{} {} weight={} used={} {}ms status={} unreadable body", endpoint.method(), endpoint.path(),
                        endpoint.weight(), gate.usedWeight(), latency, status);
                throw new VenueException(BinanceErrors.unreadable(status, "no JSON body"));
            }
            log.debug("{} {} weight={} used={} {}ms status={}", endpoint.method(), endpoint.path(), endpoint.weight(),
                    gate.usedWeight(), latency, status);
            return body;
        }
        int code = body != null && body.path("code").canConvertToInt() ? body.path("code").asInt() : 0;
        String message = body != null ? body.path("msg").asText("") : "";
        Duration retryAfter = response.headers().firstValue("Retry-After")
                .map(RestTransport::seconds).orElse(null);
        VenueError error = BinanceErrors.classify(status, code, message, retryAfter);
        log.warn("{} {} weight={} used={} {}ms status={} code={} kind={} msg={}", endpoint.method(), endpoint.path(),
                endpoint.weight(), gate.usedWeight(), latency, status, code, error.kind(), message);
        if (error.kind() == Kind.RATE_LIMITED || error.kind() == Kind.BANNED) {
            gate.suspend(error);
        }
        throw new VenueException(error);
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void tell(Endpoint endpoint, int status, long startNanos) {
        if (calls != null) {
            try {
                calls.answered(endpoint.method(), endpoint.path(), status, Duration.ofNanos(System.nanoTime() - startNanos));
            } catch (RuntimeException e) {
                log.warn("the REST call listener failed: {}", e.toString()); // metrics never break a call
            }
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static void pause(Duration duration) throws VenueException {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VenueException(new VenueError(Kind.UNKNOWN_OUTCOME, 0, 0, "interrupted during retry backoff", null), e);
        }
    }
}
