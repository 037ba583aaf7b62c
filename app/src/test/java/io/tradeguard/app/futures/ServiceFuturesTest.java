package io.tradeguard.app.futures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeguard.app.service.Service;
import io.tradeguard.app.service.ServiceSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service with its embedded simulator trades futures next to spot through the HTTP API: a futures order at
 * its own leverage, the position with leverage, margin type, mark price and unrealized P&L, the cap refusal.
 */
class ServiceFuturesTest {
    private static final String PASSWORD = "futures-end-to-end-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void a_futures_order_opens_a_position_shown_with_leverage_margin_type_and_mark(@TempDir Path dir) throws Exception {
        int simPort;
        try (ServerSocket free = new ServerSocket(0)) {
            simPort = free.getLocalPort();
        }
        ServiceSettings settings = ServiceSettings.resolve(
                new ServiceSettings.Flags(null, 0, dir.resolve("data"), "sim", simPort, "admin-token", null),
                Map.of("TRADEGUARD_ADMIN_PASSWORD", PASSWORD));
        try (Service service = Service.start(settings, new PrintStream(new ByteArrayOutputStream()))) {
            String token = JSON.readTree(send(service, "POST", "/api/auth/login", null,
                    "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}").body()).get("access_token").asText();
            BigDecimal mark = new BigDecimal(JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + simPort + "/fapi/v1/premiumIndex?symbol=BTCUSDT")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("markPrice").asText());
            String limit = mark.multiply(new BigDecimal("1.002")).setScale(1, RoundingMode.UP).toPlainString();

            HttpResponse<String> overCap = send(service, "POST", "/api/real-trading/order/limit", token,
                    "{\"symbol\":\"BTCUSDT\",\"market\":\"futures\",\"side\":\"BUY\",\"quantity\":\"0.005\",\"price\":\""
                            + limit + "\",\"leverage\":15}");
            assertThat(overCap.statusCode()).as(overCap.body()).isIn(409, 422);
            assertThat(overCap.body()).contains("cap of 10x");

            // the first prices arrive a moment after start (seconds on a loaded machine): until then the rules refuse,
            // saying why
            await().atMost(Duration.ofSeconds(60)).until(() -> send(service, "POST", "/api/real-trading/order/limit", token,
                    "{\"symbol\":\"BTCUSDT\",\"market\":\"futures\",\"side\":\"BUY\",\"quantity\":\"0.005\",\"price\":\""
                            + limit + "\",\"leverage\":5}").statusCode() / 100 == 2);
            await().atMost(Duration.ofSeconds(15)).until(() -> futuresPosition(service, token) != null
                    && futuresPosition(service, token).hasNonNull("mark_price"));
            JsonNode position = futuresPosition(service, token);
            assertThat(position.get("leverage").asInt()).isEqualTo(5);
            assertThat(position.get("side").asText()).isEqualTo("LONG");
            assertThat(position.get("quantity").decimalValue()).isEqualByComparingTo("0.005");
            assertThat(position.get("unrealized_pnl").isNull()).isFalse();
            await().atMost(Duration.ofSeconds(15)).until(() -> futuresPosition(service, token).hasNonNull("margin_type"));
            assertThat(futuresPosition(service, token).get("margin_type").asText()).isEqualTo("CROSSED");
            // a futures market order's preview: judged on the contract's book, its fee at the futures taker rate (0.05 %,
            // the account's own from /fapi/v1/commissionRate), not the spot pair's 0.1 %
            JsonNode preview = JSON.readTree(send(service, "POST", "/api/real-trading/order/preview", token,
                    "{\"symbol\":\"BTCUSDT\",\"market\":\"futures\",\"side\":\"BUY\",\"order_type\":\"MARKET\","
                            + "\"quantity\":\"0.005\",\"leverage\":5}").body());
            assertThat(preview.at("/fees/rate").decimalValue()).as(preview.toString()).isEqualByComparingTo("0.0005");
            assertThat(preview.at("/verdict/approved").asBoolean()).as(preview.toString()).isTrue();
            // the futures wallet of the demo account is part of the balances
            JsonNode balances = JSON.readTree(send(service, "GET", "/api/real-trading/balance", token, null).body());
            assertThat(balances.toString().toLowerCase(java.util.Locale.ROOT)).contains("futures").contains("usdt");
        }
    }

    private static JsonNode futuresPosition(Service service, String token) throws Exception {
        for (JsonNode p : JSON.readTree(send(service, "GET", "/api/real-trading/positions", token, null).body())) {
            if (p.get("market").asText().equalsIgnoreCase("futures") && p.get("symbol").asText().equals("BTCUSDT")) {
                return p;
            }
        }
        return null;
    }

    private static HttpResponse<String> send(Service service, String method, String path, String bearer, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + path))
                .timeout(Duration.ofSeconds(15));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
