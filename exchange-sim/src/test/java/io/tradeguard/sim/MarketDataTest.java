package io.tradeguard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.sim.feed.KlineCsv;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Public market data endpoints, klines built from trades, and the kline CSV replay feed. */
class MarketDataTest extends SimFixture {

    private void price(String symbol, String price) {
        assertThat(publicClient().admin("POST", "/sim/v1/price", TOKEN,
                "{\"symbol\":\"" + symbol + "\",\"price\":\"" + price + "\"}").status()).isEqualTo(200);
    }

    @Test
    void pingTimeAndExchangeInfo() {
        SimClient c = publicClient();
        assertThat(c.get("/api/v3/ping").body().size()).isZero();
        long serverTime = c.get("/api/v3/time").body().path("serverTime").asLong();
        assertThat(Math.abs(serverTime - System.currentTimeMillis())).isLessThan(5000);
        JsonNode info = c.get("/api/v3/exchangeInfo").body();
        assertThat(info.path("timezone").asText()).isEqualTo("UTC");
        assertThat(info.path("symbols").findValuesAsText("symbol")).contains("BTCUSDT", "ETHUSDT", "BNBUSDT", "SOLUSDT");
        JsonNode one = c.get("/api/v3/exchangeInfo", "symbol", "BTCUSDT").body().path("symbols");
        assertThat(one).hasSize(1);
        assertThat(one.get(0).path("filters").findValuesAsText("filterType"))
                .contains("PRICE_FILTER", "LOT_SIZE", "MARKET_LOT_SIZE", "NOTIONAL", "MAX_NUM_ORDERS", "TRAILING_DELTA");
        assertThat(one.get(0).path("filters").get(0).path("tickSize").asText()).isEqualTo("0.01000000");
        assertThat(c.get("/api/v3/exchangeInfo", "symbols", "[\"BTCUSDT\",\"ETHUSDT\"]").body().path("symbols")).hasSize(2);
        assertThat(c.get("/api/v3/exchangeInfo", "symbols", "[\"BTCUSDT\",\"XXXUSDT\"]").code()).isEqualTo(-1121);
        assertThat(c.get("/api/v3/exchangeInfo", "symbol", "XXXUSDT").code()).isEqualTo(-1121);
    }

    @Test
    void depthTickersAndRecentTrades() {
        price("SOLUSDT", "150");
        SimClient c = publicClient();
        JsonNode depth = c.get("/api/v3/depth", "symbol", "SOLUSDT", "limit", "5").body();
        assertThat(depth.path("lastUpdateId").isIntegralNumber()).isTrue();
        assertThat(depth.path("bids")).hasSize(5);
        assertThat(depth.path("asks")).hasSize(5);
        assertThat(dec(depth.path("bids").get(0).get(0))).isLessThan(dec(depth.path("asks").get(0).get(0)));
        assertThat(dec(depth.path("asks").get(0).get(0))).isLessThan(dec(depth.path("asks").get(1).get(0)));
        assertThat(c.get("/api/v3/ticker/price", "symbol", "SOLUSDT").body().path("price").asText()).isEqualTo("150.00000000");
        assertThat(c.get("/api/v3/ticker/price").body().size()).isEqualTo(4);
        JsonNode book = c.get("/api/v3/ticker/bookTicker", "symbol", "SOLUSDT").body();
        assertThat(book.path("bidPrice").asText()).isEqualTo(depth.path("bids").get(0).get(0).asText());
        JsonNode t24 = c.get("/api/v3/ticker/24hr", "symbol", "SOLUSDT").body();
        assertThat(t24.path("lastPrice").asText()).isEqualTo("150.00000000");
        assertThat(t24.path("count").asLong()).isPositive();
        assertThat(c.get("/api/v3/ticker/24hr", "symbol", "SOLUSDT", "type", "MINI").body().has("bidPrice")).isFalse();
        assertThat(c.get("/api/v3/trades", "symbol", "SOLUSDT", "limit", "1").body().get(0).path("price").asText()).isEqualTo("150.00000000");
        assertThat(c.get("/api/v3/avgPrice", "symbol", "SOLUSDT").body().path("mins").asInt()).isEqualTo(5);
    }

    @Test
    void klinesAreBuiltFromTrades() {
        price("BNBUSDT", "600");
        price("BNBUSDT", "610");
        price("BNBUSDT", "590");
        price("BNBUSDT", "605");
        JsonNode klines = publicClient().get("/api/v3/klines", "symbol", "BNBUSDT", "interval", "1d").body();
        JsonNode bar = klines.get(klines.size() - 1);
        assertThat(bar).hasSize(12);
        assertThat(bar.get(0).isIntegralNumber()).isTrue();
        assertThat(bar.get(2).asText()).isEqualTo("610.00000000");
        assertThat(bar.get(3).asText()).isEqualTo("590.00000000");
        assertThat(bar.get(4).asText()).isEqualTo("605.00000000");
        assertThat(bar.get(6).asLong() - bar.get(0).asLong()).isEqualTo(86_399_999L);
        assertThat(bar.get(8).asLong()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void klineCsvParsesBothTimeUnitsAndAHeader() throws Exception {
        List<KlineCsv.Row> micros = KlineCsv.parse(List.of(TestKeys.resource("/wire-fixtures/klines/BTCUSDT-1m-sample-us.csv").split("\n")));
        List<KlineCsv.Row> millis = KlineCsv.parse(List.of(TestKeys.resource("/wire-fixtures/klines/BTCUSDT-1m-sample-ms-header.csv").split("\n")));
        assertThat(micros).hasSize(5);
        assertThat(micros.get(0).openTime()).isEqualTo(1735689600000L);
        assertThat(micros.get(0).closeTime()).isEqualTo(1735689659999L);
        assertThat(millis).hasSize(3);
        assertThat(millis.get(0).openTime()).isEqualTo(1609459200000L);
    }

    @Test
    void replayFeedPlaysTheFileIntoTheMarket() throws Exception {
        Path csv = Files.createTempFile("replay", ".csv");
        Files.writeString(csv, TestKeys.resource("/wire-fixtures/klines/BTCUSDT-1m-sample-us.csv"));
        try {
            assertThat(publicClient().admin("POST", "/sim/v1/feed", TOKEN, "{\"mode\":\"replay\",\"symbol\":\"BTCUSDT\",\"path\":\""
                    + csv + "\",\"ms_per_bar\":40}").status()).isEqualTo(200);
            await().atMost(5, TimeUnit.SECONDS).until(() ->
                    publicClient().get("/api/v3/ticker/price", "symbol", "BTCUSDT").body().path("price").asText().equals("60200.00000000"));
            JsonNode high = publicClient().get("/api/v3/klines", "symbol", "BTCUSDT", "interval", "1d").body();
            assertThat(dec(high.get(high.size() - 1).get(2))).isGreaterThanOrEqualTo(new java.math.BigDecimal("60210.50"));
            assertThat(publicClient().admin("POST", "/sim/v1/feed", TOKEN, "{\"mode\":\"replay\",\"symbol\":\"BTCUSDT\",\"path\":\"/no/such.csv\"}")
                    .status()).isEqualTo(400);
        } finally {
            publicClient().admin("POST", "/sim/v1/feed", TOKEN, "{\"mode\":\"manual\"}");
            Files.deleteIfExists(csv);
        }
    }
}
