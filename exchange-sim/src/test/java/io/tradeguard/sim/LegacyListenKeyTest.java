package io.tradeguard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The listen-key flow of binance-api.md §5.1, behind SimConfig.withLegacyListenKey(true); off by default. */
class LegacyListenKeyTest extends SimFixture {
    private final ManualClock clock = new ManualClock();

    @Override
    protected SimConfig config() {
        return super.config().withLegacyListenKey(true).withClock(clock);
    }

    @Test
    void offByDefaultAsOnBinance() {
        try (ExchangeSimulator plain = ExchangeSimulator.start(SimConfig.defaults().withPort(0).withPriceFeed(new PriceFeed.Manual()))) {
            SimAccount acct = plain.createAccount(java.util.Map.of());
            SimClient c = new SimClient(plain.baseUrl(), acct);
            assertThat(c.raw("POST", "/api/v3/userDataStream", "", "", acct.apiKey()).status()).isEqualTo(404);
        }
    }

    @Test
    void listenKeyStreamsRawEventsUntilItExpires() {
        SimClient a = client("USDT", "1000");
        a.clockOffsetMillis = clock.millis() - System.currentTimeMillis();
        SimClient.Response created = a.raw("POST", "/api/v3/userDataStream", "", "", a.account.apiKey());
        assertThat(created.status()).isEqualTo(200);
        String key = created.body().path("listenKey").asText();
        assertThat(key).hasSize(60);
        assertThat(a.raw("POST", "/api/v3/userDataStream", "", "", a.account.apiKey()).body().path("listenKey").asText()).isEqualTo(key);
        assertThat(a.raw("POST", "/api/v3/userDataStream", "", "", null).code()).isEqualTo(-2014);

        try (WsProbe ws = WsProbe.connect(sim.wsBaseUrl() + "/ws/" + key)) {
            await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
                a.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                        "quantity", "0.001", "price", "50000");
                assertThat(ws.messages).isNotEmpty();
            });
            JsonNode report = ws.await(m -> m.path("e").asText().equals("executionReport"));
            assertThat(report.has("subscriptionId")).isFalse();
            assertThat(report.path("x").asText()).isEqualTo("NEW");

            assertThat(a.raw("PUT", "/api/v3/userDataStream", "listenKey=" + key, "", a.account.apiKey()).status()).isEqualTo(200);
            SimClient.Response unknown = a.raw("PUT", "/api/v3/userDataStream", "listenKey=nope", "", a.account.apiKey());
            assertThat(unknown.code()).isEqualTo(-1125);
            assertThat(unknown.msg()).isEqualTo("This listenKey does not exist.");

            clock.advanceMillis(61 * 60_000L);
            JsonNode expired = ws.await(m -> m.path("e").asText().equals("listenKeyExpired"));
            assertThat(expired.path("listenKey").asText()).isEqualTo(key);
            a.clockOffsetMillis = clock.millis() - System.currentTimeMillis();
            assertThat(a.raw("PUT", "/api/v3/userDataStream", "listenKey=" + key, "", a.account.apiKey()).code()).isEqualTo(-1125);
        }
        String second = a.raw("POST", "/api/v3/userDataStream", "", "", a.account.apiKey()).body().path("listenKey").asText();
        assertThat(second).isNotEqualTo(key);
        assertThat(a.raw("DELETE", "/api/v3/userDataStream", "listenKey=" + second, "", a.account.apiKey()).status()).isEqualTo(200);
    }
}
