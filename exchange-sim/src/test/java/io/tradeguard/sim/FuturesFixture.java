package io.tradeguard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A fresh simulator per test (liquidations react to every price, so tests must not share one), manual prices. */
abstract class FuturesFixture {
    protected static final String TOKEN = "test-admin-token";
    protected final ShiftedClock clock = new ShiftedClock();
    protected ExchangeSimulator sim;

    /** The system clock plus whatever the test moved it by (signed requests add the same offset). */
    static final class ShiftedClock implements java.time.InstantSource {
        private final java.util.concurrent.atomic.AtomicLong offset = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public java.time.Instant instant() {
            return java.time.Instant.ofEpochMilli(millis());
        }

        @Override
        public long millis() {
            return System.currentTimeMillis() + offset.get();
        }

        void advanceMillis(long delta) {
            offset.addAndGet(delta);
        }
    }

    @BeforeEach
    void startSimulator() {
        sim = ExchangeSimulator.start(SimConfig.defaults().withPort(0).withAdminToken(TOKEN).withSeed(7)
                .withPriceFeed(new PriceFeed.Manual()).withClock(clock));
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    protected SimClient futures(String usdt) {
        return new SimClient(sim.baseUrl(), sim.createAccount(Map.of(), Map.of("USDT", new BigDecimal(usdt))));
    }

    protected SimClient.Response admin(String path, String json) {
        SimClient.Response r = new SimClient(sim.baseUrl(), null).admin("POST", path, TOKEN, json);
        return r;
    }

    protected void price(String symbol, String price, String mark) {
        SimClient.Response r = admin("/sim/v1/price", "{\"symbol\":\"" + symbol + "\",\"price\":\"" + price + "\""
                + (mark == null ? "" : ",\"mark_price\":\"" + mark + "\"") + ",\"market\":\"futures\"}");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    }

    protected void seed(SimClient c, String symbol, String amt, String entry, int leverage, String marginType, String isolatedWallet) {
        SimClient.Response r = admin("/sim/v1/positions", "{\"api_key\":\"" + c.account.apiKey() + "\",\"symbol\":\"" + symbol
                + "\",\"position_amt\":\"" + amt + "\",\"entry_price\":\"" + entry + "\",\"leverage\":" + leverage
                + ",\"margin_type\":\"" + marginType + "\",\"isolated_wallet\":\"" + isolatedWallet + "\"}");
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    }

    /** The v2 positionRisk entry of one symbol. */
    protected static JsonNode position(SimClient c, String symbol) {
        SimClient.Response r = c.signed("GET", "/fapi/v2/positionRisk", "symbol", symbol);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body().get(0);
    }

    /** The control API's view of one position (adds ROE, initial and maintenance margin). */
    protected JsonNode statePosition(SimClient c, String symbol) {
        JsonNode state = new SimClient(sim.baseUrl(), null).admin("GET", "/sim/v1/state", TOKEN, null).body();
        for (JsonNode a : state.path("futures_accounts")) {
            if (a.path("api_key").asText().equals(c.account.apiKey())) {
                for (JsonNode p : a.path("positions")) {
                    if (p.path("symbol").asText().equals(symbol)) {
                        return p;
                    }
                }
            }
        }
        throw new AssertionError("no position " + symbol);
    }

    protected static String wallet(SimClient c) {
        return c.signed("GET", "/fapi/v2/balance").body().get(0).path("balance").asText();
    }

    protected WsProbe userStream(SimClient c) {
        String key = c.raw("POST", "/fapi/v1/listenKey", "", "", c.account.apiKey()).body().path("listenKey").asText();
        assertThat(key).hasSize(64);
        return WsProbe.connect(sim.wsBaseUrl() + "/private/ws/" + key);
    }
}
