package io.tradeguard.sim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
}
