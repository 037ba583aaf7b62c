package io.tradeguard.binance.rest;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 for REST calls, blocking on the caller's thread (Apache HttpClient 5 classic) over pooled
 * keep-alive connections: the thread that places an order writes it and reads the answer. The JDK
 * {@code HttpClient} hands every exchange to its selector thread and an executor and back; on a busy
 * machine each hand-off waits for a core (bench/README.md, Round trip). Thread-safe; closed by its owner.
 */
public final class BlockingHttp implements AutoCloseable {
    private static final ContentType FORM = ContentType.create("application/x-www-form-urlencoded");
    private static final byte[] EMPTY = new byte[0];

    private final CloseableHttpClient client;

    /** An answer as read: status, headers and the whole body as text. */
    record Answer(int status, HttpHeaders headers, String body) {
    }

    private BlockingHttp(CloseableHttpClient client) {
        this.client = client;
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

    /** Per-call limits: {@code timeout} for a pooled connection and for each read of the answer. */
    static RequestConfig config(Duration timeout) {
        return RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(timeout))
                .setResponseTimeout(Timeout.of(timeout))
                .build();
    }

    /** One exchange on the caller's thread; the connection goes back to the pool once the body is read. */
    Answer send(String method, URI uri, String apiKey, String body, RequestConfig config) throws IOException {
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(method).setUri(uri);
        if (apiKey != null) {
            builder.addHeader("X-MBX-APIKEY", apiKey);
        }
        if (!body.isEmpty()) {
            builder.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.US_ASCII), FORM));
        } else if (method.equals("POST") || method.equals("PUT")) {
            builder.setEntity(new ByteArrayEntity(EMPTY, null));   // Content-Length: 0, as the JDK client sends
        }
        ClassicHttpRequest request = builder.build();
        HttpClientContext context = HttpClientContext.create();
        context.setRequestConfig(config);
        return client.execute(request, context, response -> {
            HttpEntity entity = response.getEntity();
            String text = entity == null ? "" : EntityUtils.toString(entity, StandardCharsets.UTF_8);
            return new Answer(response.getCode(), headers(response.getHeaders()), text);
        });
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
