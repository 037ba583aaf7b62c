package io.tradeguard.binance.rest;

import io.tradeguard.core.venue.VenueError;
import io.tradeguard.core.venue.VenueError.Kind;
import io.tradeguard.core.venue.VenueEvent;
import io.tradeguard.core.venue.VenueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Keeps this client under Binance's limits instead of finding them: request weight per minute and
 * unfilled orders per 10 s / per day, read from the {@code X-MBX-USED-WEIGHT-1M} and
 * {@code X-MBX-ORDER-COUNT-*} headers of every answer (the venue's count is the truth; ours only adds
 * what is in flight). The minute's request weight is the higher of the venue's highest count within our own minute and
 * the weight of our calls answered (or sent and not answered) in it, plus the weight of the calls in flight: an answer
 * counts only what the venue had seen when it answered, so taking its count as it is would forget the calls still on
 * their way (several threads call at once). The 10 s order count is likewise the higher of the venue's highest count within our own
 * window and our own orders of that window (answered with a count, or not answered at all), plus the orders
 * in flight: the venue's window boundary is known only as well as our clock estimate, so a lower count after
 * its window rolled inside ours must not free places, and the margin under that limit is a few orders. Waits before a call that would cross {@code headroom}
 * of a limit. After a 429 every
 * call waits for {@code Retry-After}; after a 418 no call is made until the ban ends.
 */
public final class RateGate {
    private static final Logger log = LoggerFactory.getLogger(RateGate.class);

    private final ServerClock clock;
    private final Duration maxWait;
    private final Consumer<VenueEvent> events;
    private final double headroom;

    private int weightLimitPerMinute = 6_000;
    private int ordersLimitPer10s = 50;
    private int ordersLimitPerDay = 160_000;

    private long weightMinute = -1;
    private int venueWeight;            // the highest weight the venue reported in our current minute
    private int ownWeight;              // of our calls settled in our current minute that the venue counted or may have
    private int pendingWeight;          // of calls let through, not yet settled
    private long orderWindow = -1;
    private int venueOrders10s;         // the highest count the venue reported in our current window
    private int ownOrders10s;           // ours settled in our current window that the venue counted or may have
    private int pendingOrders;          // acquired, not yet settled
    private long orderDay = -1;
    private int usedOrdersDay;
    private long pausedUntilMillis;     // 429: wait, then go on
    private long bannedUntilMillis;     // 418: refuse every call
    private VenueError pauseCause;

    public RateGate(ServerClock clock, double headroom, Duration maxWait, Consumer<VenueEvent> events) {
        if (headroom <= 0 || headroom > 1) {
            throw new IllegalArgumentException("headroom is a fraction of the limit in (0, 1]");
        }
        this.clock = clock;
        this.headroom = headroom;
        this.maxWait = maxWait;
        this.events = events;
    }

    /** Limits as exchangeInfo publishes them (REQUEST_WEIGHT per minute, ORDERS per 10 s and per day). */
    public synchronized void limits(int weightPerMinute, int ordersPer10s, int ordersPerDay) {
        if (weightPerMinute > 0) {
            weightLimitPerMinute = weightPerMinute;
        }
        if (ordersPer10s > 0) {
            ordersLimitPer10s = ordersPer10s;
        }
        if (ordersPerDay > 0) {
            ordersLimitPerDay = ordersPerDay;
        }
    }

    /** Blocks until the call fits under the limits, or refuses it (ban, or a wait longer than allowed). */
    public void acquire(Endpoint endpoint) throws VenueException, InterruptedException {
        while (true) {
            long waitMillis;
            String counts;
            synchronized (this) {
                long now = clock.nowMillis();
                if (now < bannedUntilMillis) {
                    throw new VenueException(new VenueError(Kind.BANNED, pauseCause == null ? 0 : pauseCause.code(), 418,
                            "calls suspended: the venue banned this IP until " + Instant.ofEpochMilli(bannedUntilMillis),
                            Duration.ofMillis(bannedUntilMillis - now)));
                }
                waitMillis = Math.max(0, pausedUntilMillis - now);
                if (waitMillis == 0) {
                    waitMillis = weightWait(endpoint.weight(), now);
                }
                if (waitMillis == 0 && endpoint.placesOrder()) {
                    waitMillis = orderWait(now);
                }
                if (waitMillis == 0) {
                    pendingWeight += endpoint.weight();    // in flight until its answer (or its loss) settles it
                    if (endpoint.placesOrder()) {
                        pendingOrders++;
                        usedOrdersDay++;
                    }
                    return;
                }
                counts = "used weight " + usedWeightNow() + "/" + weightLimitPerMinute + ", orders " + usedOrders10s() + "/"
                        + ordersLimitPer10s + " per 10s";
                if (waitMillis > maxWait.toMillis()) {
                    throw new VenueException(new VenueError(Kind.RATE_LIMITED, 0, 0,
                            "held back by the client: " + endpoint + " would exceed the venue's rate limits for "
                                    + waitMillis + " ms", Duration.ofMillis(waitMillis)));
                }
            }
            log.info("throttle {} for {} ms ({})", endpoint, waitMillis, counts);
            Thread.sleep(waitMillis);
        }
    }

