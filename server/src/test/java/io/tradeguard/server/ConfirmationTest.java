package io.tradeguard.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeguard.server.api.OrderView;
import io.tradeguard.server.api.Outcome;
import io.tradeguard.server.api.RuleResult;
import io.tradeguard.server.order.OrderIntent;
import io.tradeguard.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.tradeguard.server.support.Problems.assertFieldError;
import static io.tradeguard.server.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The two-step order: preview, then place exactly the previewed order with its single-use token. */
class ConfirmationTest {
    static TestServer s;
    static String trader;
    static final String LIMIT = "{\"order_type\":\"limit\",\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":0.0123456,\"price\":50000,\"stop_loss\":49000}";

    @BeforeAll
    static void start() {
        s = new TestServer(ServerConfig.defaults().withPort(0).withLoginLimits(5, 10_000).withRequireConfirmation(true));
        trader = s.token("trader");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @AfterEach
    void reset() {
        s.engine.failingRules = List.of();
        s.engine.placeAnswer = intent -> Outcome.done(s.engine.orderOf(intent, "1"));
        s.clock.set(io.tradeguard.server.support.FakeEngine.T0);
    }

    private JsonNode preview(String user) {
        HttpResponse<String> r = s.post("/api/real-trading/order/preview", s.token(user), LIMIT);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestServer.json(r);
    }

    private static String withToken(JsonNode preview) {
        ObjectNode order = ((ObjectNode) preview.get("order")).deepCopy();
        order.put("confirmation_token", preview.get("confirmation_token").asText());
        return order.toString();
    }

    private static ObjectNode tree(String json) {
        return (ObjectNode) TestServer.parse(json);
    }

    @Test
    void preview_answers_the_rounded_order_fees_verdict_and_a_token_and_places_nothing() {
        int placed = s.engine.calls("place").size();
        JsonNode p = preview("trader");
        assertThat(p.at("/order/quantity").decimalValue()).isEqualByComparingTo("0.01234");
        assertThat(p.at("/order/order_type").asText()).isEqualTo("limit");
        assertThat(p.at("/verdict/approved").asBoolean()).isTrue();
        assertThat(p.at("/verdict/rules/0/rule").asText()).isEqualTo("max_open_positions");
        assertThat(p.at("/fees/asset").asText()).isEqualTo("USDT");
        assertThat(p.get("confirmation_token").asText()).startsWith("v1.");
        assertThat(Instant.parse(p.get("confirmation_expires_at").asText())).isEqualTo(s.clock.instant().plusSeconds(60));
        assertThat(s.engine.calls("place")).hasSize(placed);
    }

    @Test
    void the_previewed_order_is_placed_once_with_its_token() {
        JsonNode p = preview("trader");
        HttpResponse<String> placed = s.post("/api/real-trading/order/limit", trader, withToken(p));
        assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
        OrderIntent sent = (OrderIntent) s.engine.calls("place").getLast().argument();
        assertThat(sent.quantity()).isEqualByComparingTo("0.01234");
        assertThat(sent.stopLoss()).isEqualByComparingTo("49000");

        int count = s.engine.calls("place").size();
        assertProblem(s.post("/api/real-trading/order/limit", trader, withToken(p)), 409, "confirmation_token_used");
        assertThat(s.engine.calls("place")).hasSize(count);
    }

    @Test
    void an_altered_order_is_refused_and_does_not_use_up_the_token() {
        JsonNode p = preview("trader");
        int count = s.engine.calls("place").size();
        for (String[] change : new String[][]{{"quantity", "0.02"}, {"price", "50001"}, {"side", "SELL"}, {"symbol", "ETHUSDT"}}) {
            ObjectNode altered = tree(withToken(p));
            altered.put(change[0], change[1]);
            if (change[0].equals("side")) {
                altered.remove("stop_loss"); // a SELL's stop must be above; keep the body valid so the token is what fails
            }
            assertProblem(s.post("/api/real-trading/order/limit", trader, altered.toString()), 409, "confirmation_order_mismatch");
        }
        ObjectNode dropped = tree(withToken(p));
        dropped.remove("stop_loss");
        assertProblem(s.post("/api/real-trading/order/limit", trader, dropped.toString()), 409, "confirmation_order_mismatch");
        // the same order on another endpoint is another order
        assertFieldError(s.post("/api/real-trading/order/market", trader, withToken(p)), "order_type");
        assertThat(s.engine.calls("place")).hasSize(count);
        // 0.012340 is the same amount as 0.01234
        ObjectNode sameAmount = tree(withToken(p));
        sameAmount.put("quantity", "0.012340");
        assertThat(s.post("/api/real-trading/order/limit", trader, sameAmount.toString()).statusCode()).isEqualTo(200);
    }

    @Test
    void an_expired_token_is_refused() {
        JsonNode p = preview("trader");
        s.clock.advance(Duration.ofSeconds(60));
        int count = s.engine.calls("place").size();
        assertProblem(s.post("/api/real-trading/order/limit", trader, withToken(p)), 409, "confirmation_token_expired");
        assertThat(s.engine.calls("place")).hasSize(count);
    }

    @Test
    void another_users_token_is_refused() {
        JsonNode p = preview("admin");
        assertProblem(s.post("/api/real-trading/order/limit", trader, withToken(p)), 403, "confirmation_token_foreign");
    }

    @Test
    void a_forged_or_garbled_token_is_refused() {
        JsonNode p = preview("trader");
        String token = p.get("confirmation_token").asText();
        String[] parts = token.split("\\.");
        String flipped = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? "B" : "A") + parts[2].substring(1);
        for (String bad : List.of(flipped, "v1.abc.def", "garbage", token + "x", "v2." + parts[1] + "." + parts[2])) {
            ObjectNode order = tree(withToken(p));
            order.put("confirmation_token", bad);
            assertProblem(s.post("/api/real-trading/order/limit", trader, order.toString()), 400, "confirmation_token_invalid");
        }
    }

