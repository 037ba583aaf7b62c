package io.tradeguard.sim;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The unfilled-order count per account: headers on order responses, 429 -1015 past the limit. */
class OrderCountTest extends SimFixture {

    @Override
    protected SimConfig config() {
        return super.config().withRateLimits(new RateLimits(6000, 3, 1000, 2, 120));
    }

    @Test
    void tooManyOrdersIn10Seconds() {
        SimClient a = client("USDT", "100000");
        SimClient.Response r = null;
        for (int i = 1; i <= 3; i++) {
            r = a.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                    "quantity", "0.01", "price", "40000");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("X-MBX-ORDER-COUNT-10S")).isNotNull();
            assertThat(r.header("X-MBX-ORDER-COUNT-1D")).isNotNull();
        }
        // a window boundary may fall between the orders; keep going until the limit bites
        do {
            r = a.signed("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
                    "quantity", "0.01", "price", "40000");
        } while (r.status() == 200);
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.code()).isEqualTo(-1015);
        assertThat(r.msg()).isEqualTo("Too many new orders; current limit is 3 orders per 10 SECOND.");
        assertThat(r.header("Retry-After")).isNotNull();
        // successful order requests cost no weight
        assertThat(Integer.parseInt(r.header("X-MBX-USED-WEIGHT-1M"))).isLessThan(100);
    }

    /** faqs/order_count_decrement.md: "So long as your orders trade, you can keep trading." */
    @Test
    void ordersThatTradeDoNotCount() {
        SimClient a = client("USDT", "100000");
        for (int i = 0; i < 8; i++) {
            SimClient.Response r = a.signed("POST", "/api/v3/order", "symbol", "ETHUSDT", "side", "BUY", "type", "MARKET",
                    "quantity", "0.01");
            assertThat(r.status()).as("order %d: %s", i, r.body()).isEqualTo(200);
            assertThat(r.body().path("status").asText()).isEqualTo("FILLED");
            await().atMost(5, TimeUnit.SECONDS).until(() ->
                    a.signed("GET", "/api/v3/rateLimit/order").body().get(0).path("count").asInt() == 0);
        }
    }
}
