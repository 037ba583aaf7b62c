package io.tradeguard.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.sim.ExchangeSimulator;
import io.tradeguard.sim.SimAccount;
import io.tradeguard.sim.SimConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.tradeguard.app.service.ServiceEndToEndTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code --venue custom} against a simulator running on its own (as crash tests use it): a live venue, so
 * trading starts disabled until it is enabled; then signals, emergency stop and its reset through the API.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CustomVenueTest {
    @TempDir
    static Path dataDir;
    static ExchangeSimulator sim;
    static Service service;
    static Client client;

    record Client(int port, String token) {
        JsonNode call(String method, String path, String body, int expected) {
            var r = ServiceEndToEndTest.sendTo(port, method, path, token, body);
            assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
            return r.body().isEmpty() ? null : json(r);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        sim = ExchangeSimulator.start(SimConfig.defaults().withPort(0).withAdminToken("custom-venue-test"));
        SimAccount account = sim.createAccount(Map.of("USDT", new BigDecimal("5000")));
        Map<String, String> env = Map.of(
                "TRADEGUARD_SPOT_REST_URL", sim.baseUrl(),
                "TRADEGUARD_SPOT_WS_API_URL", sim.wsBaseUrl() + "/ws-api/v3",
                "TRADEGUARD_SPOT_STREAM_URL", sim.wsBaseUrl(),
                "TRADEGUARD_API_KEY", account.apiKey(),
                "TRADEGUARD_API_SECRET", account.secretKey(),
                "TRADEGUARD_ADMIN_PASSWORD", ServiceEndToEndTest.PASSWORD,
                "TRADEGUARD_MODE", "hybrid");
        service = Service.start(ServiceSettings.resolve(new ServiceSettings.Flags(null, 0, dataDir, "custom", null, null, null), env),
                new PrintStream(new ByteArrayOutputStream()));
        var login = ServiceEndToEndTest.sendTo(service.port(), "POST", "/api/auth/login", null,
                "{\"username\":\"admin\",\"password\":\"" + ServiceEndToEndTest.PASSWORD + "\"}");
        client = new Client(service.port(), json(login).get("access_token").asText());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    @Order(1) // before any test starts trading
    void a_live_venue_starts_with_trading_disabled_until_it_is_started() {
        assertThat(client.call("GET", "/api/real-trading/status", null, 200).get("trading_enabled").asBoolean()).isFalse();
        String order = "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"0.001\",\"price\":\"20000\"}";
        JsonNode refused = client.call("POST", "/api/real-trading/order/limit", order, 409);
        assertThat(refused.get("type").asText()).endsWith("trading_stopped");
        assertThat(client.call("GET", "/api/real-trading/orders", null, 200).get("total").asLong()).isZero();

        assertThat(client.call("POST", "/api/real-trading/start", "{}", 200).get("trading_enabled").asBoolean()).isTrue();
        JsonNode placed = client.call("POST", "/api/real-trading/order/limit", order, 200);
        // cancelled at once, possibly before the venue acknowledged it: the engine still cancels it
        String id = placed.get("order_id").asText();
        client.call("DELETE", "/api/real-trading/order/" + id, null, 200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                client.call("GET", "/api/real-trading/orders?status=closed", null, 200).get("items").toString())
                .contains("\"order_id\":\"" + id + "\"").contains("CANCELED"));
        assertThat(client.call("GET", "/api/real-trading/orders?status=open", null, 200).get("total").asLong()).isZero();
    }

    @Test
    void a_signal_is_decided_and_listed_and_a_low_confidence_one_is_ignored() {
        String signal = "{\"id\":\"sig-low-1\",\"symbol\":\"BTCUSDT\",\"direction\":\"LONG\",\"confidence\":0.2,"
                + "\"strategy\":\"test\",\"time\":\"" + Instant.now() + "\"}";
        JsonNode decision = client.call("POST", "/api/signals", signal, 200);
        assertThat(decision.get("decision").asText()).isEqualTo("ignored");
        assertThat(decision.get("reason").asText()).contains("confidence");
        JsonNode recent = client.call("GET", "/api/signals", null, 200);
        assertThat(recent.toString()).contains("sig-low-1");

        String nameless = "{\"id\":\"sig-bad-1\",\"symbol\":\"BTCUSDT\",\"direction\":\"LONG\",\"confidence\":0.9,\"time\":\""
                + Instant.now() + "\"}";
        JsonNode rejected = client.call("POST", "/api/signals", nameless, 200);
        assertThat(rejected.get("decision").asText()).isEqualTo("rejected");
        assertThat(rejected.get("reason").asText()).contains("strategy");
        assertThat(client.call("GET", "/api/real-trading/orders", null, 200).get("items").toString()).doesNotContain("sig-bad-1");
    }

    @Test
    void an_emergency_stop_cancels_open_orders_halts_trading_until_an_admin_resets_it() {
        client.call("POST", "/api/real-trading/start", "{}", 200);
        String order = "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"0.001\",\"price\":\"20000\"}";
        String id = client.call("POST", "/api/real-trading/order/limit", order, 200).get("order_id").asText();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                client.call("GET", "/api/real-trading/orders?status=open", null, 200).get("items").toString()).contains("\"NEW\""));

        JsonNode report = client.call("POST", "/api/real-trading/emergency-stop", "{\"reason\":\"test\"}", 200);
        assertThat(report.get("orders_cancelled").asInt()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                client.call("GET", "/api/real-trading/orders?status=closed", null, 200).get("items").toString())
                .contains("\"order_id\":\"" + id + "\"").contains("CANCELED"));
        assertThat(client.call("GET", "/api/real-trading/status", null, 200).get("emergency_halt").asBoolean()).isTrue();
        JsonNode halted = client.call("POST", "/api/real-trading/order/limit", order, 409);
        assertThat(halted.get("type").asText()).endsWith("trading_halted");

        client.call("POST", "/api/real-trading/emergency-stop/reset", "{}", 200);
        assertThat(client.call("GET", "/api/real-trading/status", null, 200).get("emergency_halt").asBoolean()).isFalse();
        String again = client.call("POST", "/api/real-trading/order/limit", order, 200).get("order_id").asText();
        client.call("DELETE", "/api/real-trading/order/" + again, null, 200);
    }

    @Test
    void the_kill_switch_reset_is_refused_when_it_is_not_active() {
        JsonNode refused = client.call("POST", "/api/trading-safety/reset-kill-switch", "{}", 409);
        assertThat(refused.get("detail").asText()).contains("not active");
    }
}
