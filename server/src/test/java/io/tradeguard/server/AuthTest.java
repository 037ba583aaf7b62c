package io.tradeguard.server;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.tradeguard.server.auth.FileSecretStore;
import io.tradeguard.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static io.tradeguard.server.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

class AuthTest {
    static TestServer s;

    @BeforeAll
    static void start() {
        s = new TestServer();
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private static final String ORDER = "{\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"quantity\":0.01}";

    @Test
    void login_answers_working_tokens_with_the_users_role() {
        HttpResponse<String> r = s.post("/api/auth/login", null, "{\"username\":\"Trader\",\"password\":\"trader-password-1\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = TestServer.json(r);
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("role").asText()).isEqualTo("trader");
        assertThat(body.get("expires_in").asLong()).isEqualTo(900);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(s.get("/api/real-trading/status", body.get("access_token").asText()).statusCode()).isEqualTo(200);
    }

    @Test
    void wrong_password_and_unknown_user_get_the_same_401() {
        HttpResponse<String> wrong = s.post("/api/auth/login", null, "{\"username\":\"viewer\",\"password\":\"nope-nope-nope\"}");
        HttpResponse<String> unknown = s.post("/api/auth/login", null, "{\"username\":\"mallory\",\"password\":\"nope-nope-nope\"}");
        JsonNode a = assertProblem(wrong, 401, "login_failed");
        JsonNode b = assertProblem(unknown, 401, "login_failed");
        assertThat(a.get("detail")).isEqualTo(b.get("detail"));
    }

    @Test
    void login_is_rate_limited_per_user_with_retry_after() {
        try (TestServer limited = new TestServer(ServerConfig.defaults().withPort(0).withLoginLimits(3, 100))) {
            for (int i = 0; i < 3; i++) {
                assertThat(limited.post("/api/auth/login", null, "{\"username\":\"viewer\",\"password\":\"wrong-" + i + "\"}").statusCode()).isEqualTo(401);
            }
            // even the right password is refused now: the limit counts attempts, not failures
            HttpResponse<String> r = limited.post("/api/auth/login", null, "{\"username\":\"viewer\",\"password\":\"viewer-password-1\"}");
            assertProblem(r, 429, "rate_limited");
            assertThat(r.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 60L));
            // another user is not affected by the first one's bucket
            assertThat(limited.post("/api/auth/login", null, "{\"username\":\"admin\",\"password\":\"admin-password-1\"}").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void login_is_rate_limited_per_address_across_usernames() {
        try (TestServer limited = new TestServer(ServerConfig.defaults().withPort(0).withLoginLimits(100, 4))) {
            for (int i = 0; i < 4; i++) {
                assertThat(limited.post("/api/auth/login", null, "{\"username\":\"user" + i + "\",\"password\":\"x\"}").statusCode()).isEqualTo(401);
            }
            assertProblem(limited.post("/api/auth/login", null, "{\"username\":\"admin\",\"password\":\"admin-password-1\"}"), 429, "rate_limited");
        }
    }

    @Test
    void without_a_token_every_protected_endpoint_answers_401_and_nothing_reaches_the_engine() {
        int before = s.engine.calls().size();
        for (var route : s.server.routes()) {
            if (route.access() == io.tradeguard.server.http.Access.PUBLIC) {
                continue;
            }
            String path = route.path().replaceAll("\\{[a-z_]+}", "abc");
            HttpResponse<String> r = s.send(route.method().name(), path, null, route.method().name().equals("GET") ? null : ORDER);
            assertProblem(r, 401, "unauthorized");
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
        assertThat(s.engine.calls()).hasSize(before);
    }

    @Test
    void garbage_and_non_bearer_credentials_are_401() {
        assertProblem(s.get("/api/real-trading/status", "not-a-jwt"), 401, "unauthorized");
        assertProblem(s.send(s.request("/api/real-trading/status", null).header("Authorization", "Basic YWRtaW46YWRtaW4=").GET().build()), 401, "unauthorized");
        assertProblem(s.get("/api/real-trading/status", "a".repeat(5000)), 401, "unauthorized");
    }

    @Test
    void an_expired_token_is_refused() {
        String token = s.token("viewer");
        Instant t = s.clock.instant();
        try {
            s.clock.advance(Duration.ofMinutes(15));
            assertProblem(s.get("/api/real-trading/status", token), 401, "unauthorized");
        } finally {
            s.clock.set(t);
        }
        assertThat(s.get("/api/real-trading/status", token).statusCode()).isEqualTo(200);
    }

    @Test
    void a_token_signed_with_another_key_is_refused() {
        byte[] otherKey = new byte[32];
        assertProblem(s.get("/api/real-trading/status", sign(otherKey, JWSAlgorithm.HS256, c -> c)), 401, "unauthorized");
        // the same claims with the real key pass: the test above fails for the signature alone
        assertThat(s.get("/api/real-trading/status", sign(serverKey(), JWSAlgorithm.HS256, c -> c)).statusCode()).isEqualTo(200);
    }

    @Test
    void a_tampered_payload_is_refused() {
        String token = s.token("viewer");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"viewer\"", "\"admin\"");
        String forged = parts[0] + "." + b64(payload) + "." + parts[2];
        assertProblem(s.get("/api/trading-safety/configuration", forged), 401, "unauthorized");
    }

    @Test
    void alg_none_is_refused() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String claims = b64(validClaims());
        assertProblem(s.get("/api/real-trading/status", header + "." + claims + "."), 401, "unauthorized");
        assertProblem(s.get("/api/real-trading/status", header + "." + claims), 401, "unauthorized");
    }

    @Test
    void another_algorithm_is_refused_even_when_signed_with_the_right_key() throws Exception {
        String header = b64("{\"alg\":\"HS512\",\"typ\":\"JWT\"}");
        String claims = b64(validClaims());
        Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(serverKey(), "HmacSHA512"));
        String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal((header + "." + claims).getBytes(StandardCharsets.US_ASCII)));
        assertProblem(s.get("/api/real-trading/status", header + "." + claims + "." + sig), 401, "unauthorized");
    }

