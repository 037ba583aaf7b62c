package io.tradeguard.binance.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * The venue's clock as we estimate it: our clock plus the offset measured at the last sync (midpoint of
 * the round trip). Signed requests carry {@link #nowMillis()} as {@code timestamp}.
 */
public final class ServerClock {
    private final InstantSource local;
    private final Duration maxAge;
    private volatile long offsetMillis;
    private volatile long syncedAtLocalMillis = Long.MIN_VALUE;

    public ServerClock(InstantSource local, Duration maxAge) {
        this.local = local;
        this.maxAge = maxAge;
    }

    public long nowMillis() {
        return local.millis() + offsetMillis;
    }

    public Instant now() {
        return Instant.ofEpochMilli(nowMillis());
    }

    public long localMillis() {
        return local.millis();
    }

    public long offsetMillis() {
        return offsetMillis;
    }

    /** Records one measurement: we sent at {@code sentLocal}, the venue said {@code serverTime}, we read it at {@code receivedLocal}. */
    public void record(long serverTime, long sentLocal, long receivedLocal) {
        offsetMillis = serverTime - (sentLocal + (receivedLocal - sentLocal) / 2);
        syncedAtLocalMillis = receivedLocal;
    }

    /** True before the first sync and once the last one is older than the configured age. */
    public boolean isStale() {
        long synced = syncedAtLocalMillis;
        return synced == Long.MIN_VALUE || local.millis() - synced > maxAge.toMillis();
    }

    public void markStale() {
        syncedAtLocalMillis = Long.MIN_VALUE;
    }
}
