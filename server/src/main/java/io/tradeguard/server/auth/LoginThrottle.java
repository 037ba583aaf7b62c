package io.tradeguard.server.auth;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Limits login attempts per username and per client address (token buckets). Every attempt counts,
 * successful or not, and is counted before the password is checked. The bucket maps are bounded (least
 * recently used evicted), so a flood of invented usernames cannot exhaust memory; the per-address bucket
 * stops one client from producing that flood quickly.
 */
public final class LoginThrottle {
    private static final int MAX_TRACKED = 10_000;

    private final Supplier<Bucket> perUser;
    private final Supplier<Bucket> perAddress;
    private final Map<String, Bucket> users = lru();
    private final Map<String, Bucket> addresses = lru();

    public LoginThrottle(int attemptsPerUser, int attemptsPerAddress, Duration window) {
        this.perUser = () -> bucket(attemptsPerUser, window);
        this.perAddress = () -> bucket(attemptsPerAddress, window);
    }

    /** Takes one attempt from both buckets; empty when allowed, else how long to wait. */
    public Optional<Duration> attempt(String username, String address) {
        ConsumptionProbe byAddress;
        synchronized (addresses) {
            byAddress = addresses.computeIfAbsent(address, k -> perAddress.get()).tryConsumeAndReturnRemaining(1);
        }
        if (!byAddress.isConsumed()) {
            return Optional.of(wait(byAddress));
        }
        ConsumptionProbe byUser;
        synchronized (users) {
            byUser = users.computeIfAbsent(username, k -> perUser.get()).tryConsumeAndReturnRemaining(1);
        }
        return byUser.isConsumed() ? Optional.empty() : Optional.of(wait(byUser));
    }

    private static Duration wait(ConsumptionProbe probe) {
        return Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    private static Bucket bucket(int attempts, Duration window) {
        if (attempts < 1) {
            throw new IllegalArgumentException("a login limit must allow at least one attempt");
        }
        return Bucket.builder().addLimit(l -> l.capacity(attempts).refillGreedy(attempts, window)).build();
    }

    private static Map<String, Bucket> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                return size() > MAX_TRACKED;
            }
        };
    }
}