    @Test
    void without_a_token_an_order_is_refused_when_confirmation_is_required() {
        int count = s.engine.calls("place").size();
        assertProblem(s.post("/api/real-trading/order/market", trader, "{\"symbol\":\"BTCUSDT\",\"side\":\"BUY\",\"quantity\":1}"),
                400, "confirmation_required");
        assertThat(s.engine.calls("place")).hasSize(count);
    }

    @Test
    void a_rejected_preview_gets_no_token_and_every_failed_rule() {
        s.engine.failingRules = List.of(
                new RuleResult("max_position_size", false, "the position would be 14% of equity; the limit is 10%", new BigDecimal("0.10"), new BigDecimal("0.14")),
                new RuleResult("daily_loss_limit", false, "today's loss is already 5.2%", new BigDecimal("0.05"), new BigDecimal("0.052")));
        JsonNode p = preview("trader");
        assertThat(p.at("/verdict/approved").asBoolean()).isFalse();
        assertThat(p.get("confirmation_token").isNull()).isTrue();
        assertThat(p.at("/verdict/rules")).hasSize(3);
    }

    @Test
    void engine_refusals_map_to_their_statuses() {
        s.engine.placeAnswer = intent -> new Outcome.RiskRejected<>(List.of(
                new RuleResult("max_position_size", false, "the position would be 14% of equity; the limit is 10%", new BigDecimal("0.10"), new BigDecimal("0.14")),
                new RuleResult("min_account_balance", false, "the balance would fall below 100 USDT", new BigDecimal("100"), new BigDecimal("80.5"))));
        JsonNode risk = assertProblem(s.post("/api/real-trading/order/limit", trader, withToken(preview("trader"))), 422, "risk_rejected");
        assertThat(risk.get("violations")).hasSize(2);
        assertThat(risk.at("/violations/1/rule").asText()).isEqualTo("min_account_balance");
        assertThat(risk.at("/violations/1/limit").decimalValue()).isEqualByComparingTo("100");
        assertThat(risk.at("/violations/1/actual").decimalValue()).isEqualByComparingTo("80.5");
        assertThat(risk.get("detail").asText()).contains("2 risk rules");

        s.engine.placeAnswer = intent -> new Outcome.Conflict<OrderView>("trading_halted", "trading is halted after an emergency stop");
        assertProblem(s.post("/api/real-trading/order/limit", trader, withToken(preview("trader"))), 409, "trading_halted");
        s.engine.placeAnswer = intent -> new Outcome.Unavailable<OrderView>("the exchange did not answer within 10 s");
        assertProblem(s.post("/api/real-trading/order/limit", trader, withToken(preview("trader"))), 503, "exchange_unavailable");
        s.engine.placeAnswer = intent -> {
            throw new IllegalStateException("secret internals api_secret=abc123");
        };
        HttpResponse<String> crash = s.post("/api/real-trading/order/limit", trader, withToken(preview("trader")));
        assertProblem(crash, 500, "internal_error");
        assertThat(crash.body()).doesNotContain("abc123").doesNotContain("IllegalState");
    }
}
