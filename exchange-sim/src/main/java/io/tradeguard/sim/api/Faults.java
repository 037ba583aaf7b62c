package io.tradeguard.sim.api;

import java.util.concurrent.atomic.AtomicInteger;

/** Faults injected through /sim/v1/faults (DESIGN.md §5); {@link #clear()} puts everything back. */
public final class Faults {
    private volatile double httpErrorRate;
    private volatile int httpStatus = 503;
    private volatile long latencyMillis;
    private volatile long clockSkewMillis;
    private final AtomicInteger rejectNextOrders = new AtomicInteger();

    public void clear() {
        httpErrorRate = 0;
        httpStatus = 503;
        latencyMillis = 0;
        clockSkewMillis = 0;
        rejectNextOrders.set(0);
    }

    public double httpErrorRate() {
        return httpErrorRate;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public long latencyMillis() {
        return latencyMillis;
    }

    public long clockSkewMillis() {
        return clockSkewMillis;
    }

    public int rejectNextOrders() {
        return rejectNextOrders.get();
    }

    public void httpErrors(double rate, int status) {
        if (rate < 0 || rate > 1 || status < 400 || status > 599) {
            throw new IllegalArgumentException("http_error_rate 0-1 and http_status 400-599");
        }
        this.httpErrorRate = rate;
        this.httpStatus = status;
    }

    public void latency(long millis) {
        if (millis < 0 || millis > 60_000) {
            throw new IllegalArgumentException("latency_ms 0-60000");
        }
        this.latencyMillis = millis;
    }

    public void clockSkew(long millis) {
        if (Math.abs(millis) > 86_400_000L) {
            throw new IllegalArgumentException("clock_skew_ms within a day");
        }
        this.clockSkewMillis = millis;
    }

    public void rejectNextOrders(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("reject_next_orders >= 0");
        }
        rejectNextOrders.set(n);
    }

    /** Consumes one injected rejection if any is left. */
    public boolean takeOrderRejection() {
        return rejectNextOrders.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
