package io.tradeguard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The test side of the wire: a plain JDK HTTP client that signs like a Binance client (binance-api.md §2.2). */
final class SimClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String base;
    final SimAccount account;
    long clockOffsetMillis;

    SimClient(String base, SimAccount account) {
        this.base = base;
        this.account = account;
    }

    record Response(int status, JsonNode body, HttpHeaders headers) {
        int code() {
            return body.path("code").asInt();
        }

        String msg() {
            return body.path("msg").asText();
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    static String hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static String query(Map<String, String> params) {
        StringJoiner j = new StringJoiner("&");
        params.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }

    Response get(String path, String... kv) {
        String q = query(params(kv));
        return send(HttpRequest.newBuilder(URI.create(base + path + (q.isEmpty() ? "" : "?" + q))).GET(), null);
    }

    /** Adds timestamp, signs the query string, sends the API key header. */
    Response signed(String method, String path, String... kv) {
        Map<String, String> p = params(kv);
        p.putIfAbsent("timestamp", String.valueOf(System.currentTimeMillis() + clockOffsetMillis));
        String q = query(p);
        return raw(method, path, q + "&signature=" + hmac(account.secretKey(), q), "", account.apiKey());
    }

    /** Signed with the parameters in a form body instead of the query. */
    Response signedBody(String method, String path, String... kv) {
        Map<String, String> p = params(kv);
        p.putIfAbsent("timestamp", String.valueOf(System.currentTimeMillis() + clockOffsetMillis));
        String body = query(p);
        return raw(method, path, "", body + "&signature=" + hmac(account.secretKey(), body), account.apiKey());
    }

    Response raw(String method, String path, String query, String body, String apiKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path + (query.isEmpty() ? "" : "?" + query)));
        if (apiKey != null) {
            b.header("X-MBX-APIKEY", apiKey);
        }
        HttpRequest.BodyPublisher pub = body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body);
        if (!body.isEmpty()) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
        }
        b.method(method, pub);
        return send(b, null);
    }

    Response admin(String method, String path, String token, String jsonBody) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            b.header("X-Sim-Admin", token);
        }
        b.header("Content-Type", "application/json");
        b.method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        return send(b, null);
    }

    private static Response send(HttpRequest.Builder b, Object unused) {
        try {
            HttpResponse<String> r = HTTP.send(b.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
            } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                body = JSON.getNodeFactory().textNode(r.body());
            }
            return new Response(r.statusCode(), body, r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
