package io.tradeguard.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.app.service.security.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
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
 * Protection armed by hand through {@code /api/sl-tp/…} on the real service (embedded simulator, SQLite): checked
 * against the position and the last price, listed, removable, and a stop-loss closes the position at market on the
 * first tick through it.
 */
class ManualProtectionEndToEndTest {
    private static final String BASE = "/api/real-trading";
    private static final String SIM_TOKEN = "manual-protection-sim-token";

    @TempDir
    static Path dir;
    static RunningService svc;
    static int simPort;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            simPort = s.getLocalPort();
        }
        svc = RunningService.start(dir, simPort, SIM_TOKEN);
    }

    @AfterAll
    static void stop() {
        if (svc != null) {
            svc.close();
        }
    }

    @Test
    void a_stop_loss_armed_by_hand_is_validated_listed_and_closes_the_position_on_the_first_tick_through_it() {
        ok("POST", BASE + "/start", svc.admin, null);
        JsonNode bought = ok("POST", BASE + "/order/market", svc.trader,
                "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":\"0.01\",\"protection\":false}");
        await().atMost(Duration.ofSeconds(15)).until(() ->
                ok("GET", BASE + "/order/" + bought.get("order_id").asText(), svc.viewer, null).get("status").asText().equals("FILLED"));
        JsonNode position = await().atMost(Duration.ofSeconds(10)).until(() -> positionOf("BTCUSDT"), p -> p != null);
        String positionId = position.get("position_id").asText();
        BigDecimal entry = position.get("entry_price").decimalValue();
        BigDecimal size = position.get("quantity").decimalValue();
        String stop = entry.multiply(new BigDecimal("0.97")).setScale(2, RoundingMode.DOWN).toPlainString();
        String target = entry.multiply(new BigDecimal("1.10")).setScale(2, RoundingMode.DOWN).toPlainString();

        // refused with the reason, nothing armed
        assertThat(assertProblem(svc.send("POST", "/api/sl-tp/stop-loss", svc.trader,
                "{\"symbol\":\"BTCUSDT\",\"stop_price\":\"" + target + "\"}"), 400, "invalid_request").get("detail").asText())
                .contains("stop-loss must be below the last price");
        assertThat(assertProblem(svc.send("POST", "/api/sl-tp/take-profit", svc.trader,
                "{\"symbol\":\"BTCUSDT\",\"stop_price\":\"" + stop + "\"}"), 400, "invalid_request").get("detail").asText())
                .contains("take-profit must be above the last price");
        assertThat(assertProblem(svc.send("POST", "/api/sl-tp/stop-loss", svc.trader,
                "{\"symbol\":\"BTCUSDT\",\"stop_price\":\"" + stop + "\",\"quantity\":\"" + size.add(BigDecimal.ONE).toPlainString() + "\"}"),
                400, "invalid_request").get("detail").asText()).contains("more than the position");
        assertProblem(svc.send("POST", "/api/sl-tp/stop-loss", svc.trader,
                "{\"symbol\":\"BTCUSDT\",\"position_id\":\"no-such-position\",\"stop_price\":\"" + stop + "\"}"), 404, "not_found");
        assertThat(manualIds()).isEmpty();

        // armed: listed beside the position, a take-profit removed again
        JsonNode armedStop = ok("POST", "/api/sl-tp/stop-loss", svc.trader, "{\"symbol\":\"BTCUSDT\",\"stop_price\":\"" + stop + "\"}");
        assertThat(armedStop.get("kind").asText()).isEqualTo("stop_loss");
        assertThat(armedStop.get("position_id").asText()).isEqualTo(positionId);
        assertThat(armedStop.get("quantity").decimalValue()).isEqualByComparingTo(size);
        assertThat(armedStop.get("stop_price").decimalValue()).isEqualByComparingTo(stop);
        JsonNode armedTarget = ok("POST", "/api/sl-tp/take-profit", svc.trader, "{\"symbol\":\"BTCUSDT\",\"stop_price\":\"" + target + "\"}");
        JsonNode trailing = ok("POST", "/api/sl-tp/trailing-stop", svc.trader, "{\"symbol\":\"BTCUSDT\",\"callback_rate\":\"5\"}");
        assertThat(trailing.get("callback_rate").decimalValue()).isEqualByComparingTo("5");
        assertThat(manualIds()).containsExactlyInAnyOrder(armedStop.get("order_id").asText(), armedTarget.get("order_id").asText(),
                trailing.get("order_id").asText());
        ok("DELETE", "/api/sl-tp/" + armedTarget.get("order_id").asText(), svc.trader, null);
        ok("DELETE", "/api/sl-tp/" + trailing.get("order_id").asText(), svc.trader, null);
        assertThat(manualIds()).containsExactly(armedStop.get("order_id").asText());
        assertThat(positionOf("BTCUSDT")).as("nothing fired yet").isNotNull();

        // the price falls through the stop: the position is sold at market and closed as a stop loss
        String below = entry.multiply(new BigDecimal("0.95")).setScale(2, RoundingMode.DOWN).toPlainString();
        HttpResponse<String> moved = sim("/sim/v1/price", "{\"symbol\":\"BTCUSDT\",\"price\":\"" + below + "\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> positionOf("BTCUSDT") == null);
        assertThat(manualIds()).isEmpty();
        JsonNode trades = ok("GET", BASE + "/trades", svc.viewer, null);
        JsonNode closed = null;
        for (JsonNode t : trades.isArray() ? trades : trades.path("items")) {
            if (t.path("position_id").asText().equals(positionId)) {
                closed = t;
            }
        }
        assertThat(closed).as(trades.toString()).isNotNull();
        assertThat(closed.get("exit_reason").asText()).contains("stop loss");
        assertThat(closed.get("exit_price").decimalValue()).isLessThanOrEqualTo(new BigDecimal(stop));
    }

    @Test
    void a_manual_oco_is_checked_confirmed_once_rests_on_the_exchange_with_both_legs_and_one_leg_filling_ends_the_other() {
        ok("POST", BASE + "/start", svc.admin, null);
        JsonNode bought = ok("POST", BASE + "/order/market", svc.trader,
                "{\"symbol\":\"ETHUSDT\",\"side\":\"BUY\",\"quantity\":\"0.2\",\"protection\":false}");
        await().atMost(Duration.ofSeconds(15)).until(() ->
                ok("GET", BASE + "/order/" + bought.get("order_id").asText(), svc.viewer, null).get("status").asText().equals("FILLED"));
        JsonNode position = await().atMost(Duration.ofSeconds(10)).until(() -> positionOf("ETHUSDT"), p -> p != null);
        BigDecimal last = position.get("mark_price").decimalValue();
        String above = last.multiply(new BigDecimal("1.03")).setScale(2, RoundingMode.DOWN).toPlainString();
        String below = last.multiply(new BigDecimal("0.95")).setScale(2, RoundingMode.DOWN).toPlainString();
        String oco = "{\"symbol\":\"ETHUSDT\",\"side\":\"SELL\",\"quantity\":\"0.05\",\"price\":\"%s\",\"stop_price\":\"%s\"}";

        // off the tick, or stop above the limit: 400 with the reason, nothing sent
        assertThat(assertProblem(svc.send("POST", BASE + "/order/oco", svc.trader, oco.formatted(above + "3", below)),
                400, "invalid_order").get("detail").asText()).contains("limit leg", "tick size");
        assertThat(assertProblem(svc.send("POST", BASE + "/order/oco", svc.trader, oco.formatted(below, above)),
                400, null).get("detail").asText()).contains("limit price above its stop_price");
        assertThat(assertProblem(svc.send("POST", BASE + "/order/oco", svc.trader, oco.formatted(above, last.multiply(new BigDecimal("1.01"))
                .setScale(2, RoundingMode.DOWN).toPlainString())), 400, "invalid_order").get("detail").asText()).contains("below the last price");
        assertThat(simOpenOrders("ETHUSDT")).isEmpty();

        // cancelled by either leg: the exchange cancels the other
        JsonNode first = ok("POST", BASE + "/order/oco", svc.trader, oco.formatted(above, below));
        List<String> firstLegs = legsOf(first.get("client_order_id").asText());
        await().atMost(Duration.ofSeconds(10)).until(() -> simOpenOrders("ETHUSDT").size() == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(firstLegs.get(1)).equals("NEW"));
        ok("DELETE", BASE + "/order/" + firstLegs.get(1) + "?by=client_order_id", svc.trader, null);
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(firstLegs.get(0)).equals("CANCELED")
                && statusOf(firstLegs.get(1)).equals("CANCELED"));
        assertThat(simOpenOrders("ETHUSDT")).isEmpty();

        // previewed with the risk verdict and a single-use token; placed with it exactly once
        JsonNode preview = ok("POST", BASE + "/order/preview", svc.trader, oco.formatted(above, below).replace("{", "{\"order_type\":\"oco\","));
        assertThat(preview.at("/verdict/approved").asBoolean()).as(preview.toString()).isTrue();
        assertThat(preview.at("/verdict/rules").toString()).contains("limit leg: ", "stop leg: ");
        String token = preview.get("confirmation_token").asText();
        String confirmed = oco.formatted(above, below).replace("{", "{\"confirmation_token\":\"" + token + "\",");
        JsonNode placed = ok("POST", BASE + "/order/oco", svc.trader, confirmed);
        assertProblem(svc.send("POST", BASE + "/order/oco", svc.trader, confirmed), 409, "confirmation_token_used");
        List<String> legs = legsOf(placed.get("client_order_id").asText());
        JsonNode resting = await().atMost(Duration.ofSeconds(10)).until(() -> simOpenOrders("ETHUSDT"), o -> o.size() == 2);
        assertThat(resting.findValuesAsText("clientOrderId")).containsExactlyInAnyOrderElementsOf(legs);
        assertThat(resting.findValuesAsText("type")).containsExactlyInAnyOrder("LIMIT_MAKER", "STOP_LOSS");
        assertThat(resting.get(0).get("orderListId").asLong()).isNotEqualTo(-1).isEqualTo(resting.get(1).get("orderListId").asLong());
        JsonNode limitLeg = ok("GET", BASE + "/order/" + legs.get(0) + "?by=client_order_id", svc.viewer, null);
        assertThat(limitLeg.get("origin").asText()).isEqualToIgnoringCase("manual");

        // the price rises to the limit: the take-profit leg fills and the exchange expires the stop leg
        HttpResponse<String> moved = sim("/sim/v1/price", "{\"symbol\":\"ETHUSDT\",\"price\":\""
                + new BigDecimal(above).multiply(new BigDecimal("1.01")).setScale(2, RoundingMode.DOWN).toPlainString() + "\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> statusOf(legs.get(0)).equals("FILLED"));
        await().atMost(Duration.ofSeconds(15)).until(() -> List.of("EXPIRED", "CANCELED").contains(statusOf(legs.get(1))));
        assertThat(simOpenOrders("ETHUSDT")).isEmpty();
    }

    /** The list's legs as the engine names them: the limit leg, then the stop leg. */
    private static List<String> legsOf(String clientOrderId) {
        String list = clientOrderId.substring(0, clientOrderId.lastIndexOf('.'));
        return List.of(list + ".tp", list + ".sl");
    }

    private static String statusOf(String clientOrderId) {
        return ok("GET", BASE + "/order/" + clientOrderId + "?by=client_order_id", svc.viewer, null).get("status").asText();
    }

    private static JsonNode simOpenOrders(String symbol) {
        HttpResponse<String> r = RunningService.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simPort + "/sim/v1/state"))
                .timeout(Duration.ofSeconds(10)).header("X-Sim-Admin", SIM_TOKEN).GET());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        com.fasterxml.jackson.databind.node.ArrayNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (JsonNode account : json(r).get("accounts")) {
            for (JsonNode o : account.get("open_orders")) {
                // the automatic protection's own OCO (TGP- ids) may rest beside ours on a holding
                if (o.get("symbol").asText().equals(symbol) && !o.get("clientOrderId").asText().startsWith("TGP-")) {
                    out.add(o);
                }
            }
        }
        return out;
    }

    private static List<String> manualIds() {
        List<String> ids = new ArrayList<>();
        for (JsonNode p : ok("GET", "/api/sl-tp/active", svc.viewer, null)) {
            if (p.get("order_id").asText().startsWith("man-")) {
                ids.add(p.get("order_id").asText());
            }
        }
        return ids;
    }

    private static JsonNode positionOf(String symbol) {
        for (JsonNode p : ok("GET", BASE + "/positions", svc.viewer, null)) {
            if (p.get("symbol").asText().equals(symbol)) {
                return p;
            }
        }
        return null;
    }

    private static HttpResponse<String> sim(String path, String body) {
        return RunningService.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simPort + path))
                .timeout(Duration.ofSeconds(10)).header("X-Sim-Admin", SIM_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static JsonNode ok(String method, String path, String token, String body) {
        HttpResponse<String> r = svc.send(method, path, token, body);
        assertThat(r.statusCode()).as(method + " " + path + " → " + r.body()).isBetween(200, 299);
        return r.body().isEmpty() ? null : json(r);
    }
}
