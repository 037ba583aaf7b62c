package io.tradeguard.binance.sim;

import io.tradeguard.binance.rest.RestTransport;
import io.tradeguard.binance.spot.BinanceSpotVenue;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.venue.OrderRequest;
import io.tradeguard.core.venue.SubmitResult;
import io.tradeguard.core.venue.VenueError.Kind;
import io.tradeguard.core.venue.VenueEvent;
import io.tradeguard.core.venue.VenueException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static io.tradeguard.binance.sim.Orders.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Every error path of the issue, injected through the simulator's fault API (a fresh simulator each). */
class SpotFaultsTest {
    private SimHarness harness;
    private BinanceSpotVenue venue;

    @BeforeEach
    void start() throws Exception {
        harness = new SimHarness();
        harness.sim.setPrice("BTCUSDT", new BigDecimal("60000"));
        venue = harness.venue();
    }

    @AfterEach
    void stop() {
        venue.close();
        harness.close();
    }

    private long postsOf(String path) {
        return harness.sent.stream().filter(r -> r.method().equals("POST") && r.path().equals(path)).count();
    }

    @Test
    void a_skewed_venue_clock_gives_minus_1021_once_then_the_client_resyncs_and_the_order_goes_through() {
        harness.faults("{\"clock_skew_ms\":5000}");
        OrderRequest order = Orders.limit(BTC, Side.BUY, "0.01", "50000");
        SubmitResult result = venue.submit(order);
        assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
        // the first POST was refused with -1021 (not processed), the second after the resync was placed
        assertThat(postsOf("/api/v3/order")).isEqualTo(2);
        assertThat(harness.sent).anySatisfy(r -> assertThat(r.path()).isEqualTo("/api/v3/time"));
        assertThat(harness.ordersOnSimWithClientId(order.clientOrderId().value())).isEqualTo(1);
    }

    @Test
    void idempotent_reads_are_retried_through_server_errors() throws Exception {
        try (BinanceSpotVenue persistent = harness.venue(c -> c.withRest(new RestTransport.Settings(Duration.ofSeconds(2),
                Duration.ofSeconds(2), 10, Duration.ofMillis(10), Duration.ofMillis(50))))) {
            harness.faults("{\"http_error_rate\":0.3,\"http_status\":503}");
            for (int i = 0; i < 10; i++) {
                assertThat(persistent.lastPrice(BTC)).isEqualByComparingTo("60000");
            }
        }
        long gets = harness.sent.stream().filter(r -> r.path().equals("/api/v3/ticker/price")).count();
        assertThat(gets).isGreaterThan(10); // some answers were 503 and were retried
    }

    @Test
    void a_persistent_server_error_surfaces_after_the_retries() {
        harness.faults("{\"http_error_rate\":1.0,\"http_status\":503}");
        assertThatThrownBy(() -> venue.lastPrice(BTC)).isInstanceOfSatisfying(VenueException.class, e -> {
            assertThat(e.error().kind()).isEqualTo(Kind.SERVER);
            assertThat(e.error().code()).isEqualTo(-1008);
            assertThat(e.error().retriable()).isTrue();
        });
        assertThat(harness.sent.stream().filter(r -> r.path().equals("/api/v3/ticker/price")).count()).isEqualTo(4); // 1 + 3 retries
    }

    @Test
    void an_order_post_that_meets_a_5xx_is_never_resent_but_resolved_by_query() throws Exception {
        harness.faults("{\"http_error_rate\":1.0,\"http_status\":500}");
        OrderRequest order = Orders.limit(BTC, Side.BUY, "0.01", "50000");
        CompletableFuture<SubmitResult> pending = CompletableFuture.supplyAsync(() -> venue.submit(order));
        await().atMost(Duration.ofSeconds(5)).until(() -> postsOf("/api/v3/order") == 1);
        harness.faults("{}"); // the venue heals while the client is resolving
        SubmitResult result = pending.get();
        // -1007 (500): execution status unknown; the query proves the order was not placed
        assertThat(result).isInstanceOfSatisfying(SubmitResult.NotPlaced.class, r -> assertThat(r.cause().code()).isEqualTo(-1007));
        assertThat(postsOf("/api/v3/order")).isEqualTo(1);
        assertThat(harness.ordersOnSimWithClientId(order.clientOrderId().value())).isZero();
    }

    @Test
    void when_the_query_fails_too_the_outcome_stays_unknown_and_nothing_is_resent() {
        harness.faults("{\"http_error_rate\":1.0,\"http_status\":502}");
        SubmitResult result = venue.submit(Orders.limit(BTC, Side.BUY, "0.01", "50000"));
        assertThat(result).isInstanceOfSatisfying(SubmitResult.Unknown.class, r -> assertThat(r.cause().kind()).isEqualTo(Kind.UNKNOWN_OUTCOME));
        assertThat(postsOf("/api/v3/order")).isEqualTo(1);
    }

