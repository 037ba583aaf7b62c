package io.tradeguard.app.service.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static io.tradeguard.app.service.security.RunningService.assertProblem;
import static io.tradeguard.app.service.security.RunningService.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Attacks on the real service (embedded simulator, Binance client, SQLite journal): every one is answered with
 * the right status as problem+json, and the orders, balances, positions and the journal stay exactly as they were.
 */
class ServiceSecurityTest {
    private static final String ORDER = "/api/real-trading/order/market";
    private static final String MARKET_BUY = "{\"symbol\":\"ETHUSDT\",\"side\":\"BUY\",\"quantity\":\"0.01\"}";

    @TempDir
    static Path dir;
    static RunningService svc;

    @BeforeAll
    static void start() throws Exception {
        svc = RunningService.start(dir);
    }

    @AfterAll
    static void stop() {
        if (svc != null) {
            svc.close();
        }
    }

    // ------------------------------------------------------------------ tokens

    @Test
    void missing_expired_forged_and_unsigned_tokens_are_refused_with_401() throws Exception {
        byte[] serverKey = Base64.getDecoder().decode(Files.readString(svc.dataDir.resolve("secrets").resolve("jwt-signing.key")).strip());
        byte[] otherKey = new byte[32];
        new SecureRandom().nextBytes(otherKey);
        Instant now = Instant.now();
        String expired = sign(serverKey, claims("admin", "admin", now.minusSeconds(3600), now.minusSeconds(60)));
        String forged = sign(otherKey, claims("admin", "admin", now, now.plusSeconds(600)));
        String unsigned = unsigned(claims("admin", "admin", now, now.plusSeconds(600)));
        // a viewer's real token with its payload rewritten to claim admin, signature kept
        String[] parts = svc.viewer.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"viewer\"", "\"admin\"");
        String promoted = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertThat(payload).contains("\"admin\"");

