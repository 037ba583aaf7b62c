package io.tradeguard.binance.sim;

import io.tradeguard.binance.spot.BinanceSpotVenue;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.venue.SubmitResult;
import io.tradeguard.core.venue.VenueError.Kind;
import io.tradeguard.core.venue.VenueException;
import io.tradeguard.sim.PriceFeed;
import io.tradeguard.sim.RateLimits;
import io.tradeguard.sim.SimConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.tradeguard.binance.sim.Orders.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client reads the venue's limits from exchangeInfo and its usage from the answer headers, and holds
 * calls back before the venue would refuse them: the venue never answers 429 here.
 */
class ThrottleTest {

    private static SimHarness tightLimits() {
        return new SimHarness(SimConfig.defaults().withPort(0).withAdminToken(SimHarness.ADMIN).withSeed(7)
                .withPriceFeed(new PriceFeed.Manual()).withRateLimits(new RateLimits(200, 5, 1000, 3, 120)));
    }

    /** Waits until at least {@code needed} ms are left in the limit window, so that the burst cannot straddle two. */
    private static void awaitRoomInWindow(BinanceSpotVenue venue, long windowMillis, long needed) throws Exception {
        while (venue.serverTime().toEpochMilli() % windowMillis > windowMillis - needed) {
            Thread.sleep(50);
        }
    }

    private static long answered429(SimHarness harness) {
        return harness.venueEvents.size(); // CallsSuspended is raised only on a 429/418 answer
    }

    @Test
    void orders_are_held_back_before_the_ten_second_order_limit() throws Exception {
        try (SimHarness harness = tightLimits(); BinanceSpotVenue venue = harness.venue()) {
            harness.sim.setPrice("BTCUSDT", new BigDecimal("60000"));
            awaitRoomInWindow(venue, 10_000, 3_000);
            // limit 5 per 10 s, headroom 90%: four go out, the fifth waits (longer than this client may wait)
            int placed = 0;
            SubmitResult held = null;
            for (int i = 0; i < 6 && held == null; i++) {
                SubmitResult result = venue.submit(Orders.limit(BTC, Side.BUY, "0.001", "50000"));
                if (result instanceof SubmitResult.Accepted) {
                    placed++;
                } else {
                    held = result;
                }
            }
            assertThat(placed).isEqualTo(4);
            assertThat(held).isInstanceOfSatisfying(SubmitResult.NotPlaced.class, r -> {
                assertThat(r.cause().kind()).isEqualTo(Kind.RATE_LIMITED);
                assertThat(r.cause().httpStatus()).isZero(); // our decision, not the venue's answer
            });
            assertThat(answered429(harness)).isZero();
        }
    }

    /**
     * The simulator's clock set 500 ms behind our estimate of it (a skewed first sync does the same): its 10 s
     * window rolls 500 ms after ours. Two orders go out early in our window, still in the simulator's previous
     * one; the rest after its window rolled, where it counts from 1 again. Our window still holds four.
     */
    @Test
    void a_venue_window_rolling_inside_ours_does_not_let_a_fifth_order_through() throws Exception {
        try (SimHarness harness = tightLimits(); BinanceSpotVenue venue = harness.venue()) {
            harness.sim.setPrice("BTCUSDT", new BigDecimal("60000"));
            harness.faults("{\"clock_skew_ms\": -500}");  // within the 1 s a timestamp may run ahead
            long ours = awaitWindowAge(venue, 10_000, 50, 250);
            int placed = 0;
            for (int i = 0; i < 2; i++) {
                assertThat(venue.submit(Orders.limit(BTC, Side.BUY, "0.001", "50000"))).isInstanceOf(SubmitResult.Accepted.class);
                placed++;
            }
            while (venue.serverTime().toEpochMilli() - ours < 700) {     // the simulator's window has rolled
                Thread.sleep(20);
            }
            SubmitResult held = null;
            for (int i = 0; i < 4 && held == null; i++) {
                SubmitResult result = venue.submit(Orders.limit(BTC, Side.BUY, "0.001", "50000"));
                if (result instanceof SubmitResult.Accepted) {
                    placed++;
                } else {
                    held = result;
                }
            }
            assertThat(venue.serverTime().toEpochMilli() / 10_000).as("the burst stayed in our window").isEqualTo(ours / 10_000);
            assertThat(placed).isEqualTo(4);
            assertThat(held).isInstanceOfSatisfying(SubmitResult.NotPlaced.class,
                    r -> assertThat(r.cause().kind()).isEqualTo(Kind.RATE_LIMITED));
            assertThat(answered429(harness)).isZero();
        }
    }

    /** Waits until our window is between {@code from} and {@code to} ms old; answers its start. */
    private static long awaitWindowAge(BinanceSpotVenue venue, long windowMillis, long from, long to) throws Exception {
        while (true) {
            long now = venue.serverTime().toEpochMilli();
            long age = now % windowMillis;
            if (age >= from && age <= to) {
                return now - age;
            }
            Thread.sleep(age < from ? 5 : Math.max(5, windowMillis - age - 20));
        }
    }

    @Test
    void request_weight_is_held_back_before_the_minute_limit() throws Exception {
        try (SimHarness harness = tightLimits(); BinanceSpotVenue venue = harness.venue()) {
            // limit 200 per minute, 90% = 180; each account call is 20; connect used 21 (time 1 + exchangeInfo 20)
            // if it fell in this same minute: 7 calls fit then, 9 otherwise
            awaitRoomInWindow(venue, 60_000, 5_000);
            int calls = 0;
            VenueException held = null;
            while (held == null && calls < 20) {
                try {
                    venue.rest().account();
                    calls++;
                } catch (VenueException e) {
                    held = e;
                }
            }
            assertThat(calls).isBetween(7, 9);
            assertThat(held.error().kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(held.error().httpStatus()).isZero();
            assertThat(answered429(harness)).isZero();
        }
    }
}
