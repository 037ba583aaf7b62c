package io.tradeguard.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.app.service.security.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.tradeguard.app.service.security.RunningService.assertProblem;
import static io.tradeguard.app.service.security.RunningService.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint of DESIGN.md section 7 that {@link ServiceEndToEndTest} does not already drive, through the real
 * service (embedded simulator, SQLite), as a client would: the routes in order, since some change what later ones
 * see (a stop, a halt, a tripped kill switch), each put back before the next.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceApiEndToEndTest {
    private static final String BASE = "/api/real-trading";

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

    @Test
    @Order(1)
    void refresh_tokens_are_single_use_and_the_openapi_document_lists_every_route() {
        JsonNode login = ok("POST", "/api/auth/login", null, "{\"username\":\"viewer\",\"password\":\"" + RunningService.PASSWORD + "\"}");
        assertThat(login.get("role").asText()).isEqualTo("viewer");
        String refresh = login.get("refresh_token").asText();
        JsonNode renewed = ok("POST", "/api/auth/refresh", null, "{\"refresh_token\":\"" + refresh + "\"}");
        assertThat(ok("GET", BASE + "/status", renewed.get("access_token").asText(), null).has("trading_enabled")).isTrue();
        assertProblem(svc.send("POST", "/api/auth/refresh", null, "{\"refresh_token\":\"" + refresh + "\"}"), 401, "refresh_failed");
        assertProblem(svc.send("POST", "/api/auth/login", null, "{\"username\":\"viewer\",\"password\":\"wrong-password-123\"}"),
                401, "login_failed");

        JsonNode paths = ok("GET", "/api/openapi.json", svc.viewer, null).get("paths");
        List<String> listed = new ArrayList<>();
        paths.fieldNames().forEachRemaining(listed::add);
        for (String route : List.of("start", "stop", "status", "order/preview", "order/market", "order/limit", "order/stop-loss",
                "order/take-profit", "order/oco", "order/trailing-stop", "order/{id}", "orders", "positions",
                "close/{position_id}", "trades", "balance", "emergency-stop", "manual-trades", "leverage", "mode")) {
            assertThat(listed).as(route).contains(BASE + "/" + route);
        }
        for (String route : List.of("validate", "check-slippage", "record-trade", "status", "reset-kill-switch", "configuration", "health")) {
            assertThat(listed).as(route).contains("/api/trading-safety/" + route);
        }
        for (String route : List.of("stop-loss", "take-profit", "trailing-stop", "check-triggers", "{order_id}", "active", "health",
                "monitor/start", "monitor/stop", "monitor/status")) {
            assertThat(listed).as(route).contains("/api/sl-tp/" + route);
        }
        assertThat(listed).contains("/api/signals", "/api/auth/login");
    }

    @Test
    @Order(2)
    void stop_refuses_new_entries_start_takes_them_again_and_the_mode_can_be_changed() {
        assertThat(ok("GET", BASE + "/status", svc.viewer, null).get("trading_enabled").asBoolean()).isTrue();
        assertThat(ok("POST", BASE + "/stop", svc.trader, null).get("trading_enabled").asBoolean()).isFalse();
        assertProblem(svc.send("POST", BASE + "/order/market", svc.trader, "{\"symbol\":\"ETHUSDT\",\"side\":\"BUY\",\"quantity\":\"0.01\"}"),
                409, "trading_stopped");
        assertThat(ok("POST", BASE + "/start", svc.admin, null).get("trading_enabled").asBoolean()).isTrue();

        String before = ok("GET", BASE + "/mode", svc.viewer, null).get("mode").asText();
        ok("POST", BASE + "/mode", svc.admin, "{\"mode\":\"hybrid\"}");
        assertThat(ok("GET", BASE + "/mode", svc.viewer, null).get("mode").asText()).isEqualTo("hybrid");
        assertProblem(svc.send("POST", BASE + "/mode", svc.admin, "{\"mode\":\"yolo\"}"), 400, "invalid_request");
        ok("POST", BASE + "/mode", svc.admin, "{\"mode\":\"" + before + "\"}");
    }

    @Test
    @Order(3)
    void a_caller_chosen_client_order_id_is_kept_refused_twice_and_finds_and_cancels_the_order() {
        String limit = "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"0.001\",\"price\":\"20000\",\"client_order_id\":\"e2e-limit_1\"}";
        JsonNode placed = ok("POST", BASE + "/order/limit", svc.trader, limit);
        // the engine's prefix and the origin stay in front (every order it sends is recognisably its own)
        assertThat(placed.get("client_order_id").asText()).isEqualTo("TGM_e2e-limit_1");
        assertThat(placed.get("origin").asText()).isEqualTo("manual");
        String orderId = placed.get("order_id").asText();

        assertProblem(svc.send("POST", BASE + "/order/limit", svc.trader, limit), 409, "duplicate_client_order_id");
        assertProblem(svc.send("POST", BASE + "/order/limit", svc.trader, limit.replace("e2e-limit_1", "TGM_e2e-limit_1")),
                409, "duplicate_client_order_id");
        assertProblem(svc.send("POST", BASE + "/order/limit", svc.trader, limit.replace("e2e-limit_1", "a".repeat(27))),
                400, "invalid_request");
        assertProblem(svc.send("POST", BASE + "/order/limit", svc.trader, limit.replace("e2e-limit_1", "with.dot")),
                400, "invalid_request");

        // found by either form of the id, and by the order id
        assertThat(ok("GET", BASE + "/order/e2e-limit_1?by=client_order_id", svc.viewer, null).get("order_id").asText()).isEqualTo(orderId);
        assertThat(ok("GET", BASE + "/order/TGM_e2e-limit_1?by=client_order_id", svc.viewer, null).get("order_id").asText()).isEqualTo(orderId);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                ok("GET", BASE + "/order/" + orderId, svc.viewer, null).get("status").asText().equals("NEW"));

        assertThat(ok("DELETE", BASE + "/order/e2e-limit_1?by=client_order_id", svc.trader, null).get("order_id").asText()).isEqualTo(orderId);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                ok("GET", BASE + "/order/e2e-limit_1?by=client_order_id", svc.viewer, null).get("status").asText().equals("CANCELED"));
        assertProblem(svc.send("DELETE", BASE + "/order/e2e-limit_1?by=client_order_id", svc.trader, null), 409, "order_final");
        // cancelled, it is still the journal's: the id is not handed out again
        assertProblem(svc.send("POST", BASE + "/order/limit", svc.trader, limit), 409, "duplicate_client_order_id");
        assertProblem(svc.send("GET", BASE + "/order/never-placed?by=client_order_id", svc.viewer, null), 404, "not_found");
        assertProblem(svc.send("DELETE", BASE + "/order/424242424242", svc.trader, null), 404, "not_found");
    }

    @Test
    @Order(4)
    void stop_loss_take_profit_and_trailing_stop_orders_rest_on_the_venue_and_are_cancelled() {
        List<String> ids = new ArrayList<>();
        // far from the market either way (the simulator's BTC is near 60,000), above the 5 USDT minimum value
        ids.add(ok("POST", BASE + "/order/stop-loss", svc.trader,
                "{\"symbol\":\"BTCUSDT\",\"side\":\"SELL\",\"quantity\":\"0.001\",\"stop_price\":\"10000\"}").get("order_id").asText());
        ids.add(ok("POST", BASE + "/order/take-profit", svc.trader,
                "{\"symbol\":\"BTCUSDT\",\"side\":\"SELL\",\"quantity\":\"0.001\",\"stop_price\":\"200000\"}").get("order_id").asText());
        ids.add(ok("POST", BASE + "/order/trailing-stop", svc.trader,
                "{\"symbol\":\"BTCUSDT\",\"side\":\"SELL\",\"quantity\":\"0.001\",\"trailing_delta\":500}").get("order_id").asText());
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(10)).until(() -> ok("GET", BASE + "/order/" + id, svc.viewer, null).get("status").asText().equals("NEW"));
            ok("DELETE", BASE + "/order/" + id, svc.trader, null);
        }
        // a cancel is acknowledged by the venue a moment after the request was accepted
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                ok("GET", BASE + "/orders?status=open", svc.viewer, null).get("items").findValuesAsText("order_id"))
                .doesNotContainAnyElementsOf(ids));
        // an OCO goes through the order path (ManualProtectionEndToEndTest places, fills and cancels them): a leg off the
        // tick is refused whole, with the leg named, rather than rounded or half-sent
        assertThat(assertProblem(svc.send("POST", BASE + "/order/oco", svc.trader,
                "{\"symbol\":\"BTCUSDT\",\"side\":\"SELL\",\"quantity\":\"0.001\",\"price\":\"900000.001\",\"stop_price\":\"1000\"}"),
                400, "invalid_order").get("detail").asText()).contains("limit leg");
        // leverage goes with each futures order (the engine sets it on the venue before the order): 409 saying so
        assertThat(assertProblem(svc.send("POST", BASE + "/leverage", svc.trader, "{\"symbol\":\"BTCUSDT\",\"leverage\":5}"),
                409, "leverage_per_order").get("detail").asText()).contains("set per order");
    }

    @Test
    @Order(5)
    void a_bought_position_is_closed_by_its_id_and_becomes_a_closed_trade() {
        // BTC: the 0.00999 the wallet gets (0.1 % commission in BTC) sells whole at its 0.00001 step; no automatic SL/TP
        JsonNode bought = ok("POST", BASE + "/order/market", svc.trader,
                "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"0.01\",\"protection\":false}");
        await().atMost(Duration.ofSeconds(15)).until(() ->
                ok("GET", BASE + "/order/" + bought.get("order_id").asText(), svc.viewer, null).get("status").asText().equals("FILLED"));
        JsonNode position = await().atMost(Duration.ofSeconds(10)).until(() -> positionOf("BTCUSDT"), p -> p != null);
        String positionId = position.get("position_id").asText();
        assertThat(position.get("side").asText()).isEqualTo("LONG");

        // the SL/TP service: its triggers, health and monitor (arming by hand: ManualProtectionEndToEndTest)
        assertThat(ok("GET", "/api/sl-tp/active", svc.viewer, null).isArray()).isTrue();
        assertThat(svc.send("POST", "/api/sl-tp/check-triggers", svc.trader, null).statusCode()).isEqualTo(200);
        assertProblem(svc.send("DELETE", "/api/sl-tp/no-such-trigger", svc.trader, null), 404, "not_found");
        assertProblem(svc.send("POST", "/api/sl-tp/stop-loss", svc.trader, "{\"symbol\":\"ETHUSDT\"}"), 400, "invalid_request");
        assertThat(ok("GET", "/api/sl-tp/health", svc.viewer, null).get("status").asText()).isNotBlank();
        // the monitor runs with the engine: it cannot be stopped on its own, and starting it says it runs
        assertProblem(svc.send("POST", "/api/sl-tp/monitor/stop", svc.admin, null), 409, "monitor_always_on");
        assertThat(ok("GET", "/api/sl-tp/monitor/status", svc.viewer, null).get("running").asBoolean()).isTrue();
        assertThat(ok("POST", "/api/sl-tp/monitor/start", svc.admin, null).get("running").asBoolean()).isTrue();

        // closed whole at market by its id
        JsonNode close = ok("POST", BASE + "/close/" + positionId, svc.trader, null);
        assertThat(close.get("side").asText()).isEqualTo("SELL");
        JsonNode trade = await().atMost(Duration.ofSeconds(15)).until(() -> {
            for (JsonNode t : ok("GET", BASE + "/trades?symbol=BTCUSDT", svc.viewer, null).get("items")) {
                if (t.get("position_id").asText().equals(positionId)) {
                    return t;
                }
            }
            return null;
        }, t -> t != null);
        assertThat(trade.get("entry_price").decimalValue()).isPositive();
        assertThat(trade.get("exit_price").decimalValue()).isPositive();
        assertThat(trade.get("fees").decimalValue()).isPositive();
        assertThat(trade.get("realized_pnl").isNumber()).isTrue();
        assertThat(positionOf("BTCUSDT")).isNull();
        assertProblem(svc.send("POST", BASE + "/close/" + positionId, svc.trader, null), 404, "not_found");
    }

    @Test
    @Order(6)
    void balances_orders_and_trades_are_listed_filtered_and_paged() {
        JsonNode balances = ok("GET", BASE + "/balance", svc.viewer, null);
        assertThat(balances.findValuesAsText("asset")).contains("USDT", "BTC", "ETH");
        JsonNode all = ok("GET", BASE + "/orders", svc.viewer, null);
        assertThat(all.get("total").asInt()).isGreaterThanOrEqualTo(4);
        JsonNode first = ok("GET", BASE + "/orders?page=0&size=2", svc.viewer, null);
        JsonNode second = ok("GET", BASE + "/orders?page=1&size=2", svc.viewer, null);
        assertThat(first.get("items")).hasSize(2);
        assertThat(second.get("items").findValuesAsText("order_id")).doesNotContainAnyElementsOf(first.get("items").findValuesAsText("order_id"));
        assertThat(ok("GET", BASE + "/orders?symbol=BTCUSDT&market=spot&status=closed", svc.viewer, null).get("items").findValuesAsText("symbol"))
                .isNotEmpty().containsOnly("BTCUSDT");
        assertThat(ok("GET", BASE + "/trades?symbol=BTCUSDT", svc.viewer, null).get("items")).isNotEmpty();
        assertThat(ok("GET", BASE + "/trades?symbol=ETHUSDT", svc.viewer, null).get("items")).isEmpty();
        assertProblem(svc.send("GET", BASE + "/orders?size=100000", svc.viewer, null), 400, "invalid_request");
        assertThat(ok("GET", BASE + "/manual-trades", svc.viewer, null).isObject()).isTrue();
        HttpResponse<String> csv = svc.send("GET", BASE + "/manual-trades/export?format=csv", svc.viewer, null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertProblem(svc.send("GET", BASE + "/manual-trades/export?format=xml", svc.viewer, null), 400, "invalid_request");
    }

    @Test
    @Order(7)
    void the_safety_service_validates_checks_slippage_counts_outside_trades_and_its_kill_switch_is_reset_by_an_admin() {
        JsonNode small = ok("POST", "/api/trading-safety/validate", svc.trader,
                "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"order_type\":\"LIMIT\",\"quantity\":\"0.001\",\"price\":\"20000\"}");
        assertThat(small.get("approved").asBoolean()).isTrue();
        JsonNode big = ok("POST", "/api/trading-safety/validate", svc.trader,
                "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"order_type\":\"LIMIT\",\"quantity\":\"0.5\",\"price\":\"20000\"}");
        assertThat(big.get("approved").asBoolean()).isFalse();
        assertThat(big.get("rules").findValuesAsText("rule")).contains("position_size_cap");

        assertThat(ok("POST", "/api/trading-safety/check-slippage", svc.trader,
                "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"expected_price\":\"100\",\"actual_price\":\"100.01\"}").get("acceptable").asBoolean()).isTrue();
        JsonNode slipped = ok("POST", "/api/trading-safety/check-slippage", svc.trader,
                "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"expected_price\":\"100\",\"actual_price\":\"110\"}");
        assertThat(slipped.get("acceptable").asBoolean()).isFalse();
        assertThat(slipped.get("slippage_pct").decimalValue()).isEqualByComparingTo("0.1");

        JsonNode config = ok("GET", "/api/trading-safety/configuration", svc.viewer, null);
        int maxLosses = config.get("max_consecutive_losses").asInt();
        assertProblem(svc.send("PATCH", "/api/trading-safety/configuration", svc.admin, "{\"max_position_size_pct\":5}"), 400, "invalid_request");
        assertThat(ok("PATCH", "/api/trading-safety/configuration", svc.admin, "{\"max_consecutive_losses\":2}")
                .get("max_consecutive_losses").asInt()).isEqualTo(2);
        try {
            // a win first: whatever the closed round trip before did to the streak, it starts at 0
            assertThat(ok("POST", "/api/trading-safety/record-trade", svc.admin, "{\"symbol\":\"SOLUSDT\",\"realized_pnl\":\"1\"}")
                    .get("consecutive_losses").asInt()).isZero();
            JsonNode before = ok("GET", "/api/trading-safety/status", svc.viewer, null);
            JsonNode once = ok("POST", "/api/trading-safety/record-trade", svc.admin, "{\"symbol\":\"SOLUSDT\",\"realized_pnl\":\"-12.5\"}");
            assertThat(once.get("consecutive_losses").asInt()).isEqualTo(1);
            assertThat(once.get("trades_today").asInt()).isEqualTo(before.get("trades_today").asInt() + 1);
            assertThat(once.get("daily_pnl").decimalValue())
                    .isEqualByComparingTo(before.get("daily_pnl").decimalValue().add(new BigDecimal("-12.5")));
            assertThat(once.get("kill_switch_active").asBoolean()).isFalse();
            JsonNode twice = ok("POST", "/api/trading-safety/record-trade", svc.admin, "{\"symbol\":\"SOLUSDT\",\"realized_pnl\":\"-0.5\"}");
            assertThat(twice.get("kill_switch_active").asBoolean()).isTrue();
            assertThat(twice.get("kill_switch_reason").asText()).contains("2 losing trades in a row");
            // an entry is refused while it is active, and nothing goes out
            long ordersBefore = ok("GET", BASE + "/orders", svc.viewer, null).get("total").asLong();
            JsonNode refused = assertProblem(svc.send("POST", BASE + "/order/market", svc.trader,
                    "{\"symbol\":\"ETHUSDT\",\"side\":\"BUY\",\"quantity\":\"0.01\"}"), 422, "risk_rejected");
            assertThat(refused.get("violations").findValuesAsText("rule")).contains("consecutive_losses");
            assertThat(ok("GET", BASE + "/orders", svc.viewer, null).get("total").asLong()).isEqualTo(ordersBefore);
            assertThat(ok("GET", "/api/trading-safety/health", svc.viewer, null).get("status").asText()).isEqualTo("DEGRADED");

            JsonNode reset = ok("POST", "/api/trading-safety/reset-kill-switch", svc.admin, null);
            assertThat(reset.get("kill_switch_active").asBoolean()).isFalse();
            assertThat(reset.get("consecutive_losses").asInt()).isZero();
            assertProblem(svc.send("POST", "/api/trading-safety/reset-kill-switch", svc.admin, null), 409, "kill_switch_not_active");
        } finally {
            ok("PATCH", "/api/trading-safety/configuration", svc.admin, "{\"max_consecutive_losses\":" + maxLosses + "}");
        }
        assertThat(ok("POST", "/api/trading-safety/record-trade", svc.admin, "{\"symbol\":\"SOLUSDT\",\"realized_pnl\":\"3\"}")
                .get("consecutive_losses").asInt()).isZero();
    }

    @Test
    @Order(8)
    void a_signal_is_decided_and_listed() {
        JsonNode decision = ok("POST", "/api/signals", svc.trader,
                "{\"id\":\"e2e-signal-1\",\"symbol\":\"ETHUSDT\",\"direction\":\"LONG\",\"confidence\":0.3,\"strategy\":\"e2e\"}");
        assertThat(decision.get("decision").asText()).isNotBlank();
        assertThat(ok("GET", "/api/signals", svc.viewer, null).findValuesAsText("id")).contains("e2e-signal-1");
        assertProblem(svc.send("POST", "/api/signals", svc.trader, "{\"symbol\":\"ETHUSDT\",\"direction\":\"UP\",\"confidence\":0.3}"),
                400, "invalid_request");
    }

    @Test
    @Order(9)
    void an_emergency_stop_halts_entries_until_an_admin_resets_it() {
        JsonNode report = ok("POST", BASE + "/emergency-stop", svc.trader, "{\"reason\":\"end-to-end drill\"}");
        assertThat(report.get("reason").asText()).contains("end-to-end drill");
        await().atMost(Duration.ofSeconds(10)).until(() -> ok("GET", BASE + "/status", svc.viewer, null).get("emergency_halt").asBoolean());
        assertProblem(svc.send("POST", BASE + "/order/market", svc.trader, "{\"symbol\":\"ETHUSDT\",\"side\":\"BUY\",\"quantity\":\"0.01\"}"),
                409, "trading_halted");
        assertThat(ok("GET", "/api/trading-safety/status", svc.viewer, null).get("emergency_halt").asBoolean()).isTrue();
        ok("POST", BASE + "/emergency-stop/reset", svc.admin, null);
        assertThat(ok("GET", BASE + "/status", svc.viewer, null).get("emergency_halt").asBoolean()).isFalse();
        assertProblem(svc.send("POST", BASE + "/emergency-stop/reset", svc.admin, null), 409, "reset_refused");
    }

    @Test
    @Order(10)
    void unknown_routes_and_methods_are_problems_too_and_metrics_cover_the_exchange_and_the_engine() {
        assertProblem(svc.send("GET", "/api/real-trading/nothing-here", svc.viewer, null), 404, "not_found");
        assertProblem(svc.send("PUT", BASE + "/orders", svc.viewer, "{}"), 405, "method_not_allowed");

        String metrics = svc.send("GET", "/metrics", svc.viewer, null).body();
        assertThat(metrics)
                .contains("tradeguard_exchange_rest_seconds_count{endpoint=\"/api/v3/order\",method=\"POST\",outcome=\"2xx\"}")
                .contains("tradeguard_exchange_rest_seconds_bucket{endpoint=\"/api/v3/order\",method=\"DELETE\",outcome=\"2xx\"")
                .contains("tradeguard_engine_message_seconds_count{kind=\"CommandIn\"}")
                .contains("tradeguard_engine_message_seconds_count{kind=\"VenueIn\"}")
                .contains("tradeguard_engine_queue_depth")
                .contains("tradeguard_orders_total{status=\"canceled\"}")
                .contains("tradeguard_fills_total")
                .contains("tradeguard_realized_pnl")
                .contains("tradeguard_daily_pnl")
                .contains("tradeguard_kill_switch_active 0.0")
                .contains("tradeguard_circuit_breaker_state{state=\"closed\"} 1.0")
                .contains("tradeguard_circuit_breaker_state{state=\"open\"} 0.0");
        assertThat(metrics).containsPattern("tradeguard_risk_rejections_total\\{rule=\"[a-z_]+\"}");
    }

    private static JsonNode positionOf(String symbol) {
        for (JsonNode p : ok("GET", BASE + "/positions", svc.viewer, null)) {
            if (p.get("symbol").asText().equals(symbol)) {
                return p;
            }
        }
        return null;
    }

    private static JsonNode ok(String method, String path, String token, String body) {
        HttpResponse<String> r = svc.send(method, path, token, body);
        assertThat(r.statusCode()).as(method + " " + path + " → " + r.body()).isEqualTo(200);
        return json(r);
    }
}
