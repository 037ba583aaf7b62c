package io.tradeguard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** User data over the WebSocket API at /ws-api/v3 (binance-api.md §5.2, §5.3). */
class UserDataStreamTest extends SimFixture {
    private static final List<String> EXECUTION_REPORT_KEYS = List.of("e", "E", "s", "c", "S", "o", "f", "q", "p", "P", "F", "g",
            "C", "x", "X", "r", "i", "l", "z", "L", "n", "N", "T", "t", "I", "w", "m", "M", "O", "Z", "Y", "Q", "V");

    private WsProbe connect() {
        return WsProbe.connect(sim.wsBaseUrl() + "/ws-api/v3");
    }

    /** A userDataStream.subscribe.signature frame signed over the sorted params (§2.3). */
    private static String subscribeFrame(SimAccount acct, int id, long timestamp) {
        Map<String, String> params = new TreeMap<>(Map.of("apiKey", acct.apiKey(), "timestamp", String.valueOf(timestamp)));
        String payload = SimClient.query(params);
        String sig = SimClient.hmac(acct.secretKey(), payload);
        return "{\"id\":" + id + ",\"method\":\"userDataStream.subscribe.signature\",\"params\":{\"apiKey\":\"" + acct.apiKey()
                + "\",\"timestamp\":" + timestamp + ",\"signature\":\"" + sig + "\"}}";
    }

    private static List<JsonNode> events(WsProbe ws) {
        return ws.messages.stream().filter(m -> m.has("subscriptionId")).map(m -> m.path("event")).toList();
    }

