package io.tradeguard.sim;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The default price source: a random walk that the seed makes reproducible. */
class RandomWalkTest {

    private static List<String> firstPrices(long seed, int n) {
        SimConfig cfg = SimConfig.defaults().withPort(0).withSeed(seed).withPriceFeed(new PriceFeed.Walk(15, 5));
        try (ExchangeSimulator sim = ExchangeSimulator.start(cfg)) {
            SimClient c = new SimClient(sim.baseUrl(), null);
            await().atMost(10, TimeUnit.SECONDS).until(() -> c.get("/api/v3/trades", "symbol", "BNBUSDT", "limit", "1000").body().size() >= n);
            List<String> prices = new ArrayList<>();
            c.get("/api/v3/trades", "symbol", "BNBUSDT", "limit", "1000").body().forEach(t -> prices.add(t.path("price").asText()));
            return prices.subList(0, n);
        }
    }

    @Test
    void sameSeedSamePathOtherSeedOtherPath() {
        List<String> a = firstPrices(7, 8);
        List<String> b = firstPrices(7, 8);
        List<String> c = firstPrices(8, 8);
        assertThat(a).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
        assertThat(a.stream().distinct().count()).isGreaterThan(1);
    }
}