    @Test
    void wrong_issuer_audience_or_validity_window_is_refused() {
        Instant now = s.clock.instant();
        for (UnaryOperator<JWTClaimsSet.Builder> change : java.util.List.<UnaryOperator<JWTClaimsSet.Builder>>of(
                c -> c.issuer("someone-else"),
                c -> c.audience("tradeguard-refresh"),
                c -> c.audience("other-api"),
                c -> c.notBeforeTime(Date.from(now.plusSeconds(60))),
                c -> c.expirationTime(Date.from(now.minusSeconds(1))),
                c -> c.claim("role", "superuser"),
                c -> c.expirationTime(null))) {
            assertProblem(s.get("/api/real-trading/status", sign(serverKey(), JWSAlgorithm.HS256, change)), 401, "unauthorized");
        }
    }

    @Test
    void a_refresh_token_is_not_an_access_token() {
        JsonNode login = TestServer.json(s.post("/api/auth/login", null, "{\"username\":\"viewer\",\"password\":\"viewer-password-1\"}"));
        assertProblem(s.get("/api/real-trading/status", login.get("refresh_token").asText()), 401, "unauthorized");
    }

    @Test
    void refresh_gives_new_tokens_once() {
        JsonNode login = TestServer.json(s.post("/api/auth/login", null, "{\"username\":\"trader\",\"password\":\"trader-password-1\"}"));
        String refresh = "{\"refresh_token\":\"" + login.get("refresh_token").asText() + "\"}";
        HttpResponse<String> first = s.post("/api/auth/refresh", null, refresh);
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode renewed = TestServer.json(first);
        assertThat(renewed.get("role").asText()).isEqualTo("trader");
        assertThat(s.get("/api/real-trading/status", renewed.get("access_token").asText()).statusCode()).isEqualTo(200);
        assertProblem(s.post("/api/auth/refresh", null, refresh), 401, "refresh_failed");
        // an access token cannot be used to refresh
        assertProblem(s.post("/api/auth/refresh", null, "{\"refresh_token\":\"" + login.get("access_token").asText() + "\"}"), 401, "refresh_failed");
    }

