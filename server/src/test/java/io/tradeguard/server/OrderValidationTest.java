package io.tradeguard.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.server.order.OrderIntent;
import io.tradeguard.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static io.tradeguard.server.support.Problems.assertFieldError;
import static io.tradeguard.server.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Order bodies that must never reach the engine, and ones that must reach it exactly as sent. */
class OrderValidationTest {
    static TestServer s;
    static String trader;
    int callsBefore;

    @BeforeAll
    static void start() {
        s = new TestServer();
        trader = s.token("trader");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    private HttpResponse<String> market(String body) {
        callsBefore = s.engine.calls("place").size();
        return s.post("/api/real-trading/order/market", trader, body);
    }

    private HttpResponse<String> limit(String body) {
        callsBefore = s.engine.calls("place").size();
        return s.post("/api/real-trading/order/limit", trader, body);
    }

    private void assertNothingPlaced() {
        assertThat(s.engine.calls("place")).hasSize(callsBefore);
    }

    @Test
    void a_valid_market_order_reaches_the_engine_normalised() {
        HttpResponse<String> r = market("{\"symbol\":\"btcusdt\",\"side\":\"Buy\",\"quantity\":\"0.0100\",\"client_order_id\":\"my-1\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        OrderIntent placed = (OrderIntent) s.engine.calls("place").getLast().argument();
        assertThat(placed.symbol().value()).isEqualTo("BTCUSDT");
        assertThat(placed.side().name()).isEqualTo("BUY");
        assertThat(placed.quantity()).isEqualByComparingTo("0.01");
        assertThat(placed.protection()).isTrue();
        assertThat(s.engine.calls("place").getLast().by().username().value()).isEqualTo("trader");
        JsonNode order = TestServer.json(r);
        assertThat(order.get("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(order.get("market").asText()).isEqualTo("spot");
        assertThat(order.get("client_order_id").asText()).isEqualTo("my-1");
        assertThat(order.get("origin").asText()).isEqualTo("manual");
    }

    @Test
    void decimals_are_exact_both_ways() {
        HttpResponse<String> r = limit("{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":0.1,\"price\":65000.123456789012345678}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        OrderIntent placed = (OrderIntent) s.engine.calls("place").getLast().argument();
        assertThat(placed.price()).isEqualTo(new BigDecimal("65000.123456789012345678"));
        assertThat(r.body()).contains("65000.123456789012345678").contains("\"quantity\":0.1");
        // BigDecimal balances are written as JSON numbers, not strings and not through double
        assertThat(s.get("/api/real-trading/balance", trader).body()).contains("\"free\":10000.00000001");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "negative quantity | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":-1} | quantity",
            "zero quantity | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":0} | quantity",
            "negative zero | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":-0.0} | quantity",
            "NaN as string | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"NaN\"} | quantity",
            "Infinity as string | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"Infinity\"} | quantity",
            "exponent overflow | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1e400} | quantity",
            "exponent underflow | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1e-400} | quantity",
            "exponent in string | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"1e3\"} | quantity",
            "absurd quantity | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1000000000000000000} | quantity",
            "quantity as boolean | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":true} | quantity",
            "missing quantity | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\"} | quantity",
            "both quantities | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1,\"quote_quantity\":100} | quote_quantity",
            "futures quote quantity | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quote_quantity\":100,\"market\":\"futures\"} | quote_quantity",
            "missing side | {\"symbol\":\"BTCUSDT\",\"quantity\":1} | side",
            "bad side | {\"symbol\":\"BTCUSDT\",\"side\":\"HOLD\",\"quantity\":1} | side",
            "missing symbol | {\"side\":\"BUY\",\"quantity\":1} | symbol",
            "bad symbol | {\"symbol\":\"BTC/USDT\",\"side\":\"BUY\",\"quantity\":1} | symbol",
            "symbol as number | {\"symbol\":42,\"side\":\"BUY\",\"quantity\":1} | symbol",
            "bad market | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1,\"market\":\"margin\"} | market",
            "price on market order | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1,\"price\":100} | price",
            "leverage on spot | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1,\"leverage\":5} | leverage",
            "leverage too high | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1,\"market\":\"futures\",\"leverage\":500} | leverage",
            "fractional leverage | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1,\"market\":\"futures\",\"leverage\":2.5} | leverage",
            "reduce-only on spot | {\"symbol\":\"BTCUSDT\",\"side\":\"SELL\",\"quantity\":1,\"reduce_only\":true} | reduce_only",
            "bad client order id | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1,\"client_order_id\":\"has space\"} | client_order_id",
            "unknown field | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1,\"stop_los\":90} | stop_los",
            "protection off with stop | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1,\"protection\":false,\"stop_loss\":90} | stop_loss",
            "wrong order_type | {\"order_type\":\"limit\",\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1} | order_type",
    })
    void a_bad_market_order_is_a_400_naming_the_field(String name, String body, String field) {
        assertFieldError(market(body), field);
        assertNothingPlaced();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing price | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1} | price",
            "zero price | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1,\"price\":0} | price",
            "stop-loss above a long's entry | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1,\"price\":100,\"stop_loss\":110} | stop_loss",
            "take-profit below a long's entry | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1,\"price\":100,\"take_profit\":90} | take_profit",
            "bad time in force | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1,\"price\":100,\"time_in_force\":\"DAY\"} | time_in_force",
            "GTX on spot | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1,\"price\":100,\"time_in_force\":\"GTX\"} | time_in_force",
            "trailing delta on a limit | {\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1,\"price\":100,\"trailing_delta\":100} | trailing_delta",
    })
    void a_bad_limit_order_is_a_400_naming_the_field(String name, String body, String field) {
        assertFieldError(limit(body), field);
        assertNothingPlaced();
    }

    @Test
    void the_other_order_forms_check_their_own_fields() {
        int before = s.engine.calls("place").size();
        assertFieldError(s.post("/api/real-trading/order/stop-loss", trader, "{\"symbol\":\"BTCUSDT\",\"side\":\"SELL\",\"quantity\":1}"), "stop_price");
        assertFieldError(s.post("/api/real-trading/order/oco", trader,
                "{\"symbol\":\"BTCUSDT\",\"side\":\"SELL\",\"quantity\":1,\"price\":90,\"stop_price\":100}"), "stop_price");
        assertFieldError(s.post("/api/real-trading/order/oco", trader,
                "{\"symbol\":\"BTCUSDT\",\"side\":\"SELL\",\"quantity\":1,\"price\":110,\"stop_price\":100,\"market\":\"futures\"}"), "market");
        assertFieldError(s.post("/api/real-trading/order/trailing-stop", trader,
                "{\"symbol\":\"BTCUSDT\",\"side\":\"SELL\",\"quantity\":1,\"callback_rate\":1}"), "trailing_delta");
        assertFieldError(s.post("/api/real-trading/order/trailing-stop", trader,
                "{\"symbol\":\"BTCUSDT\",\"side\":\"SELL\",\"quantity\":1,\"market\":\"futures\",\"callback_rate\":11}"), "callback_rate");
        assertThat(s.engine.calls("place")).hasSize(before);

        assertThat(s.post("/api/real-trading/order/trailing-stop", trader,
                "{\"symbol\":\"BTCUSDT\",\"side\":\"SELL\",\"quantity\":1,\"market\":\"futures\",\"callback_rate\":1.5,\"reduce_only\":true}").statusCode()).isEqualTo(200);
        OrderIntent trailing = (OrderIntent) s.engine.calls("place").getLast().argument();
        assertThat(trailing.type().name()).isEqualTo("TRAILING_STOP_MARKET");
        assertThat(s.post("/api/real-trading/order/stop-loss", trader,
                "{\"symbol\":\"BTCUSDT\",\"side\":\"SELL\",\"quantity\":1,\"stop_price\":95,\"price\":94}").statusCode()).isEqualTo(200);
        OrderIntent stopLimit = (OrderIntent) s.engine.calls("place").getLast().argument();
        assertThat(stopLimit.type().name()).isEqualTo("STOP_LOSS_LIMIT");
        assertThat(stopLimit.timeInForce().name()).isEqualTo("GTC");
    }

    @Test
    void every_bad_field_is_listed_at_once() {
        JsonNode p = assertFieldError(limit("{\"symbol\":\"??\",\"side\":\"up\",\"quantity\":-5,\"price\":\"abc\",\"extra\":1}"), "symbol");
        assertThat(p.get("errors")).hasSize(5);
        assertThat(p.get("detail").asText()).startsWith("5 fields are invalid");
        assertNothingPlaced();
    }

    @Test
    void sql_injection_looking_strings_are_plain_data() {
        // a legal client order id that looks like SQL goes through unchanged; one that is not legal is refused by shape
        assertThat(market("{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1,\"client_order_id\":\"x--1;drop\"}").statusCode()).isEqualTo(400);
        assertNothingPlaced();
        HttpResponse<String> ok = market("{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1,\"client_order_id\":\"1-OR-1--\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(((OrderIntent) s.engine.calls("place").getLast().argument()).clientOrderId().value()).isEqualTo("1-OR-1--");
        assertFieldError(market("{\"symbol\":\"BTCUSDT'; DROP TABLE orders;--\",\"side\":\"BUY\",\"quantity\":1}"), "symbol");
        // path and query parameters too
        int cancels = s.engine.calls("cancel").size();
        assertFieldError(s.send("DELETE", "/api/real-trading/order/1%27%20OR%20%271%27%3D%271", trader, null), "id");
        assertFieldError(s.get("/api/real-trading/orders?symbol=BTC%27%20OR%201%3D1--", trader), "symbol");
        assertThat(s.engine.calls("cancel")).hasSize(cancels);
        HttpResponse<String> signal = s.post("/api/signals", trader,
                "{\"symbol\":\"BTCUSDT\",\"direction\":\"LONG\",\"confidence\":0.9,\"strategy\":\"' OR 1=1; --\"}");
        assertThat(signal.statusCode()).isEqualTo(200);
        assertThat(TestServer.json(signal).at("/signal/strategy").asText()).isEqualTo("' OR 1=1; --");
    }

    @Test
    void oversized_payloads_are_413_whether_declared_or_streamed() {
        String huge = "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1,\"client_order_id\":\"" + "a".repeat(70_000) + "\"}";
        assertProblem(market(huge), 413, "payload_too_large");
        assertNothingPlaced();
        // chunked: no Content-Length to check up front
        byte[] bytes = huge.getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = s.request("/api/real-trading/order/market", trader).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))).build();
        assertProblem(s.send(chunked), 413, "payload_too_large");
        assertNothingPlaced();
    }

    @Test
    void malformed_json_is_a_400() {
        for (String body : Stream.of("{", "{\"symbol\":\"BTCUSDT\",}", "{\"quantity\":NaN}", "{\"quantity\":Infinity}",
                "{} {}", "[1]", "\"text\"", "{\"quantity\":1,\"quantity\":1000}", "{'symbol':'BTCUSDT'}").toList()) {
            HttpResponse<String> r = market(body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(TestServer.json(r).get("code").asText()).as(body).isIn("malformed_json", "invalid_request");
        }
        assertNothingPlaced();
        assertProblem(market("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}"), 400, "malformed_json");
        assertProblem(market("{\"quantity\":1" + "0".repeat(200) + "}"), 400, "malformed_json");
        assertNothingPlaced();
    }

    @Test
    void a_body_that_is_not_json_is_415() {
        callsBefore = s.engine.calls("place").size();
        HttpResponse<String> r = s.send(s.request("/api/real-trading/order/market", trader).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("symbol=BTCUSDT&side=BUY&quantity=1")).build());
        assertProblem(r, 415, "unsupported_media_type");
        assertNothingPlaced();
    }

    @Test
    void query_parameters_are_validated() {
        assertFieldError(s.get("/api/real-trading/orders?size=100000", trader), "size");
        assertFieldError(s.get("/api/real-trading/orders?status=maybe", trader), "status");
        assertThat(s.get("/api/real-trading/orders?status=open&symbol=ethusdt&size=10", trader).statusCode()).isEqualTo(200);
    }

    @Test
    void safety_configuration_takes_fractions_only() {
        String admin = s.token("admin");
        int before = s.engine.calls("updateConfiguration").size();
        assertFieldError(s.send("PATCH", "/api/trading-safety/configuration", admin, "{\"max_slippage_pct\":5}"), "max_slippage_pct");
        assertFieldError(s.send("PATCH", "/api/trading-safety/configuration", admin, "{\"max_consecutive_losses\":0}"), "max_consecutive_losses");
        assertFieldError(s.send("PATCH", "/api/trading-safety/configuration", admin, "{}"), "body");
        assertThat(s.engine.calls("updateConfiguration")).hasSize(before);
        assertThat(s.send("PATCH", "/api/trading-safety/configuration", admin, "{\"max_slippage_pct\":0.004}").statusCode()).isEqualTo(200);
    }
}
