package io.tradeguard.sim;

/**
 * Request weight per IP and minute, unfilled orders per account per 10 s and per day (binance-api.md
 * §8.1); after {@code warningsBeforeBan} answers of 429 the IP is banned (418) for {@code banSeconds}.
 */
public record RateLimits(int weightPerMinute, int ordersPer10s, int ordersPerDay, int warningsBeforeBan,
                         int banSeconds) {
    public RateLimits {
        if (weightPerMinute < 1 || ordersPer10s < 1 || ordersPerDay < 1 || warningsBeforeBan < 0 || banSeconds < 1) {
            throw new IllegalArgumentException("rate limits must be positive");
        }
    }

    public static RateLimits defaults() {
        return new RateLimits(6000, 100, 200_000, 3, 120);
    }
}
