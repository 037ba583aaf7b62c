package io.tradeguard.app.learning;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeguard.app.service.Service;
import io.tradeguard.app.service.ServiceSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real service in-process with the embedded simulator: a position the engine opened is closed by a SELL
 * made "in the Binance app" (the simulator's external-order control call); after a reconciliation the
 * manual-trades endpoint and its exports hold a learning record with the round trip's P&L net of fees.
 */
class ManualTradeLearningEndToEndTest {
    static final String PASSWORD = "learning-end-to-end-password-1";
    static final String SIM_TOKEN = "learning-sim-admin-token";
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dataDir;
    static Service service;
    static int simPort;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            simPort = s.getLocalPort();
        }
        // the demo strategy would trade BTCUSDT in the background
        Path config = Files.writeString(dataDir.resolve("tradeguard.yaml"),
                "risk:\n  auto_adjust_size: false\nsignals:\n  demo-strategy: false\n");
        ServiceSettings settings = ServiceSettings.resolve(
                new ServiceSettings.Flags(config, 0, dataDir.resolve("data"), "sim", simPort, SIM_TOKEN, null),
                Map.of("TRADEGUARD_ADMIN_PASSWORD", PASSWORD));
        service = Service.start(settings, new PrintStream(new ByteArrayOutputStream()));
        HttpResponse<String> login = api("POST", "/api/auth/login", "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        token = json(login).get("access_token").asText();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void a_position_closed_in_the_binance_app_yields_a_learning_record_and_a_foreign_symbol_counts_as_unmatched()
            throws Exception {
        // given a position the engine opened
        // (right after the start the engine may not know a price yet and refuses market orders; nothing is placed then)
        HttpResponse<String> placed = await().atMost(Duration.ofSeconds(15)).until(
                () -> api("POST", "/api/real-trading/order/market",
                        "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"0.01\",\"protection\":false}"),
                r -> !(r.statusCode() == 409 && r.body().contains("no price of BTCUSDT is known yet")));
        assertThat(placed.statusCode()).as(placed.body()).isBetween(200, 201);
        String positionId = await().atMost(Duration.ofSeconds(15)).until(() -> {
            JsonNode positions = json(api("GET", "/api/real-trading/positions", null));
            for (JsonNode p : positions.isArray() ? positions : positions.path("items")) {
                if (p.path("symbol").asText().equals("BTCUSDT")
                        // the position is what the wallet holds: 0.01 bought minus the 0.1% commission taken in BTC
                        && p.path("quantity").decimalValue().compareTo(new BigDecimal("0.00999")) == 0) {
                    return p.path("position_id").asText();
                }
            }
            return null;
        }, id -> id != null);
        JsonNode before = json(api("GET", "/api/real-trading/manual-trades", null));
        assertThat(before.path("learning_records")).isEmpty();

        // when the whole position is sold from the Binance app, and one more order is made there on a symbol
        // where the engine holds nothing
        String apiKey = json(sim("GET", "/sim/v1/state", null)).findValuesAsText("api_key").get(0);
        HttpResponse<String> sell = sim("POST", "/sim/v1/external-order", "{\"api_key\":\"" + apiKey
                + "\",\"symbol\":\"BTCUSDT\",\"side\":\"SELL\",\"type\":\"MARKET\",\"quantity\":\"0.00999\"}");
        assertThat(sell.statusCode()).as(sell.body()).isBetween(200, 201);
        HttpResponse<String> other = sim("POST", "/sim/v1/external-order", "{\"api_key\":\"" + apiKey
                + "\",\"symbol\":\"ETHUSDT\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"0.01\"}");
        assertThat(other.statusCode()).as(other.body()).isBetween(200, 201);
        // and the engine reconciles (as it does after every reconnect and every few minutes)
        service.reconcileNow().get(15, TimeUnit.SECONDS);

        // then the manual-trades endpoint has one learning record for the position, and the counters
        JsonNode report = await().atMost(Duration.ofSeconds(15)).until(
                () -> json(api("GET", "/api/real-trading/manual-trades", null)),
                r -> r.path("learning_records").size() == 1 && r.path("detected").asInt() == 2);
        assertThat(report.path("matched").asInt()).as(report.toString()).isEqualTo(1);
        assertThat(report.path("unmatched").asInt()).as(report.toString()).isEqualTo(1);
        JsonNode record = report.path("learning_records").get(0);
        assertThat(record.path("manual_closure").asBoolean()).isTrue();
        assertThat(record.path("reason").asText()).isEqualTo("MANUAL_INTERVENTION");
        assertThat(record.path("position_id").asText()).isEqualTo(positionId);
        assertThat(record.path("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(record.path("fully_closed").asBoolean()).isTrue();
        assertThat(record.path("quantity").decimalValue()).isEqualByComparingTo("0.00999");
        assertThat(record.path("strategy").asText()).startsWith("MANUAL");

        // and its P&L is the round trip's, net of both sides' fees, worked out here from the venue's fills
        BigDecimal expected = netPnl(json(api("GET", "/api/real-trading/orders?status=closed&symbol=BTCUSDT", null)));
        assertThat(record.path("realized_pnl").decimalValue()).isEqualByComparingTo(expected);
        assertThat(record.path("exit_price").decimalValue()).isPositive();
        JsonNode trade = findTrade(positionId);
        assertThat(trade.path("realized_pnl").decimalValue()).isEqualByComparingTo(expected);

        // and the exports carry the same record
        HttpResponse<String> jsonl = api("GET", "/api/real-trading/manual-trades/export?format=jsonl", null);
        assertThat(jsonl.statusCode()).isEqualTo(200);
        assertThat(jsonl.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        List<String> lines = jsonl.body().lines().toList();
        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.get(0));
        assertThat(line.path("manual_closure").asBoolean()).isTrue();
        assertThat(line.path("realized_pnl").decimalValue()).isEqualByComparingTo(expected);

        HttpResponse<String> csv = api("GET", "/api/real-trading/manual-trades/export?format=csv", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> rows = csv.body().lines().toList();
        assertThat(rows).hasSize(2);
        List<String> header = List.of(rows.get(0).split(","));
        List<String> cells = List.of(rows.get(1).split(",", -1));
        assertThat(cells).hasSameSizeAs(header);
        assertThat(cells.get(header.indexOf("manual_closure"))).isEqualTo("true");
        assertThat(cells.get(header.indexOf("position_id"))).isEqualTo(positionId);
        assertThat(new BigDecimal(cells.get(header.indexOf("realized_pnl")))).isEqualByComparingTo(expected);

        assertThat(api("GET", "/api/real-trading/manual-trades/export?format=xml", null).statusCode()).isEqualTo(400);
    }

    /** Sum over the BTCUSDT fills: sells minus buys, minus every commission priced in USDT. */
    private static BigDecimal netPnl(JsonNode closedOrders) {
        BigDecimal pnl = BigDecimal.ZERO;
        int orders = 0;
        for (JsonNode o : closedOrders.path("items")) {
            if (!o.path("status").asText().equals("FILLED")) {
                continue;
            }
            orders++;
            boolean buy = o.path("side").asText().equals("BUY");
            for (JsonNode f : o.path("fills")) {
                BigDecimal price = f.path("price").decimalValue();
                BigDecimal notional = price.multiply(f.path("quantity").decimalValue());
                pnl = buy ? pnl.subtract(notional) : pnl.add(notional);
                BigDecimal commission = f.path("commission").decimalValue();
                String asset = f.path("commission_asset").asText();
                // the round trip is flat in BTC: the buy's BTC commission is why only 0.00999 of the 0.01 bought
                // could be sold, so it is already in the notionals (paid 0.01 x p1, received 0.00999 x p2);
                // only the USDT commissions come off on top
                if (asset.equals("USDT")) {
                    pnl = pnl.subtract(commission);
                }
                assertThat(asset).isIn("BTC", "USDT");
            }
        }
        assertThat(orders).as(closedOrders.toString()).isEqualTo(2);
        return pnl;
    }

    private static JsonNode findTrade(String positionId) {
        JsonNode trades = json(api("GET", "/api/real-trading/trades", null));
        for (JsonNode t : trades.path("items")) {
            if (t.path("position_id").asText().equals(positionId)) {
                return t;
            }
        }
        throw new AssertionError("no trade for position " + positionId + " in " + trades);
    }

    static HttpResponse<String> api(String method, String path, String body) {
        return send(URI.create("http://127.0.0.1:" + service.port() + path), method, body,
                token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    static HttpResponse<String> sim(String method, String path, String body) {
        return send(URI.create("http://127.0.0.1:" + simPort + path), method, body, Map.of("X-Sim-Admin", SIM_TOKEN));
    }

    static HttpResponse<String> send(URI uri, String method, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15));
        headers.forEach(b::header);
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
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
