package io.tradeguard.sim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Request weight per minute, 429 with Retry-After, then the 418 ban; order counts (binance-api.md §8.1). */
class RateLimitTest extends SimFixture {

    @Override
    protected SimConfig config() {
        return super.config().withRateLimits(new RateLimits(60, 3, 1000, 2, 120));
    }

    @Test
    void weightHeadersThen429ThenBan() {
        SimClient c = publicClient();
        SimClient.Response first = c.get("/api/v3/exchangeInfo");
        assertThat(first.status()).isEqualTo(200);
        int used = Integer.parseInt(first.header("X-MBX-USED-WEIGHT-1M"));
        assertThat(used).isGreaterThanOrEqualTo(20);
        assertThat(first.body().path("rateLimits").get(0).path("limit").asInt()).isEqualTo(60);
        SimClient.Response r;
        do {
            r = c.get("/api/v3/ping");
        } while (r.status() == 200);
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.code()).isEqualTo(-1003);
        assertThat(r.msg()).startsWith("Too much request weight used; current limit is 60 request weight per 1 MINUTE.");
        assertThat(Integer.parseInt(r.header("Retry-After"))).isBetween(1, 60);
        assertThat(c.get("/api/v3/ping").status()).isEqualTo(429);
        SimClient.Response banned = c.get("/api/v3/ping");
        assertThat(banned.status()).isEqualTo(418);
        assertThat(banned.code()).isEqualTo(-1003);
        assertThat(banned.msg()).startsWith("Way too much request weight used; IP banned until");
        assertThat(Integer.parseInt(banned.header("Retry-After"))).isBetween(100, 120);
    }
}
