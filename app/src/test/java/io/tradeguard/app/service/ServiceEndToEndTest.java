package io.tradeguard.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real service in-process: embedded simulator, Binance client, SQLite journal in a temp dir, API on a free
 * port; driven only through HTTP and WebSocket, as a client would.
 */
class ServiceEndToEndTest {
    static final String PASSWORD = "end-to-end-password-1";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dataDir;
    static Service service;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        // rules refuse rather than shrink an order, so that a refusal can be seen
        // the demo strategy would trade BTCUSDT in the background
        Path config = java.nio.file.Files.writeString(dataDir.resolve("tradeguard.yaml"),
                "risk:\n  auto_adjust_size: false\nsignals:\n  demo-strategy: false\n");
        ServiceSettings settings = ServiceSettings.resolve(
                new ServiceSettings.Flags(config, 0, dataDir.resolve("data"), "sim", null, null, null),
                Map.of("TRADEGUARD_ADMIN_PASSWORD", PASSWORD));
        service = Service.start(settings, new PrintStream(new ByteArrayOutputStream()));
        token = login();
        // "ready" means the engine runs; the first prices and books of the held assets arrive over the streams
        // a moment later (seconds on a loaded machine), and until then the rules refuse orders, saying why
        await().atMost(Duration.ofSeconds(60)).until(() -> send("POST", "/api/real-trading/order/preview", token,
                "{\"symbol\":\"ETHUSDT\",\"side\":\"BUY\",\"order_type\":\"MARKET\",\"quantity\":\"0.01\"}")
                .statusCode() == 200 && json(send("POST", "/api/real-trading/order/preview", token,
                "{\"symbol\":\"ETHUSDT\",\"side\":\"BUY\",\"order_type\":\"MARKET\",\"quantity\":\"0.01\"}"))
                .at("/verdict/approved").asBoolean());
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void without_a_token_the_api_answers_401_problem_json() {
        HttpResponse<String> r = send("GET", "/api/real-trading/status", null, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(send("GET", "/api/real-trading/status", "not-a-token", null).statusCode()).isEqualTo(401);
    }

    @Test
    void a_previewed_limit_order_is_placed_with_its_token_shows_as_open_and_is_cancelled() {
        // given a limit buy far below the market, previewed
        HttpResponse<String> preview = send("POST", "/api/real-trading/order/preview", token,
                "{\"symbol\":\"BTCUSDT\",\"side\":\"buy\",\"order_type\":\"LIMIT\",\"quantity\":\"0.0010004\",\"price\":\"20000.004\"}");
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode p = json(preview);
        assertThat(p.at("/verdict/approved").asBoolean()).isTrue();
        assertThat(p.at("/verdict/score").asInt()).isBetween(0, 100);
        assertThat(p.at("/verdict/rules")).hasSizeGreaterThan(3);
        assertThat(p.at("/order/quantity").decimalValue()).isEqualByComparingTo("0.001");
        assertThat(p.at("/order/price").decimalValue()).isEqualByComparingTo("20000");
        assertThat(p.at("/fees/amount").decimalValue()).isEqualByComparingTo("0.02");

        // when it is placed exactly as previewed, with the token
        HttpResponse<String> placed = send("POST", "/api/real-trading/order/limit", token,
                "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"" + p.at("/order/quantity").decimalValue().toPlainString()
                        + "\",\"price\":\"" + p.at("/order/price").decimalValue().toPlainString()
                        + "\",\"confirmation_token\":\"" + p.get("confirmation_token").asText() + "\"}");
        assertThat(placed.statusCode()).as(placed.body()).isBetween(200, 201);
        String orderId = json(placed).get("order_id").asText();

        // then it is open on the venue
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode open = json(send("GET", "/api/real-trading/orders?status=open&symbol=BTCUSDT", token, null));
            assertThat(open.get("items").findValuesAsText("order_id")).contains(orderId);
            assertThat(statusOf(open, orderId)).isEqualTo("NEW");
        });
        // and the token cannot be used twice
        assertThat(send("POST", "/api/real-trading/order/limit", token,
                "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"0.001\",\"price\":\"20000\",\"confirmation_token\":\""
                        + p.get("confirmation_token").asText() + "\"}").statusCode()).isEqualTo(409);

