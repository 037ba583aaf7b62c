package io.tradeguard.sim;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.util.Map;

/** One simulator per test class, manual prices, on a free loopback port. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SimFixture {
    protected static final String TOKEN = "test-admin-token";
    protected ExchangeSimulator sim;

    protected SimConfig config() {
        return SimConfig.defaults().withPort(0).withAdminToken(TOKEN).withSeed(42).withPriceFeed(new PriceFeed.Manual());
    }

    @BeforeAll
    void startSimulator() {
        sim = ExchangeSimulator.start(config());
    }

    @AfterAll
    void stopSimulator() {
        sim.close();
    }

    protected SimClient client(String... balances) {
        Map<String, BigDecimal> b = new java.util.LinkedHashMap<>();
        for (int i = 0; i < balances.length; i += 2) {
            b.put(balances[i], new BigDecimal(balances[i + 1]));
        }
        return new SimClient(sim.baseUrl(), sim.createAccount(b));
    }

    protected SimClient publicClient() {
        return new SimClient(sim.baseUrl(), null);
    }

    protected static BigDecimal dec(com.fasterxml.jackson.databind.JsonNode n) {
        return new BigDecimal(n.asText());
    }

    /** free and locked of one asset, read over REST. */
    protected static BigDecimal[] balance(SimClient c, String asset) {
        SimClient.Response r = c.signed("GET", "/api/v3/account");
        for (var b : r.body().path("balances")) {
            if (b.path("asset").asText().equals(asset)) {
                return new BigDecimal[]{dec(b.path("free")), dec(b.path("locked"))};
            }
        }
        return new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO};
    }
}