    @Test
    void eventsArriveWrappedAndInBinanceOrder() {
        SimClient maker = client("BTC", "1");
        SimClient taker = client("USDT", "100000");
        try (WsProbe ws = connect()) {
            JsonNode ok = ws.request(subscribeFrame(maker.account, 1, System.currentTimeMillis()), 1);
            assertThat(ok.path("status").asInt()).isEqualTo(200);
            assertThat(ok.path("result").path("subscriptionId").asInt()).isZero();
            assertThat(ok.path("rateLimits").get(0).path("rateLimitType").asText()).isEqualTo("REQUEST_WEIGHT");

            maker.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "SELL", "type", "LIMIT", "timeInForce", "GTC",
                    "quantity", "0.1", "price", "60005", "newClientOrderId", "maker-1");
            taker.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                    "quantity", "0.1", "price", "60005");
            await().atMost(5, TimeUnit.SECONDS).until(() -> events(ws).size() >= 4);
            List<JsonNode> ev = events(ws);
            assertThat(ev.stream().map(e -> e.path("e").asText()).toList())
                    .containsExactly("executionReport", "outboundAccountPosition", "executionReport", "outboundAccountPosition");
            JsonNode created = ev.get(0);
            assertThat(created.path("x").asText()).isEqualTo("NEW");
            assertThat(created.path("X").asText()).isEqualTo("NEW");
            assertThat(created.path("c").asText()).isEqualTo("maker-1");
            assertThat(created.path("N").isNull()).isTrue();
            assertThat(created.path("w").asBoolean()).isTrue();
            EXECUTION_REPORT_KEYS.forEach(k -> assertThat(created.has(k)).as(k).isTrue());
            assertThat(created.has("W")).isTrue();
            JsonNode locked = ev.get(1).path("B");
            assertThat(locked.findValuesAsText("a")).contains("BTC");
            JsonNode trade = ev.get(2);
            assertThat(trade.path("x").asText()).isEqualTo("TRADE");
            assertThat(trade.path("X").asText()).isEqualTo("FILLED");
            assertThat(trade.path("m").asBoolean()).isTrue();
            assertThat(trade.path("l").asText()).isEqualTo("0.10000000");
            assertThat(trade.path("L").asText()).isEqualTo("60005.00000000");
            assertThat(trade.path("N").asText()).isEqualTo("USDT");
            assertThat(trade.path("Y").asText()).isEqualTo("6000.50000000");
            assertThat(trade.path("t").asLong()).isPositive();
            assertThat(ws.messages.stream().filter(m -> m.has("subscriptionId")).allMatch(m -> m.path("subscriptionId").asInt() == 0)).isTrue();
        }
    }

    @Test
    void expiredOrderCarriesItsExpiryReason() {
        SimClient a = client("USDT", "100000");
        try (WsProbe ws = connect()) {
            ws.request(subscribeFrame(a.account, 7, System.currentTimeMillis()), 7);
            a.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "IOC",
                    "quantity", "0.01", "price", "50000");
            JsonNode expired = ws.await(m -> m.path("event").path("x").asText().equals("EXPIRED")).path("event");
            assertThat(expired.path("X").asText()).isEqualTo("EXPIRED");
            assertThat(expired.path("eR").asText()).isEqualTo("UNFILLED_IOC_QUANTITY_EXPIRED");
        }
    }

    @Test
    void unsubscribeEndsTheStreamWithEventStreamTerminated() {
        SimClient a = client("USDT", "1000");
        try (WsProbe ws = connect()) {
            ws.request(subscribeFrame(a.account, 1, System.currentTimeMillis()), 1);
            JsonNode dup = ws.request(subscribeFrame(a.account, 2, System.currentTimeMillis()), 2);
            assertThat(dup.path("status").asInt()).isEqualTo(400);
            assertThat(dup.path("error").path("code").asInt()).isEqualTo(-2035);
            JsonNode list = ws.request("{\"id\":3,\"method\":\"session.subscriptions\",\"params\":{}}", 3);
            assertThat(list.path("result")).hasSize(1);
            assertThat(list.path("result").get(0).path("subscriptionId").asInt()).isZero();
            JsonNode inactive = ws.request("{\"id\":4,\"method\":\"userDataStream.unsubscribe\",\"params\":{\"subscriptionId\":9}}", 4);
            assertThat(inactive.path("error").path("code").asInt()).isEqualTo(-2036);

            JsonNode done = ws.request("{\"id\":5,\"method\":\"userDataStream.unsubscribe\",\"params\":{\"subscriptionId\":0}}", 5);
            assertThat(done.path("status").asInt()).isEqualTo(200);
            JsonNode terminated = ws.await(m -> m.path("event").path("e").asText().equals("eventStreamTerminated"));
            assertThat(terminated.path("subscriptionId").asInt()).isZero();
            assertThat(terminated.path("event").path("E").asLong()).isPositive();
            int before = ws.messages.size();
            a.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                    "quantity", "0.01", "price", "50000");
            JsonNode pong = ws.request("{\"id\":6,\"method\":\"ping\"}", 6);
            assertThat(pong.path("status").asInt()).isEqualTo(200);
            assertThat(ws.messages.size()).isEqualTo(before + 1);
        }
    }

    @Test
    void badSignatureAndUnknownKeyAreRefused() {
        SimClient a = client("USDT", "1000");
        try (WsProbe ws = connect()) {
            String frame = subscribeFrame(a.account, 1, System.currentTimeMillis());
            String tampered = frame.replaceFirst("\"signature\":\"(.)", "\"signature\":\"" + (frame.contains("\"signature\":\"0") ? "1" : "0"));
            JsonNode bad = ws.request(tampered, 1);
            assertThat(bad.path("status").asInt()).isEqualTo(400);
            assertThat(bad.path("error").path("code").asInt()).isEqualTo(-1022);
            JsonNode unknown = ws.request(subscribeFrame(new SimAccount("Unknown1", "x"), 2, System.currentTimeMillis()), 2);
            assertThat(unknown.path("status").asInt()).isEqualTo(401);
            assertThat(unknown.path("error").path("code").asInt()).isEqualTo(-2015);
            JsonNode stale = ws.request(subscribeFrame(a.account, 3, System.currentTimeMillis() - 60_000), 3);
            assertThat(stale.path("error").path("code").asInt()).isEqualTo(-1021);
            JsonNode noLogon = ws.request("{\"id\":4,\"method\":\"userDataStream.subscribe\"}", 4);
            assertThat(noLogon.path("status").asInt()).isEqualTo(401);
        }
    }

    @Test
    void logonWithEd25519ThenSubscribeAndLogout() {
        KeyPair kp = TestKeys.ed25519();
        String apiKey = sim.createEd25519Account(TestKeys.publicPem(kp), Map.of("USDT", new BigDecimal("500")));
        try (WsProbe ws = connect()) {
            long ts = System.currentTimeMillis();
            String sig = TestKeys.sign(kp, "apiKey=" + apiKey + "&timestamp=" + ts);
            ws.send("{\"id\":11,\"method\":\"session.logon\",\"params\":{\"apiKey\":\"" + apiKey + "\",\"timestamp\":" + ts
                    + ",\"signature\":\"" + sig + "\"}}");
            JsonNode logon = ws.await(m -> m.path("id").asInt() == 11);
            assertThat(logon.path("status").asInt()).as(logon.toString()).isEqualTo(200);
            assertThat(logon.path("result").path("apiKey").asText()).isEqualTo(apiKey);
            assertThat(logon.path("result").path("userDataStream").asBoolean()).isFalse();
            JsonNode sub = ws.request("{\"id\":12,\"method\":\"userDataStream.subscribe\"}", 12);
            assertThat(sub.path("result").path("subscriptionId").asInt()).isZero();
            assertThat(ws.request("{\"id\":13,\"method\":\"session.status\"}", 13).path("result").path("userDataStream").asBoolean()).isTrue();

            publicClient().admin("POST", "/sim/v1/balance", TOKEN, "{\"api_key\":\"" + apiKey + "\",\"asset\":\"USDT\",\"delta\":\"25\"}");
            JsonNode balance = ws.await(m -> m.path("event").path("e").asText().equals("balanceUpdate")).path("event");
            assertThat(balance.path("a").asText()).isEqualTo("USDT");
            assertThat(balance.path("d").asText()).isEqualTo("25.00000000");
            JsonNode position = ws.await(m -> m.path("event").path("e").asText().equals("outboundAccountPosition")).path("event");
            assertThat(position.path("B").get(0).path("f").asText()).isEqualTo("525.00000000");
            assertThat(ws.messages.indexOf(ws.await(m -> m.path("event").path("e").asText().equals("balanceUpdate"))))
                    .isLessThan(ws.messages.indexOf(ws.await(m -> m.path("event").path("e").asText().equals("outboundAccountPosition"))));

            ws.request("{\"id\":14,\"method\":\"session.logout\"}", 14);
            ws.await(m -> m.path("event").path("e").asText().equals("eventStreamTerminated"));
        }
        SimClient hmacUser = client("USDT", "1");
        try (WsProbe ws = connect()) {
            long ts = System.currentTimeMillis();
            String payload = "apiKey=" + hmacUser.account.apiKey() + "&timestamp=" + ts;
            JsonNode refused = ws.request("{\"id\":21,\"method\":\"session.logon\",\"params\":{\"apiKey\":\"" + hmacUser.account.apiKey()
                    + "\",\"timestamp\":" + ts + ",\"signature\":\"" + SimClient.hmac(hmacUser.account.secretKey(), payload) + "\"}}", 21);
            assertThat(refused.path("status").asInt()).isEqualTo(401);
        }
    }

    @Test
    void ocoSendsListStatus() {
        SimClient a = client("SOL", "10");
        publicClient().admin("POST", "/sim/v1/price", TOKEN, "{\"symbol\":\"SOLUSDT\",\"price\":\"150\"}");
        try (WsProbe ws = connect()) {
            ws.request(subscribeFrame(a.account, 1, System.currentTimeMillis()), 1);
            a.signed("POST", "/api/v3/orderList/oco", "symbol", "SOLUSDT", "side", "SELL", "quantity", "1",
                    "aboveType", "LIMIT_MAKER", "abovePrice", "170", "belowType", "STOP_LOSS", "belowStopPrice", "130");
            JsonNode list = ws.await(m -> m.path("event").path("e").asText().equals("listStatus")).path("event");
            assertThat(list.path("c").asText()).isEqualTo("OCO");
            assertThat(list.path("l").asText()).isEqualTo("EXEC_STARTED");
            assertThat(list.path("L").asText()).isEqualTo("EXECUTING");
            assertThat(list.path("O")).hasSize(2);
            await().atMost(5, TimeUnit.SECONDS).until(() -> events(ws).stream().filter(e -> e.path("e").asText().equals("executionReport")).count() == 2);
            List<JsonNode> reports = events(ws).stream().filter(e -> e.path("e").asText().equals("executionReport")).toList();
            assertThat(reports).allMatch(r -> r.path("g").asLong() == list.path("g").asLong());
        }
    }
}