        // when it is cancelled by id, it leaves the open orders and is CANCELED in the history
        HttpResponse<String> cancelled = send("DELETE", "/api/real-trading/order/" + orderId, token, null);
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode done = json(send("GET", "/api/real-trading/orders?status=closed", token, null));
            assertThat(statusOf(done, orderId)).isEqualTo("CANCELED");
        });
        JsonNode stillOpen = json(send("GET", "/api/real-trading/orders?status=open", token, null));
        assertThat(stillOpen.get("items").findValuesAsText("order_id")).as(stillOpen.toString()).doesNotContain(orderId);
    }

    @Test
    void a_market_order_fills_and_the_websocket_feed_reports_the_fill_and_the_position() throws Exception {
        List<String> frames = new CopyOnWriteArrayList<>();
        WebSocket ws = HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(URI.create("ws://127.0.0.1:" + service.port() + "/ws"), collector(frames))
                .orTimeout(10, TimeUnit.SECONDS).join();
        try {
            HttpResponse<String> placed = send("POST", "/api/real-trading/order/market", token,
                    "{\"symbol\":\"ETHUSDT\",\"side\":\"BUY\",\"quantity\":\"0.01\"}");
            assertThat(placed.statusCode()).as(placed.body()).isBetween(200, 201);
            String orderId = json(placed).get("order_id").asText();

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                List<JsonNode> events = frames.stream().map(ServiceEndToEndTest::parse).toList();
                assertThat(events).anySatisfy(e -> {
                    assertThat(e.get("type").asText()).isEqualTo("OrderFilled");
                    assertThat(e.at("/data/order/order_id").asText()).isEqualTo(orderId);
                    assertThat(e.at("/data/order/filled_quantity").decimalValue()).isEqualByComparingTo("0.01");
                });
                assertThat(events).anySatisfy(e -> {
                    assertThat(e.get("type").asText()).isIn("PositionOpened", "PositionUpdated");
                    assertThat(e.at("/data/position/symbol").asText()).isEqualTo("ETHUSDT");
                });
            });
            JsonNode positions = json(send("GET", "/api/real-trading/positions", token, null));
            assertThat(positions.findValuesAsText("symbol")).contains("ETHUSDT");
            String metrics = send("GET", "/metrics", token, null).body();
            assertThat(metrics).contains("tradeguard_orders_total{status=\"filled\"}").contains("tradeguard_fills_total")
                    .contains("tradeguard_engine_command_seconds_count{command=\"PlaceOrder\"}");
        } finally {
            ws.abort();
        }
    }

    @Test
    void an_order_over_the_position_cap_is_refused_with_422_listing_the_rules_and_nothing_is_sent() {
        long before = json(send("GET", "/api/real-trading/orders", token, null)).get("total").asLong();
        // 0.5 BTC at 20,000 = 10,000 USDT: over the 1,000 USDT cap and the 10 % of equity
        HttpResponse<String> r = send("POST", "/api/real-trading/order/limit", token,
                "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"0.5\",\"price\":\"20000\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        List<String> rules = json(r).get("violations").findValuesAsText("rule");
        assertThat(rules).contains("position_size_cap", "position_size");
        assertThat(json(send("GET", "/api/real-trading/orders", token, null)).get("total").asLong()).isEqualTo(before);
    }

    @Test
    void health_reports_every_component_up() {
        JsonNode health = json(send("GET", "/health", null, null));
        assertThat(health.get("components").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("engine", "exchange_connection", "streams", "database", "last_reconciliation");
        assertThat(health.at("/components/engine/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/database/status").asText()).isEqualTo("UP");
    }

    private static String statusOf(JsonNode page, String orderId) {
        for (JsonNode item : page.get("items")) {
            if (item.get("order_id").asText().equals(orderId)) {
                return item.get("status").asText();
            }
        }
        return null;
    }

    private static String login() {
        HttpResponse<String> r = send("POST", "/api/auth/login", null, "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).get("access_token").asText();
    }

    static HttpResponse<String> send(String method, String path, String bearer, String body) {
        return sendTo(service.port(), method, path, bearer, body);
    }

    static HttpResponse<String> sendTo(int port, String method, String path, String bearer, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(15));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        return parse(r.body());
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    private static WebSocket.Listener collector(List<String> frames) {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public void onOpen(WebSocket ws) {
                ws.request(1);
            }

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    frames.add(partial.toString());
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }
        };
    }

}