    @Test
    void an_order_whose_answer_is_lost_is_found_by_its_client_id_and_exists_exactly_once() throws Exception {
        // the venue takes 2.5 s to answer, the client waits 2 s: the answer is lost, the order is placed
        OrderRequest order = Orders.limit(BTC, Side.BUY, "0.01", "50000");
        try (BinanceSpotVenue patient = harness.venue(c -> c.withRest(new RestTransport.Settings(Duration.ofSeconds(2),
                Duration.ofSeconds(5), 3, Duration.ofMillis(300), Duration.ofSeconds(2))))) {
            harness.faults("{\"latency_ms\":2500}");
            CompletableFuture<SubmitResult> pending = CompletableFuture.supplyAsync(() -> patient.submit(order));
            await().atMost(Duration.ofSeconds(5)).until(() -> postsOf("/api/v3/order") == 1);
            Thread.sleep(2_200); // past the client's timeout, before the venue answers
            harness.faults("{}");
            SubmitResult result = pending.get();
            assertThat(result).isInstanceOfSatisfying(SubmitResult.Accepted.class, a -> {
                assertThat(a.order().clientOrderId()).isEqualTo(order.clientOrderId());
                assertThat(a.order().status()).isEqualTo(OrderStatus.NEW);
            });
        }
        assertThat(postsOf("/api/v3/order")).isEqualTo(1);
        assertThat(harness.ordersOnSimWithClientId(order.clientOrderId().value())).isEqualTo(1);
    }

    @Test
    void an_order_that_arrives_after_its_recv_window_is_refused_by_the_venue_and_reported_not_placed() throws Exception {
        // recvWindow 2 s, latency 3 s: when the venue finally reads the order its window has passed
        harness.faults("{\"latency_ms\":3000}");
        OrderRequest order = Orders.limit(BTC, Side.BUY, "0.01", "50000");
        CompletableFuture<SubmitResult> pending = CompletableFuture.supplyAsync(() -> venue.submit(order));
        await().atMost(Duration.ofSeconds(5)).until(() -> postsOf("/api/v3/order") == 1);
        Thread.sleep(2_200);
        harness.faults("{}");
        SubmitResult result = pending.get();
        assertThat(result).isInstanceOf(SubmitResult.NotPlaced.class);
        assertThat(postsOf("/api/v3/order")).isEqualTo(1);
        assertThat(harness.ordersOnSimWithClientId(order.clientOrderId().value())).isZero();
    }

    @Test
    void a_429_suspends_every_call_and_tells_the_engine() {
        harness.faults("{\"rate_limit_burst\":true}");
        assertThatThrownBy(() -> venue.lastPrice(BTC)).isInstanceOfSatisfying(VenueException.class, e -> {
            assertThat(e.error().kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(e.error().retryAfter()).isPositive();
        });
        assertThat(harness.venueEvents).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(VenueEvent.CallsSuspended.class,
                s -> assertThat(s.error().httpStatus()).isEqualTo(429)));
        long sentBefore = harness.sent.size();
        // the next calls wait for Retry-After (longer than this client may wait): refused without touching the venue
        assertThat(venue.submit(Orders.limit(BTC, Side.BUY, "0.01", "50000"))).isInstanceOfSatisfying(SubmitResult.NotPlaced.class,
                r -> assertThat(r.cause().kind()).isEqualTo(Kind.RATE_LIMITED));
        assertThat(harness.sent).hasSize((int) sentBefore);
    }

    @Test
    void a_418_ban_stops_all_calls_until_it_ends() throws Exception {
        harness.faults("{\"rate_limit_burst\":true}");
        // another client on the same IP keeps calling through the 429s until the venue bans the IP
        HttpClient other = HttpClient.newHttpClient();
        int status = 0;
        for (int i = 0; i < 10 && status != 418; i++) {
            status = other.send(HttpRequest.newBuilder(URI.create(harness.sim.baseUrl() + "/api/v3/ping")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        }
        assertThat(status).isEqualTo(418);
        assertThatThrownBy(() -> venue.lastPrice(BTC)).isInstanceOfSatisfying(VenueException.class, e -> {
            assertThat(e.error().kind()).isEqualTo(Kind.BANNED);
            assertThat(e.error().retryAfter()).isGreaterThan(Duration.ofSeconds(60));
        });
        assertThat(harness.venueEvents).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(VenueEvent.CallsSuspended.class,
                s -> assertThat(s.error().kind()).isEqualTo(Kind.BANNED)));
        long sentBefore = harness.sent.size();
        assertThatThrownBy(() -> venue.balances()).isInstanceOfSatisfying(VenueException.class,
                e -> assertThat(e.error().kind()).isEqualTo(Kind.BANNED));
        assertThat(venue.submit(Orders.market(BTC, Side.BUY, "0.01"))).isInstanceOf(SubmitResult.NotPlaced.class);
        assertThat(harness.sent).hasSize((int) sentBefore); // nothing went out during the ban
        other.shutdownNow();
    }

    @Test
    void injected_order_rejections_come_back_as_rejected() {
        harness.faults("{\"reject_next_orders\":1}");
        assertThat(venue.submit(Orders.limit(BTC, Side.BUY, "0.01", "50000"))).isInstanceOf(SubmitResult.Rejected.class);
        assertThat(venue.submit(Orders.limit(BTC, Side.BUY, "0.01", "50000"))).isInstanceOf(SubmitResult.Accepted.class);
    }
}