    @Test
    void roles_are_enforced_and_a_refused_call_reaches_nothing() {
        int before = s.engine.calls().size();
        assertProblem(s.post("/api/real-trading/order/market", s.token("viewer"), ORDER), 403, "forbidden");
        assertProblem(s.post("/api/real-trading/start", s.token("trader"), ""), 403, "forbidden");
        assertProblem(s.send("PATCH", "/api/trading-safety/configuration", s.token("trader"), "{\"max_slippage_pct\":0.5}"), 403, "forbidden");
        assertProblem(s.post("/api/trading-safety/reset-kill-switch", s.token("trader"), ""), 403, "forbidden");
        assertProblem(s.post("/api/real-trading/emergency-stop/reset", s.token("trader"), ""), 403, "forbidden");
        assertThat(s.engine.calls()).hasSize(before);
        // and the roles above pass
        assertThat(s.post("/api/real-trading/order/market", s.token("trader"), ORDER).statusCode()).isEqualTo(200);
        assertThat(s.post("/api/real-trading/start", s.token("admin"), "").statusCode()).isEqualTo(200);
        assertThat(s.get("/api/real-trading/positions", s.token("viewer")).statusCode()).isEqualTo(200);
    }

    @Test
    void health_is_public_and_unknown_paths_are_problem_404() {
        assertThat(s.get("/health", null).statusCode()).isEqualTo(200);
        assertProblem(s.get("/api/nothing-here", s.token("viewer")), 404, "not_found");
    }

    @Test
    void the_signing_key_is_kept_in_a_file_only_its_owner_can_read() throws Exception {
        var file = s.dataDir.resolve("secrets/jwt-signing.key");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        // a restart with the same data dir accepts tokens issued before it
        assertThat(new FileSecretStore(s.dataDir.resolve("secrets")).getOrCreate("jwt-signing", 32)).isEqualTo(serverKey());
    }

    @Test
    void passwords_and_tokens_never_reach_responses_or_logs() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        try {
            String secretPassword = "Very-Secret-Pass-42";
            HttpResponse<String> failed = s.post("/api/auth/login", null, "{\"username\":\"admin\",\"password\":\"" + secretPassword + "\"}");
            HttpResponse<String> ok = s.post("/api/auth/login", null, "{\"username\":\"admin\",\"password\":\"admin-password-1\"}");
            String access = TestServer.json(ok).get("access_token").asText();
            HttpResponse<String> denied = s.get("/api/real-trading/status", access + "x");
            s.get("/api/real-trading/status", access);
            assertThat(failed.body()).doesNotContain(secretPassword);
            assertThat(denied.body()).doesNotContain(access);
            assertThat(ok.body()).doesNotContain("admin-password-1").doesNotContain("argon2");
            String logs = String.join("\n", captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
            assertThat(captured.list).isNotEmpty();
            assertThat(logs).doesNotContain(secretPassword).doesNotContain("admin-password-1").doesNotContain(access)
                    .doesNotContain("argon2").doesNotContain(Base64.getEncoder().encodeToString(serverKey()));
        } finally {
            root.detachAppender(captured);
        }
    }

    // ---- helpers

    private static byte[] serverKey() {
        return new FileSecretStore(s.dataDir.resolve("secrets")).getOrCreate("jwt-signing", 32);
    }

    private static JWTClaimsSet.Builder validClaimsBuilder() {
        Instant now = s.clock.instant();
        return new JWTClaimsSet.Builder().issuer("tradeguard").audience("tradeguard-api").subject("admin")
                .claim("role", "admin").issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).jwtID(UUID.randomUUID().toString());
    }

    private static String validClaims() {
        return validClaimsBuilder().build().toString();
    }

    private static String sign(byte[] key, JWSAlgorithm alg, UnaryOperator<JWTClaimsSet.Builder> change) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(alg), change.apply(validClaimsBuilder()).build());
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