        svc.assertNothingChanges(() -> {
            for (String token : new String[] {null, "", "not-a-jwt", expired, forged, unsigned, promoted}) {
                assertProblem(svc.send("POST", ORDER, token, MARKET_BUY), 401, "unauthorized");
                assertProblem(svc.send("POST", "/api/real-trading/emergency-stop", token, "{}"), 401, "unauthorized");
                assertProblem(svc.send("PATCH", "/api/trading-safety/configuration", token, "{\"max_consecutive_losses\":1}"), 401, "unauthorized");
                assertProblem(svc.send("GET", "/api/real-trading/balance", token, null), 401, "unauthorized");
            }
        });
        assertThat(json(svc.send("GET", "/api/trading-safety/configuration", svc.viewer, null)).get("max_consecutive_losses").asInt())
                .isNotEqualTo(1);
        // the feed too: no token, or a forged one, and the handshake is refused
        for (String token : new String[] {null, forged, unsigned, expired}) {
            WebSocket.Builder ws = RunningService.http().newWebSocketBuilder();
            if (token != null) {
                ws.header("Authorization", "Bearer " + token);
            }
            assertThatThrownBy(() -> ws.buildAsync(URI.create("ws://127.0.0.1:" + svc.port() + "/ws"), new WebSocket.Listener() { })
                    .get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(WebSocketHandshakeException.class)
                    .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(401));
        }
    }

    @Test
    void a_refresh_token_does_not_open_the_api() {
        HttpResponse<String> login = svc.send("POST", "/api/auth/login", null,
                "{\"username\":\"trader\",\"password\":\"" + RunningService.PASSWORD + "\"}");
        String refresh = json(login).get("refresh_token").asText();
        svc.assertNothingChanges(() -> assertProblem(svc.send("POST", ORDER, refresh, MARKET_BUY), 401, "unauthorized"));
    }

    // ------------------------------------------------------------------ roles

    @Test
    void a_viewer_cannot_trade_and_a_trader_cannot_change_limits_or_reset_with_403() {
        svc.assertNothingChanges(() -> {
            assertProblem(svc.send("POST", ORDER, svc.viewer, MARKET_BUY), 403, "forbidden");
            assertProblem(svc.send("POST", "/api/real-trading/order/limit", svc.viewer,
                    "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"0.001\",\"price\":\"20000\"}"), 403, "forbidden");
            assertProblem(svc.send("POST", "/api/real-trading/order/preview", svc.viewer, MARKET_BUY), 403, "forbidden");
            assertProblem(svc.send("DELETE", "/api/real-trading/order/123", svc.viewer, null), 403, "forbidden");
            assertProblem(svc.send("POST", "/api/real-trading/emergency-stop", svc.viewer, "{}"), 403, "forbidden");
            assertProblem(svc.send("POST", "/api/real-trading/stop", svc.viewer, null), 403, "forbidden");
            assertProblem(svc.send("POST", "/api/signals", svc.viewer, "{}"), 403, "forbidden");

            assertProblem(svc.send("PATCH", "/api/trading-safety/configuration", svc.trader, "{\"max_position_size_pct\":0.9}"), 403, "forbidden");
            assertProblem(svc.send("POST", "/api/trading-safety/reset-kill-switch", svc.trader, null), 403, "forbidden");
            assertProblem(svc.send("POST", "/api/trading-safety/record-trade", svc.trader,
                    "{\"symbol\":\"BTCUSDT\",\"realized_pnl\":\"-5000\"}"), 403, "forbidden");
            assertProblem(svc.send("POST", "/api/real-trading/emergency-stop/reset", svc.trader, null), 403, "forbidden");
            assertProblem(svc.send("POST", "/api/real-trading/start", svc.trader, null), 403, "forbidden");
            assertProblem(svc.send("POST", "/api/real-trading/mode", svc.trader, "{\"mode\":\"auto\"}"), 403, "forbidden");
        });
        JsonNode safety = json(svc.send("GET", "/api/trading-safety/status", svc.viewer, null));
        assertThat(safety.get("consecutive_losses").asInt()).isZero();
        assertThat(safety.at("/configuration/max_position_size_pct").decimalValue()).isNotEqualByComparingTo("0.9");
        assertThat(json(svc.send("GET", "/api/real-trading/mode", svc.viewer, null)).get("mode").asText()).isNotEqualTo("auto");
    }

    // ------------------------------------------------------------------ confirmation tokens

    @Test
    void altered_foreign_mismatched_and_replayed_confirmation_tokens_are_refused() {
        String limit = "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"0.001\",\"price\":\"20000\"";
        HttpResponse<String> preview = svc.send("POST", "/api/real-trading/order/preview", svc.trader, limit + ",\"order_type\":\"LIMIT\"}");
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        String token = json(preview).get("confirmation_token").asText();
        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        svc.assertNothingChanges(() -> {
            assertProblem(svc.send("POST", "/api/real-trading/order/limit", svc.trader,
                    limit + ",\"confirmation_token\":\"" + altered + "\"}"), 400, "confirmation_token_invalid");
            assertProblem(svc.send("POST", "/api/real-trading/order/limit", svc.trader,
                    limit + ",\"confirmation_token\":\"x' OR '1'='1\"}"), 400, "confirmation_token_invalid");
            // issued to the trader: the admin cannot spend it
            assertProblem(svc.send("POST", "/api/real-trading/order/limit", svc.admin,
                    limit + ",\"confirmation_token\":\"" + token + "\"}"), 403, "confirmation_token_foreign");
            // the previewed order was 0.001 at 20,000: not 0.002, not 25,000
            assertProblem(svc.send("POST", "/api/real-trading/order/limit", svc.trader,
                    "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"0.002\",\"price\":\"20000\",\"confirmation_token\":\""
                            + token + "\"}"), 409, "confirmation_order_mismatch");
            assertProblem(svc.send("POST", "/api/real-trading/order/limit", svc.trader,
                    "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"0.001\",\"price\":\"25000\",\"confirmation_token\":\""
                            + token + "\"}"), 409, "confirmation_order_mismatch");
        });

        // spent once, exactly as previewed (the failed attempts above did not use it up)
        HttpResponse<String> placed = svc.send("POST", "/api/real-trading/order/limit", svc.trader,
                limit + ",\"confirmation_token\":\"" + token + "\"}");
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
        String orderId = json(placed).get("order_id").asText();
        // the venue's acknowledgement moves it to NEW; wait for that, so only the replay could change anything
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                json(svc.send("GET", "/api/real-trading/order/" + orderId, svc.viewer, null)).get("status").asText().equals("NEW"));
        try {
            svc.assertNothingChanges(() -> assertProblem(svc.send("POST", "/api/real-trading/order/limit", svc.trader,
                    limit + ",\"confirmation_token\":\"" + token + "\"}"), 409, "confirmation_token_used"));
        } finally {
            assertThat(svc.send("DELETE", "/api/real-trading/order/" + orderId, svc.trader, null).statusCode()).isEqualTo(200);
        }
    }

    // ------------------------------------------------------------------ injection, size, syntax

    @Test
    void sql_injection_in_path_query_and_body_is_refused_with_400() {
        List<String> paths = List.of(
                "/api/real-trading/orders?symbol=BTCUSDT'%20OR%20'1'='1",
                "/api/real-trading/orders?status=open'%3B%20DROP%20TABLE%20orders%3B--",
                "/api/real-trading/orders?market=spot%22%3B%20DELETE%20FROM%20events%3B--",
                "/api/real-trading/trades?symbol=BTCUSDT%3B%20DROP%20TABLE%20trades",
                "/api/real-trading/orders?page=1%20OR%201%3D1",
                "/api/real-trading/order/1'%20OR%20'1'%3D'1",
                "/api/real-trading/order/x'%3BDROP%20TABLE%20orders%3B--?by=client_order_id");
        svc.assertNothingChanges(() -> {
            for (String path : paths) {
                assertProblem(svc.send("GET", path, svc.admin, null), 400, null);
            }
            assertProblem(svc.send("DELETE", "/api/real-trading/order/1'%20OR%20'1'%3D'1", svc.trader, null), 400, null);
            assertProblem(svc.send("DELETE", "/api/real-trading/order/x'%3BDROP%20TABLE%20orders%3B--?by=client_order_id", svc.trader, null), 400, null);
            assertProblem(svc.send("POST", "/api/real-trading/close/1'%20OR%20'1'%3D'1", svc.trader, null), 400, null);
            for (String body : List.of(
                    "{\"symbol\":\"BTCUSDT'; DROP TABLE orders;--\",\"side\":\"BUY\",\"quantity\":\"0.001\"}",
                    "{\"symbol\":\"ETHUSDT\",\"side\":\"BUY' OR '1'='1\",\"quantity\":\"0.01\"}",
                    "{\"symbol\":\"ETHUSDT\",\"side\":\"BUY\",\"quantity\":\"0.01; DELETE FROM events\"}",
                    "{\"symbol\":\"ETHUSDT\",\"side\":\"BUY\",\"quantity\":\"0.01\",\"client_order_id\":\"a'); DROP TABLE orders;--\"}",
                    "{\"symbol\":\"ETHUSDT\",\"side\":\"BUY\",\"quantity\":\"0.01\",\"market\":\"spot' --\"}")) {
                assertProblem(svc.send("POST", ORDER, svc.trader, body), 400, "invalid_request");
            }
            assertProblem(svc.send("POST", "/api/trading-safety/record-trade", svc.admin,
                    "{\"symbol\":\"X'; DROP TABLE safety_state;--\",\"realized_pnl\":\"-1\"}"), 400, "invalid_request");
        });
        assertThat(svc.count("orders")).isGreaterThanOrEqualTo(0); // the tables are all still there
        assertThat(svc.count("trades")).isGreaterThanOrEqualTo(0);
        assertThat(svc.count("safety_state")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void oversized_bodies_are_refused_with_413_with_or_without_a_content_length() {
        String padding = "x".repeat(70 * 1024);
        String big = "{\"symbol\":\"ETHUSDT\",\"side\":\"BUY\",\"quantity\":\"0.01\",\"note\":\"" + padding + "\"}";
        svc.assertNothingChanges(() -> {
            assertProblem(svc.send("POST", ORDER, svc.trader, big), 413, null);
            // chunked: no Content-Length to refuse up front, so the count is kept while reading
            HttpResponse<String> chunked = RunningService.send(svc.request(ORDER, svc.trader).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));
            assertProblem(chunked, 413, "payload_too_large");
            assertProblem(svc.send("POST", "/api/auth/login", null,
                    "{\"username\":\"admin\",\"password\":\"" + padding + "\"}"), 413, null);
        });
    }

    @Test
    void malformed_json_and_other_media_types_are_refused() {
        svc.assertNothingChanges(() -> {
            assertProblem(svc.send("POST", ORDER, svc.trader, "{\"symbol\":\"ETHUSDT\",\"side\":\"BUY\",\"quantity\":"), 400, "malformed_json");
            assertProblem(svc.send("POST", ORDER, svc.trader, "{\"symbol\":\"ETHUSDT\",\"side\":\"BUY\",\"quantity\":NaN}"), 400, "malformed_json");
            assertProblem(svc.send("POST", ORDER, svc.trader,
                    "{\"symbol\":\"ETHUSDT\",\"side\":\"BUY\",\"quantity\":\"0.01\",\"quantity\":\"100\"}"), 400, "malformed_json");
            assertProblem(svc.send("POST", ORDER, svc.trader, "[" + MARKET_BUY + "]"), 400, null);
            assertProblem(svc.send("POST", ORDER, svc.trader, "[".repeat(5000) + "]".repeat(5000)), 400, null);
            assertProblem(RunningService.send(svc.request(ORDER, svc.trader).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(MARKET_BUY))), 415, "unsupported_media_type");
            assertProblem(RunningService.send(svc.request(ORDER, svc.trader).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("symbol=ETHUSDT&side=BUY&quantity=0.01"))), 415, "unsupported_media_type");
        });
    }

    // ------------------------------------------------------------------ amounts and instruments

    @Test
    void nan_negative_zero_absurd_and_exponent_amounts_are_refused_with_400() {
        List<String> quantities = List.of("\"NaN\"", "\"Infinity\"", "\"-0.01\"", "-0.01", "\"0\"", "0", "\"0.000\"", "\"1e3\"",
                "\"99999999999999999999999999\"", "\"0.0000000000000000000001\"", "\"\"", "true", "{}", "null");
        svc.assertNothingChanges(() -> {
            for (String q : quantities) {
                assertProblem(svc.send("POST", ORDER, svc.trader, "{\"symbol\":\"ETHUSDT\",\"side\":\"BUY\",\"quantity\":" + q + "}"),
                        400, "invalid_request");
                assertProblem(svc.send("POST", "/api/real-trading/order/preview", svc.trader,
                        "{\"symbol\":\"ETHUSDT\",\"side\":\"BUY\",\"order_type\":\"MARKET\",\"quantity\":" + q + "}"), 400, "invalid_request");
            }
            for (String price : List.of("\"-20000\"", "\"0\"", "\"NaN\"", "\"2e4\"")) {
                assertProblem(svc.send("POST", "/api/real-trading/order/limit", svc.trader,
                        "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"0.001\",\"price\":" + price + "}"), 400, "invalid_request");
            }
            // well-formed but absurd: 1e3 is a JSON number (1,000 ETH), judged and refused by every rule it breaks
            JsonNode absurd = assertProblem(svc.send("POST", ORDER, svc.trader,
                    "{\"symbol\":\"ETHUSDT\",\"side\":\"BUY\",\"quantity\":1e3}"), 422, "risk_rejected");
            assertThat(absurd.get("violations").findValuesAsText("rule")).contains("free_balance", "position_size_cap");
            assertProblem(svc.send("POST", ORDER, svc.trader, "{\"symbol\":\"ETHUSDT\",\"side\":\"BUY\",\"quote_quantity\":\"-10\"}"),
                    400, "invalid_request");
            assertProblem(svc.send("POST", ORDER, svc.trader, "{\"symbol\":\"ETHUSDT\",\"side\":\"HOLD\",\"quantity\":\"0.01\"}"),
                    400, "invalid_request");
            assertProblem(svc.send("POST", "/api/trading-safety/record-trade", svc.admin,
                    "{\"symbol\":\"BTCUSDT\",\"realized_pnl\":\"NaN\"}"), 400, "invalid_request");
            assertProblem(svc.send("POST", "/api/trading-safety/record-trade", svc.admin, "{\"symbol\":\"BTCUSDT\"}"), 400, "invalid_request");
        });
    }

    @Test
    void unknown_symbols_and_amounts_the_filters_cannot_round_are_refused_before_the_engine() {
        svc.assertNothingChanges(() -> {
            JsonNode unknown = assertProblem(svc.send("POST", ORDER, svc.trader,
                    "{\"symbol\":\"NOSUCHUSDT\",\"side\":\"BUY\",\"quantity\":\"1\"}"), 400, "invalid_order");
            assertThat(unknown.get("detail").asText()).contains("NOSUCHUSDT");
            // below the step (0.00001 BTC): rounds to nothing
            assertProblem(svc.send("POST", "/api/real-trading/order/limit", svc.trader,
                    "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"0.000001\",\"price\":\"20000\"}"), 400, "invalid_order");
            // below the tick (0.01): a price that rounds to zero
            assertProblem(svc.send("POST", "/api/real-trading/order/limit", svc.trader,
                    "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"0.001\",\"price\":\"0.001\"}"), 400, "invalid_order");
            // under the minimum notional
            assertProblem(svc.send("POST", "/api/real-trading/order/limit", svc.trader,
                    "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"0.00001\",\"price\":\"20000\"}"), 400, "invalid_order");
        });
    }

    // ------------------------------------------------------------------ helpers

    private static JWTClaimsSet claims(String user, String role, Instant issued, Instant expires) {
        return new JWTClaimsSet.Builder().issuer("tradeguard").audience("tradeguard-api").subject(user).claim("role", role)
                .issueTime(Date.from(issued)).notBeforeTime(Date.from(issued)).expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString()).build();
    }

    private static String sign(byte[] key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    /** {@code alg: none}: a header that asks for no signature, and none. */
    private static String unsigned(JWTClaimsSet claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }
}
