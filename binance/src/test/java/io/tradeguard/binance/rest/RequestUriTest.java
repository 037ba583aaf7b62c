package io.tradeguard.binance.rest;

import io.tradeguard.binance.auth.ApiCredentials;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.InstantSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The URI kept per endpoint path for requests without a query is the one resolving it gives, every time. */
class RequestUriTest {
    private static final URI BASE = URI.create("http://127.0.0.1:1");

    private static RestTransport transport() {
        ServerClock clock = new ServerClock(InstantSource.system(), Duration.ofDays(1));
        return new RestTransport(BASE, RestTransport.defaultHttpClient(),
                ApiCredentials.hmac("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
                        "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"),
                clock, new RateGate(clock, 0.9, Duration.ZERO, e -> { }), RestTransport.Settings.defaults(), null);
    }

    @Test
    void bodyRequestsGetTheirPathsUriAndQueryRequestsTheirOwn() {
        RestTransport transport = transport();
        Endpoint post = new Endpoint("POST", "/api/v3/order", 1, Endpoint.Security.SIGNED, Endpoint.Retry.NEVER, true);
        Endpoint test = new Endpoint("POST", "/api/v3/order/test", 1, Endpoint.Security.SIGNED, Endpoint.Retry.IDEMPOTENT, false);
        Endpoint get = Endpoint.signedGet("/api/v3/order", 4);
        for (int i = 0; i < 3; i++) {
            SentRequest order = transport.prepare(post, Params.of().add("symbol", "BTCUSDT").add("quantity", i), null);
            HttpRequest http = transport.toHttp(order);
            assertThat(http.uri()).isEqualTo(URI.create("http://127.0.0.1:1/api/v3/order"));
            assertThat(http.method()).isEqualTo("POST");
            assertThat(order.body()).startsWith("symbol=BTCUSDT&quantity=" + i + "&recvWindow=");
            assertThat(transport.toHttp(transport.prepare(test, Params.of().add("symbol", "BTCUSDT"), null)).uri())
                    .isEqualTo(URI.create("http://127.0.0.1:1/api/v3/order/test"));
            SentRequest query = transport.prepare(get, Params.of().add("symbol", "BTCUSDT").add("origClientOrderId", "a" + i), null);
            assertThat(transport.toHttp(query).uri()).isEqualTo(BASE.resolve("/api/v3/order?" + query.query()));
            assertThat(transport.toHttp(query).uri().getQuery()).startsWith("symbol=BTCUSDT&origClientOrderId=a" + i + "&");
        }
    }
}
