package io.tradeguard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Market streams (binance-api.md §9): raw and combined, live subscriptions, server pings. */
class MarketStreamTest extends SimFixture {

    @Override
    protected SimConfig config() {
        return super.config().withPingInterval(Duration.ofMillis(200));
    }

    private void price(String symbol, String price) {
        assertThat(publicClient().admin("POST", "/sim/v1/price", TOKEN,
                "{\"symbol\":\"" + symbol + "\",\"price\":\"" + price + "\"}").status()).isEqualTo(200);
    }

    @Test
    void rawTradeStream() {
        try (WsProbe ws = WsProbe.connect(sim.wsBaseUrl() + "/ws/btcusdt@trade")) {
            await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
                price("BTCUSDT", "60100");
                assertThat(ws.messages).isNotEmpty();
            });
            JsonNode t = ws.messages.get(0);
            assertThat(t.path("e").asText()).isEqualTo("trade");
            assertThat(t.path("s").asText()).isEqualTo("BTCUSDT");
            assertThat(t.path("p").asText()).isEqualTo("60100.00000000");
            assertThat(t.path("t").isIntegralNumber()).isTrue();
            assertThat(t.path("m").isBoolean()).isTrue();
            assertThat(t.has("T") && t.has("E") && t.has("q") && t.has("M")).isTrue();
        }
    }

    @Test
    void combinedStreamWrapsBookTickerAndKlines() {
        try (WsProbe ws = WsProbe.connect(sim.wsBaseUrl() + "/stream?streams=ethusdt@bookTicker/ethusdt@kline_1m/ethusdt@aggTrade")) {
            await().atMost(5, TimeUnit.SECONDS).untilAsserted(() -> {
                price("ETHUSDT", "3010");
                assertThat(ws.messages.stream().map(m -> m.path("stream").asText()))
                        .contains("ethusdt@bookTicker", "ethusdt@kline_1m", "ethusdt@aggTrade");
            });
            JsonNode book = ws.await(m -> m.path("stream").asText().equals("ethusdt@bookTicker")).path("data");
            assertThat(book.path("s").asText()).isEqualTo("ETHUSDT");
            assertThat(book.has("u") && book.has("b") && book.has("B") && book.has("a") && book.has("A")).isTrue();
            assertThat(book.has("e")).isFalse();
            JsonNode kline = ws.await(m -> m.path("stream").asText().equals("ethusdt@kline_1m")).path("data");
            assertThat(kline.path("e").asText()).isEqualTo("kline");
            assertThat(kline.path("k").path("i").asText()).isEqualTo("1m");
            assertThat(kline.path("k").path("x").isBoolean()).isTrue();
            assertThat(kline.path("k").path("T").asLong() - kline.path("k").path("t").asLong()).isEqualTo(59_999);
        }
    }

    @Test
    void liveSubscribeListUnsubscribeAndProperties() {
        try (WsProbe ws = WsProbe.connect(sim.wsBaseUrl() + "/ws")) {
            JsonNode sub = ws.request("{\"method\":\"SUBSCRIBE\",\"params\":[\"solusdt@trade\",\"solusdt@kline_1s\"],\"id\":1}", 1);
            assertThat(sub.has("result")).isTrue();
            assertThat(sub.path("result").isNull()).isTrue();
            JsonNode list = ws.request("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":2}", 2);
            assertThat(list.path("result")).hasSize(2);
            JsonNode bad = ws.request("{\"method\":\"SUBSCRIBE\",\"params\":[\"nosuch@trade\"],\"id\":3}", 3);
            assertThat(bad.path("code").asInt()).isEqualTo(2);
            JsonNode prop = ws.request("{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":4}", 4);
            assertThat(prop.path("result").asBoolean()).isFalse();
            ws.request("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",true],\"id\":5}", 5);
            price("SOLUSDT", "151");
            JsonNode wrapped = ws.await(m -> m.path("stream").asText().equals("solusdt@trade"));
            assertThat(wrapped.path("data").path("e").asText()).isEqualTo("trade");
            ws.request("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"solusdt@trade\",\"solusdt@kline_1s\"],\"id\":6}", 6);
            assertThat(ws.request("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":7}", 7).path("result")).isEmpty();
            JsonNode unknown = ws.request("{\"method\":\"DANCE\",\"id\":8}", 8);
            assertThat(unknown.path("code").asInt()).isEqualTo(2);
            ws.send("{not json");
            JsonNode invalid = ws.await(m -> m.path("code").asInt() == 3);
            assertThat(invalid.path("msg").asText()).startsWith("Invalid JSON");
        }
    }

    @Test
    void serverSendsPings() {
        try (WsProbe ws = WsProbe.connect(sim.wsBaseUrl() + "/ws/bnbusdt@trade");
             WsProbe api = WsProbe.connect(sim.wsBaseUrl() + "/ws-api/v3")) {
            await().atMost(5, TimeUnit.SECONDS).until(() -> ws.pings.get() >= 2 && api.pings.get() >= 2);
        }
    }
}
