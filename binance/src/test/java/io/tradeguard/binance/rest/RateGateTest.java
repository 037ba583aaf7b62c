package io.tradeguard.binance.rest;

import io.tradeguard.core.venue.VenueError;
import io.tradeguard.core.venue.VenueError.Kind;
import io.tradeguard.core.venue.VenueEvent;
import io.tradeguard.core.venue.VenueException;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateGateTest {
    /** 10 s into a minute, so the weight window has 50 s left. */
    private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-11-22T10:00:10Z"));
    private final List<VenueEvent> events = new ArrayList<>();
    private final ServerClock serverClock = new ServerClock(clock, Duration.ofMinutes(5));

    private RateGate gate(Duration maxWait) {
        RateGate gate = new RateGate(serverClock, 0.9, maxWait, events::add);
        gate.limits(1000, 10, 100);
        return gate;
    }

    private static HttpHeaders headers(Map<String, String> values) {
        return HttpHeaders.of(values.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))), (a, b) -> true);
    }

    @Test
    void calls_pass_below_the_headroom_and_are_held_back_before_the_limit() throws Exception {
        RateGate gate = gate(Duration.ZERO);
        gate.observe(headers(Map.of("X-MBX-USED-WEIGHT-1M", "880")));
        gate.acquire(Endpoint.publicGet("/x", 20));            // 900 = 90% of 1000: still fine
        assertThat(gate.usedWeight()).isEqualTo(900);
        assertThatThrownBy(() -> gate.acquire(Endpoint.publicGet("/x", 1)))
                .isInstanceOfSatisfying(VenueException.class, e -> {
                    assertThat(e.error().kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.error().retryAfter()).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(51)); // until the next minute
                });
    }

    @Test
    void the_venues_count_replaces_ours_once_our_minute_has_rolled() throws Exception {
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(
                Instant.parse("2026-11-22T10:00:10Z"));
        RateGate gate = new RateGate(new ServerClock(now::get, Duration.ofMinutes(5)), 0.9, Duration.ZERO, events::add);
        gate.limits(1000, 10, 100);
        Endpoint heavy = Endpoint.publicGet("/x", 500);
        gate.acquire(heavy);
        gate.observe(heavy, headers(Map.of("x-mbx-used-weight-1m", "500")));
        assertThat(gate.usedWeight()).isEqualTo(500);
        now.set(Instant.parse("2026-11-22T10:01:01Z"));
        gate.observe(headers(Map.of("x-mbx-used-weight-1m", "12")));
        assertThat(gate.usedWeight()).isEqualTo(12);
    }

    @Test
    void calls_in_flight_stay_counted_when_another_answer_brings_the_venues_count() throws Exception {
        RateGate gate = gate(Duration.ZERO);
        Endpoint heavy = Endpoint.publicGet("/x", 500);
        gate.acquire(heavy);                                   // on its way: the venue has not counted it yet
        gate.observe(headers(Map.of("x-mbx-used-weight-1m", "12")));
        assertThat(gate.usedWeight()).isEqualTo(512);
        // so a second heavy call waits, where replacing the count with the venue's 12 let it through into a 429
        assertThatThrownBy(() -> gate.acquire(heavy)).isInstanceOf(VenueException.class);
        // its answer counts it (the venue's count now includes it)
        gate.observe(heavy, headers(Map.of("x-mbx-used-weight-1m", "512")));
        assertThat(gate.usedWeight()).isEqualTo(512);
        // a call that never reached the venue frees its weight; one sent without an answer keeps it
        Endpoint light = Endpoint.publicGet("/y", 100);
        gate.acquire(light);
        gate.notSent(light);
        assertThat(gate.usedWeight()).isEqualTo(512);
        gate.acquire(light);
        gate.unanswered(light);
        // whether the venue counted it is unknown: ours (500 + 100) is now above the venue's last 512
        assertThat(gate.usedWeight()).isEqualTo(600);
        // an older answer with a lower count, overtaken by a newer one, lowers nothing
        gate.observe(headers(Map.of("x-mbx-used-weight-1m", "300")));
        assertThat(gate.usedWeight()).isEqualTo(600);
        gate.observe(headers(Map.of("x-mbx-used-weight-1m", "640")));  // other clients on the same IP
        assertThat(gate.usedWeight()).isEqualTo(640);
    }

    @Test
    void order_count_per_ten_seconds_is_respected() throws Exception {
        RateGate gate = gate(Duration.ZERO);
        Endpoint order = new Endpoint("POST", "/api/v3/order", 1, Endpoint.Security.SIGNED, Endpoint.Retry.NEVER, true);
        gate.observe(headers(Map.of("X-MBX-ORDER-COUNT-10S", "8")));
        gate.acquire(order);                                   // 9 of 10 = 90%
        assertThatThrownBy(() -> gate.acquire(order)).isInstanceOf(VenueException.class);
        gate.acquire(Endpoint.publicGet("/x", 1));           // reads are not orders
    }

    @Test
    void a_429_pauses_every_call_and_raises_an_event() {
        RateGate gate = gate(Duration.ZERO);
        VenueError error = new VenueError(Kind.RATE_LIMITED, -1003, 429, "too much weight", Duration.ofSeconds(7));
        gate.suspend(error);
        assertThat(events).singleElement().isInstanceOfSatisfying(VenueEvent.CallsSuspended.class, e -> {
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.until()).isEqualTo(Instant.parse("2026-11-22T10:00:17Z"));
        });
        assertThatThrownBy(() -> gate.acquire(Endpoint.publicGet("/x", 1)))
                .isInstanceOfSatisfying(VenueException.class, e -> assertThat(e.error().kind()).isEqualTo(Kind.RATE_LIMITED));
    }

    @Test
    void a_418_refuses_every_call_until_the_ban_ends() {
        RateGate gate = gate(Duration.ofHours(1));              // even a patient caller is refused during a ban
        gate.suspend(new VenueError(Kind.BANNED, -1003, 418, "IP banned", Duration.ofSeconds(120)));
        assertThatThrownBy(() -> gate.acquire(Endpoint.publicGet("/x", 1)))
                .isInstanceOfSatisfying(VenueException.class, e -> {
                    assertThat(e.error().kind()).isEqualTo(Kind.BANNED);
                    assertThat(e.error().retryAfter()).isEqualTo(Duration.ofSeconds(120));
                });
        assertThat(events).singleElement().isInstanceOf(VenueEvent.CallsSuspended.class);
    }

    private static final Endpoint ORDER = new Endpoint("POST", "/api/v3/order", 1, Endpoint.Security.SIGNED, Endpoint.Retry.NEVER, true);

    private static HttpHeaders orderCount(int tenSeconds) {
        return headers(Map.of("X-MBX-ORDER-COUNT-10S", String.valueOf(tenSeconds)));
    }

    private RateGate orderGate() {
        RateGate gate = gate(Duration.ZERO);
        gate.limits(1000, 5, 1000);                              // 90 %: 4 orders per 10 s
        return gate;
    }

    private static void assertHeldBack(RateGate gate) {
        assertThatThrownBy(() -> gate.acquire(ORDER))
                .isInstanceOfSatisfying(VenueException.class, e -> {
                    assertThat(e.error().kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.error().httpStatus()).isZero();
                });
    }

    /**
     * Our estimate of the venue's clock runs ahead of it, so our 10 s window starts first and the venue's rolls
     * in the middle of a burst: its count starts again at 1 while ours holds the orders of this window. Limit 5,
     * headroom 90 %: 4 orders in our window, never a fifth (a fresh-clone CI run once placed 5).
     */
    @Test
    void a_venue_window_rolling_inside_ours_does_not_lower_the_order_count() throws Exception {
        RateGate gate = orderGate();
        gate.acquire(ORDER);
        gate.observe(ORDER, orderCount(1));
        gate.acquire(ORDER);
        gate.observe(ORDER, orderCount(2));
        gate.acquire(ORDER);
        gate.observe(ORDER, orderCount(1));                      // the venue's window rolled
        gate.acquire(ORDER);
        gate.observe(ORDER, orderCount(2));
        assertHeldBack(gate);
    }

    @Test
    void an_answer_counted_before_other_orders_in_flight_does_not_forget_them() throws Exception {
        RateGate gate = orderGate();
        for (int i = 0; i < 4; i++) {
            gate.acquire(ORDER);                                // four callers, none answered yet
        }
        gate.observe(ORDER, orderCount(1));                      // the first answer: the venue had counted one
        assertHeldBack(gate);
    }

    @Test
    void a_higher_venue_order_count_is_taken() throws Exception {
        RateGate gate = orderGate();
        gate.acquire(ORDER);
        gate.observe(ORDER, orderCount(4));                      // orders from another session of the account
        assertHeldBack(gate);
    }

    @Test
    void an_order_refused_before_the_venue_counted_it_frees_its_place() throws Exception {
        RateGate gate = orderGate();
        gate.acquire(ORDER);
        gate.observe(ORDER, headers(Map.of("X-MBX-USED-WEIGHT-1M", "3"))); // -1021: refused, no order count
        for (int i = 1; i <= 4; i++) {
            gate.acquire(ORDER);
            gate.observe(ORDER, orderCount(i));
        }
        assertHeldBack(gate);
    }

    @Test
    void an_order_without_an_answer_counts_and_one_never_sent_does_not() throws Exception {
        RateGate gate = orderGate();
        gate.acquire(ORDER);
        gate.notSent(ORDER);                                     // e.g. the connection was refused
        for (int i = 0; i < 4; i++) {
            gate.acquire(ORDER);
            gate.unanswered(ORDER);                              // timeouts: the venue may have them
        }
        assertHeldBack(gate);
    }

    @Test
    void our_own_window_rolling_starts_the_order_count_again() throws Exception {
        MutableClock now = new MutableClock(Instant.parse("2026-11-22T10:00:19.500Z"));
        RateGate gate = new RateGate(new ServerClock(now, Duration.ofMinutes(5)), 0.9, Duration.ZERO, events::add);
        gate.limits(1000, 5, 1000);
        for (int i = 1; i <= 4; i++) {
            gate.acquire(ORDER);
            gate.observe(ORDER, orderCount(i));
        }
        assertHeldBack(gate);
        now.set(Instant.parse("2026-11-22T10:00:20.001Z"));
        gate.acquire(ORDER);                                    // a new window of ours
        gate.observe(ORDER, orderCount(1));
        gate.acquire(ORDER);
    }

    private static final class MutableClock implements InstantSource {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
