package io.tradeguard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** /sim/v1 (DESIGN.md §5): token, accounts, balances, fees, external orders, state, and every fault. */
class ControlApiTest extends SimFixture {

    private SimClient.Response admin(String path, String json) {
        return publicClient().admin("POST", path, TOKEN, json);
    }

    @AfterEach
    void clearFaults() {
        admin("/sim/v1/faults", "{}");
    }

    @Test
    void tokenIsRequiredAndBodiesAreStrict() {
        SimClient c = publicClient();
        assertThat(c.admin("GET", "/sim/v1/state", null, null).status()).isEqualTo(401);
        assertThat(c.admin("GET", "/sim/v1/state", "wrong", null).status()).isEqualTo(401);
        assertThat(c.admin("GET", "/sim/v1/state", TOKEN, null).status()).isEqualTo(200);
        SimClient.Response unknown = admin("/sim/v1/price", "{\"symbol\":\"BTCUSDT\",\"price\":\"1\",\"colour\":\"red\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("error").asText()).contains("colour");
        assertThat(admin("/sim/v1/price", "{\"symbol\":\"NOPE\",\"price\":\"1\"}").status()).isEqualTo(400);
        assertThat(admin("/sim/v1/price", "{\"symbol\":\"BTCUSDT\",\"price\":\"1.001\"}").status()).isEqualTo(400);
        assertThat(admin("/sim/v1/price", "{\"symbol\":\"BTCUSDT\",\"price\":\"60000.05\",\"market\":\"futures\"}").status()).isEqualTo(400);
        assertThat(admin("/sim/v1/price", "{\"symbol\":\"BTCUSDT\",\"price\":\"60000\",\"mark_price\":\"60000\",\"market\":\"spot\"}").status()).isEqualTo(400);
        assertThat(admin("/sim/v1/price", "{\"symbol\":\"BTCUSDT\",\"price\":\"60000\",\"market\":\"moon\"}").status()).isEqualTo(400);
    }

    @Test
    void accountsWithGivenOrGeneratedKeys() {
        SimClient.Response given = admin("/sim/v1/accounts", "{\"api_key\":\"myKey1\",\"secret_key\":\"mySecret1\",\"balances\":{\"USDT\":\"10000\"}}");
        assertThat(given.body().path("api_key").asText()).isEqualTo("myKey1");
        assertThat(given.body().path("secret_key").asText()).isEqualTo("mySecret1");
        SimClient mine = new SimClient(sim.baseUrl(), new SimAccount("myKey1", "mySecret1"));
        assertThat(balance(mine, "USDT")[0]).isEqualByComparingTo("10000");
        SimClient.Response generated = admin("/sim/v1/accounts", "{\"balances\":{\"BTC\":\"1\"}}");
        assertThat(generated.body().path("api_key").asText()).hasSize(64);
        assertThat(generated.body().path("secret_key").asText()).hasSize(64);
        assertThat(admin("/sim/v1/accounts", "{\"api_key\":\"myKey1\"}").status()).isEqualTo(400);
    }

    @Test
    void balanceFeesExternalOrderAndState() {
        SimClient a = client("USDT", "1000");
        String key = a.account.apiKey();
        assertThat(admin("/sim/v1/balance", "{\"api_key\":\"" + key + "\",\"market\":\"spot\",\"asset\":\"USDT\",\"delta\":\"-25\"}").status()).isEqualTo(200);
        assertThat(balance(a, "USDT")[0]).isEqualByComparingTo("975");
        assertThat(admin("/sim/v1/balance", "{\"api_key\":\"" + key + "\",\"asset\":\"USDT\",\"delta\":\"-5000\"}").status()).isEqualTo(400);

        assertThat(admin("/sim/v1/fees", "{\"api_key\":\"" + key + "\",\"market\":\"spot\",\"maker\":\"0.0002\",\"taker\":\"0.0004\"}").status()).isEqualTo(200);
        JsonNode acct = a.signed("GET", "/api/v3/account").body();
        assertThat(acct.path("commissionRates").path("maker").asText()).isEqualTo("0.00020000");
        assertThat(acct.path("commissionRates").path("taker").asText()).isEqualTo("0.00040000");

        SimClient.Response ext = admin("/sim/v1/external-order", "{\"api_key\":\"" + key + "\",\"market\":\"spot\",\"symbol\":\"BTCUSDT\","
                + "\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\"0.01\",\"price\":\"50000\"}");
        assertThat(ext.status()).as(ext.body().toString()).isEqualTo(200);
        JsonNode open = a.signed("GET", "/api/v3/openOrders", "symbol", "BTCUSDT").body();
        assertThat(open).hasSize(1);
        assertThat(open.get(0).path("clientOrderId").asText()).startsWith("web_");

        JsonNode state = publicClient().admin("GET", "/sim/v1/state", TOKEN, null).body();
        assertThat(state.path("books").has("BTCUSDT")).isTrue();
        assertThat(state.path("books").path("BTCUSDT").path("bids").size()).isPositive();
        assertThat(state.path("accounts").findValuesAsText("api_key")).contains(key);
    }

    @Test
    void httpErrorsLatencyAndRejections() {
        SimClient a = client("USDT", "1000");
        assertThat(admin("/sim/v1/faults", "{\"http_error_rate\":1.0,\"http_status\":503}").status()).isEqualTo(200);
        SimClient.Response failed = a.get("/api/v3/time");
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.code()).isEqualTo(-1008);
        admin("/sim/v1/faults", "{}");
        assertThat(a.get("/api/v3/time").status()).isEqualTo(200);

        admin("/sim/v1/faults", "{\"latency_ms\":300}");
        long t0 = System.nanoTime();
        assertThat(a.get("/api/v3/ping").status()).isEqualTo(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(300);
        admin("/sim/v1/faults", "{}");

        admin("/sim/v1/faults", "{\"reject_next_orders\":1}");
        SimClient.Response rejected = a.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
                "timeInForce", "GTC", "quantity", "0.01", "price", "50000");
        assertThat(rejected.code()).isEqualTo(-2010);
        assertThat(rejected.msg()).isEqualTo("This action is disabled on this account.");
        assertThat(a.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
                "timeInForce", "GTC", "quantity", "0.01", "price", "50000").status()).isEqualTo(200);
    }

    @Test
    void clockSkewMakesLocalTimestampsStale() {
        SimClient a = client("USDT", "1000");
        long before = a.get("/api/v3/time").body().path("serverTime").asLong();
        admin("/sim/v1/faults", "{\"clock_skew_ms\":8000}");
        long skewed = a.get("/api/v3/time").body().path("serverTime").asLong();
        assertThat(skewed - before).isBetween(7_000L, 20_000L);
        SimClient.Response stale = a.signed("GET", "/api/v3/account");
        assertThat(stale.code()).isEqualTo(-1021);
        a.clockOffsetMillis = skewed - System.currentTimeMillis();
        assertThat(a.signed("GET", "/api/v3/account").status()).isEqualTo(200);
    }

    @Test
    void rateLimitBurst() {
        admin("/sim/v1/faults", "{\"rate_limit_burst\":true}");
        SimClient.Response r = publicClient().get("/api/v3/ping");
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Retry-After")).isNotNull();
    }

    @Test
    void dropStreamsDisconnectsEveryWebSocket() {
        SimClient a = client("USDT", "1000");
        try (WsProbe market = WsProbe.connect(sim.wsBaseUrl() + "/ws/btcusdt@trade");
             WsProbe user = WsProbe.connect(sim.wsBaseUrl() + "/ws-api/v3")) {
            long ts = System.currentTimeMillis();
            Map<String, String> p = new TreeMap<>(Map.of("apiKey", a.account.apiKey(), "timestamp", String.valueOf(ts)));
            user.request("{\"id\":1,\"method\":\"userDataStream.subscribe.signature\",\"params\":{\"apiKey\":\"" + a.account.apiKey()
                    + "\",\"timestamp\":" + ts + ",\"signature\":\"" + SimClient.hmac(a.account.secretKey(), SimClient.query(p)) + "\"}}", 1);
            assertThat(admin("/sim/v1/faults", "{\"drop_streams\":true}").status()).isEqualTo(200);
            await().atMost(5, TimeUnit.SECONDS).until(() -> market.closed.get() && user.closed.get());
        }
    }

    @Test
    void walkFeedMovesPricesThenManualStopsThem() {
        SimClient c = publicClient();
        assertThat(admin("/sim/v1/feed", "{\"mode\":\"walk\",\"interval_ms\":20,\"max_step_bips\":5}").status()).isEqualTo(200);
        String first = c.get("/api/v3/ticker/price", "symbol", "BNBUSDT").body().path("price").asText();
        await().atMost(5, TimeUnit.SECONDS).until(() -> !c.get("/api/v3/ticker/price", "symbol", "BNBUSDT").body().path("price").asText().equals(first));
        assertThat(admin("/sim/v1/feed", "{\"mode\":\"manual\"}").status()).isEqualTo(200);
        assertThat(admin("/sim/v1/feed", "{\"mode\":\"sideways\"}").status()).isEqualTo(400);
    }
}