    private long weightWait(int weight, long now) {
        long minute = now / 60_000;
        if (minute != weightMinute) {
            weightMinute = minute;
            venueWeight = 0;
            ownWeight = 0;
        }
        if (usedWeightNow() + weight <= weightLimitPerMinute * headroom) {
            return 0;
        }
        return (minute + 1) * 60_000 - now + 50;
    }

    private long orderWait(long now) {
        long day = now / 86_400_000;
        if (day != orderDay) {
            orderDay = day;
            usedOrdersDay = 0;
        }
        if (usedOrdersDay + 1 > ordersLimitPerDay * headroom) {
            return (day + 1) * 86_400_000 - now;
        }
        rollOrderWindow(now);
        if (usedOrders10s() + 1 <= ordersLimitPer10s * headroom) {
            return 0;
        }
        return (orderWindow + 1) * 10_000 - now + 50;
    }

    private void rollOrderWindow(long now) {
        long window = now / 10_000;
        if (window != orderWindow) {
            orderWindow = window;
            venueOrders10s = 0;
            ownOrders10s = 0;
        }
    }

    private int usedWeightNow() {
        return Math.max(venueWeight, ownWeight) + pendingWeight;
    }

    private int usedOrders10s() {
        return Math.max(venueOrders10s, ownOrders10s) + pendingOrders;
    }

    /** The answer to a call that was let through: its headers, and an order call no longer in flight. */
    public synchronized void observe(Endpoint endpoint, HttpHeaders headers) {
        settleWeight(endpoint, true);
        if (endpoint.placesOrder()) {
            pendingOrders = Math.max(0, pendingOrders - 1);
            if (headers.firstValue("x-mbx-order-count-10s").isPresent()) {   // none: refused before it was counted
                orderWait(clock.nowMillis());
                ownOrders10s++;
            }
        }
        observe(headers);
    }

    /** A call that was let through was sent but got no answer: an order counts as placed for this window. */
    public synchronized void unanswered(Endpoint endpoint) {
        settleWeight(endpoint, true);
        if (endpoint.placesOrder()) {
            pendingOrders = Math.max(0, pendingOrders - 1);
            orderWait(clock.nowMillis());
            ownOrders10s++;
        }
    }

    /** A call that was let through was never sent (it failed before reaching the wire). */
    public synchronized void notSent(Endpoint endpoint) {
        settleWeight(endpoint, false);
        if (endpoint.placesOrder()) {
            pendingOrders = Math.max(0, pendingOrders - 1);
            usedOrdersDay = Math.max(0, usedOrdersDay - 1);
        }
    }

    /** A call let through is no longer in flight; its weight stays counted in this minute if it reached the venue. */
    private void settleWeight(Endpoint endpoint, boolean reachedVenue) {
        pendingWeight = Math.max(0, pendingWeight - endpoint.weight());
        if (reachedVenue) {
            weightWait(0, clock.nowMillis());        // roll the minute first
            ownWeight += endpoint.weight();
        }
    }

    /** Takes the venue's own counts from an answer's headers (of a call that placed no order, or not through the gate). */
    public synchronized void observe(HttpHeaders headers) {
        long now = clock.nowMillis();
        headers.firstValue("x-mbx-used-weight-1m").ifPresent(v -> {
            weightWait(0, now);                       // roll the window first
            // never lower within our minute, as for the order count below
            venueWeight = Math.max(venueWeight, parse(v, venueWeight));
        });
        headers.firstValue("x-mbx-order-count-10s").ifPresent(v -> {
            orderWait(now);                           // roll the windows first
            // never lower within our window: a lower count is the venue's window having rolled before ours (our
            // clock estimate is off by up to half a round trip), or an older answer overtaken by a newer one
            venueOrders10s = Math.max(venueOrders10s, parse(v, venueOrders10s));
        });
        headers.firstValue("x-mbx-order-count-1d").ifPresent(v -> usedOrdersDay = parse(v, usedOrdersDay));
    }

    /** The minute's weight as the gate counts it: the venue's or ours, whichever is higher, plus what is in flight. */
    public synchronized int usedWeight() {
        return usedWeightNow();
    }

    /** A 429 or 418 answer: every later call waits (429) or is refused (418) until it has passed. */
    public void suspend(VenueError error) {
        Duration wait = error.retryAfter().isZero()
                ? (error.kind() == Kind.BANNED ? Duration.ofMinutes(2) : Duration.ofSeconds(1))
                : error.retryAfter();
        Instant until;
        synchronized (this) {
            long end = clock.nowMillis() + wait.toMillis();
            if (error.kind() == Kind.BANNED) {
                bannedUntilMillis = Math.max(bannedUntilMillis, end);
            } else {
                pausedUntilMillis = Math.max(pausedUntilMillis, end);
            }
            pauseCause = error;
            until = Instant.ofEpochMilli(end);
        }
        log.warn("venue suspended calls: {} until {}", error, until);
        events.accept(new VenueEvent.CallsSuspended(error, until, Instant.ofEpochMilli(clock.localMillis())));
    }

    private static int parse(String value, int fallback) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
