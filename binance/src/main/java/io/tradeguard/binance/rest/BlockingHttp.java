package io.tradeguard.binance.rest;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1.1 for REST calls, blocking on the caller's thread (Apache HttpClient 5 classic) over pooled
 * keep-alive connections: the thread that places an order writes it and reads the answer. The JDK
 * {@code HttpClient} hands every exchange to its selector thread and an executor and back; on a busy
 * machine each hand-off waits for a core (bench/README.md, Round trip). Thread-safe; closed by its owner.
 *
 * <p>The library's response timeout bounds each read, not the exchange: an answer trickling in a byte at a time
 * would hold the caller (and an order in doubt) indefinitely. A watchdog thread aborts every exchange still running
 * past its deadline (the call's timeout from the moment it starts), checked every {@link #WATCHDOG_PERIOD}; the
 * caller gets a {@link SocketTimeoutException}, i.e. an unknown outcome. Registering a call costs a map entry, not
 * a timer wake-up per call.
 */
public final class BlockingHttp implements AutoCloseable {
    private static final ContentType FORM = ContentType.create("application/x-www-form-urlencoded");
    private static final byte[] EMPTY = new byte[0];

    static final Duration WATCHDOG_PERIOD = Duration.ofMillis(50);

    /** exchanges running in this process, with the {@link System#nanoTime()} they must be over by */
    private static final Map<HttpUriRequestBase, Long> RUNNING = new ConcurrentHashMap<>();
    /** exchanges the watchdog aborted, until their caller has seen it */
    private static final Set<HttpUriRequestBase> ABORTED = ConcurrentHashMap.newKeySet();
    /** one for the process (not per client: a client a test forgets to close must not leave a thread behind) */
    private static final Thread WATCHDOG = Thread.ofPlatform().daemon().name("tg-http-deadlines")
            .unstarted(BlockingHttp::watch);

    static {
        WATCHDOG.start();
    }

    private final CloseableHttpClient client;

    /** An answer as read: status, headers and the whole body as text. */
    record Answer(int status, HttpHeaders headers, String body) {
    }

    private BlockingHttp(CloseableHttpClient client) {
        this.client = client;
    }

    private static void watch() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(WATCHDOG_PERIOD);
            } catch (InterruptedException e) {
                return;
            }
            if (RUNNING.isEmpty()) {
                continue;
            }
            long now = System.nanoTime();
            RUNNING.forEach((request, deadline) -> {
                if (now - deadline >= 0) {
                    // marked before it leaves RUNNING, so a caller finishing meanwhile clears the mark itself
                    ABORTED.add(request);
                    if (RUNNING.remove(request, deadline)) {
                        request.cancel();      // closes the connection under the blocked read
                    } else {
                        ABORTED.remove(request);
                    }
                }
            });
        }
    }

    /**
     * Connect timeout 5 s, up to 20 connections (one per concurrent caller), a connection idle for 10 s or more
     * checked before use: a connection the venue may have closed (servers keep idle ones 30-75 s) must not
     * carry an order. The check waits 1 ms for a read, so not on every call (OkHttp, under the official
     * connector, checks after 10 s idle too).
     */
    public static BlockingHttp create() {
        return create(Duration.ofSeconds(5), 20, Duration.ofSeconds(10));
    }

    public static BlockingHttp create(Duration connectTimeout, int maxConnections, Duration validateAfterIdle) {
        var pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setValidateAfterInactivity(TimeValue.of(validateAfterIdle))
                        .build())
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .build();
        return new BlockingHttp(HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()      // never resend (an order POST least of all): RestTransport decides
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableContentCompression()
                .disableAuthCaching()
                .build());
    }

    /**
     * Per-call limits: {@code timeout} for a pooled connection and for each read of the answer; {@link #send} also
     * ends the whole exchange after it.
     */
    static RequestConfig config(Duration timeout) {
        return RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(timeout))
                .setResponseTimeout(Timeout.of(timeout))
                .build();
    }

    /**
     * One exchange on the caller's thread; the connection goes back to the pool once the body is read. The whole
     * exchange ends after the config's response timeout (give or take {@link #WATCHDOG_PERIOD}).
     */
    Answer send(String method, URI uri, String apiKey, String body, RequestConfig config) throws IOException {
        HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
        if (apiKey != null) {
            request.addHeader("X-MBX-APIKEY", apiKey);
        }
        if (!body.isEmpty()) {
            request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.US_ASCII), FORM));
        } else if (method.equals("POST") || method.equals("PUT")) {
            request.setEntity(new ByteArrayEntity(EMPTY, null));   // Content-Length: 0, as the JDK client sends
        }
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(config);
        long limit = config.getResponseTimeout().toMilliseconds();
        RUNNING.put(request, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limit));
        try {
            return client.execute(request, context, response -> {
                HttpEntity entity = response.getEntity();
                String text = entity == null ? "" : EntityUtils.toString(entity, StandardCharsets.UTF_8);
                return new Answer(response.getCode(), headers(response.getHeaders()), text);
            });
        } catch (IOException | RuntimeException e) {
            if (ABORTED.remove(request)) {
                SocketTimeoutException late = new SocketTimeoutException("no complete answer within " + limit
                        + " ms (the exchange was aborted; its outcome is unknown)");
                late.initCause(e);
                throw late;
            }
            throw e;
        } finally {
            RUNNING.remove(request);
            ABORTED.remove(request);
        }
    }

    private static HttpHeaders headers(Header[] headers) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : headers) {
            map.computeIfAbsent(header.getName(), k -> new ArrayList<>(1)).add(header.getValue());
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
