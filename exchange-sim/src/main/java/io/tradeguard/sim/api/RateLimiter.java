package io.tradeguard.sim.api;

import io.tradeguard.sim.RateLimits;
import io.tradeguard.sim.engine.EngineEvent;
import io.tradeguard.sim.engine.EngineListener;
import io.tradeguard.sim.engine.ExecutionType;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Request weight per IP per minute, unfilled order counts per account per 10 s and per day
 * (binance-api.md §8.1); an order's first fill takes it off the counts again (faqs/order_count_decrement.md).
 */
public final class RateLimiter implements EngineListener {
    private final RateLimits limits;
    private final Map<String, IpState> ips = new HashMap<>();
    private final Map<Long, OrderState> accounts = new HashMap<>();

    private static final class IpState {
        long minute;
        int used;
        int warnings;
        long bannedUntil;
    }

    private static final class OrderState {
        long tenSeconds;
        int inTenSeconds;
        long day;
        int inDay;
    }

    public RateLimiter(RateLimits limits) {
        this.limits = limits;
    }

    public RateLimits limits() {
        return limits;
    }

    /** Adds {@code weight}; answers the weight used this minute, or throws 429 / 418. */
    public synchronized int charge(String ip, int weight, long now) {
        IpState s = ips.computeIfAbsent(ip, k -> new IpState());
        roll(s, now);
        if (s.bannedUntil > now) {
            throw banned(s, now);
        }
        s.used += weight;
        if (s.used > limits.weightPerMinute()) {
            s.warnings++;
            if (s.warnings > limits.warningsBeforeBan()) {
                s.bannedUntil = now + limits.banSeconds() * 1000L;
                throw banned(s, now);
            }
            int retry = (int) Math.max(1, (s.minute + 60_000 - now + 999) / 1000);
            throw new ApiError(429, -1003, "Too much request weight used; current limit is " + limits.weightPerMinute()
                    + " request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.", retry);
        }
        return s.used;
    }

    private ApiError banned(IpState s, long now) {
        int retry = (int) Math.max(1, (s.bannedUntil - now + 999) / 1000);
        return new ApiError(418, -1003, "Way too much request weight used; IP banned until " + s.bannedUntil
                + ". Please use WebSocket Streams for live updates to avoid bans.", retry);
    }

    /** Order endpoints cost nothing when they succeed (since 2026-04-02). */
    public synchronized void refund(String ip, int weight, long now) {
        IpState s = ips.get(ip);
        if (s != null) {
            roll(s, now);
            s.used = Math.max(0, s.used - weight);
        }
    }

    public synchronized int used(String ip, long now) {
        IpState s = ips.computeIfAbsent(ip, k -> new IpState());
        roll(s, now);
        return s.used;
    }

    /** Fault `rate_limit_burst`: every IP has used its whole minute. */
    public synchronized void exhaust(long now) {
        for (IpState s : ips.values()) {
            roll(s, now);
            s.used = limits.weightPerMinute();
        }
    }

    private static void roll(IpState s, long now) {
        long minute = now - Math.floorMod(now, 60_000L);
        if (minute != s.minute) {
            s.minute = minute;
            s.used = 0;
            s.warnings = 0;
        }
    }

    /** Counts {@code n} new orders; answers {10s count, day count} or throws 429 -1015. */
    public synchronized int[] countOrders(long accountId, int n, long now) {
        OrderState s = accounts.computeIfAbsent(accountId, k -> new OrderState());
        long ten = now - Math.floorMod(now, 10_000L);
        long day = now - Math.floorMod(now, 86_400_000L);
        if (ten != s.tenSeconds) {
            s.tenSeconds = ten;
            s.inTenSeconds = 0;
        }
        if (day != s.day) {
            s.day = day;
            s.inDay = 0;
        }
        if (s.inTenSeconds + n > limits.ordersPer10s()) {
            throw new ApiError(429, -1015, "Too many new orders; current limit is " + limits.ordersPer10s()
                    + " orders per 10 SECOND.", (int) Math.max(1, (ten + 10_000 - now + 999) / 1000));
        }
        if (s.inDay + n > limits.ordersPerDay()) {
            throw new ApiError(429, -1015, "Too many new orders; current limit is " + limits.ordersPerDay()
                    + " orders per 1 DAY.", (int) Math.max(1, (day + 86_400_000L - now + 999) / 1000));
        }
        s.inTenSeconds += n;
        s.inDay += n;
        return new int[]{s.inTenSeconds, s.inDay};
    }

    /** The first fill of an order (its executed quantity is this fill alone) decrements both counts. */
    @Override
    public void on(EngineEvent event) {
        if (event instanceof EngineEvent.OrderUpdate u && u.execType() == ExecutionType.TRADE
                && u.order().executedQty() == u.lastQty()) {
            synchronized (this) {
                OrderState s = accounts.get(u.accountId());
                if (s != null) {
                    s.inTenSeconds = Math.max(0, s.inTenSeconds - 1);
                    s.inDay = Math.max(0, s.inDay - 1);
                }
            }
        }
    }

    public synchronized int[] orderCounts(long accountId, long now) {
        OrderState s = accounts.get(accountId);
        if (s == null) {
            return new int[]{0, 0};
        }
        long ten = now - Math.floorMod(now, 10_000L);
        long day = now - Math.floorMod(now, 86_400_000L);
        return new int[]{ten == s.tenSeconds ? s.inTenSeconds : 0, day == s.day ? s.inDay : 0};
    }

    static String isoOf(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
