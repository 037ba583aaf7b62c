package io.tradeguard.sim;

import io.tradeguard.sim.engine.Liquidity;
import io.tradeguard.sim.engine.SymbolSpec;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;

/**
 * Everything the simulator is started with. Build from {@link #defaults()} with the {@code with…} copies.
 *
 * @param adminToken token for the /sim/v1 control API; null = generate one at start
 * @param recvWindowMaxMillis largest recvWindow accepted (Binance: 60000)
 * @param historyLimit closed orders and trades kept per account
 */
public record SimConfig(String host, int port, String adminToken, long seed, List<SymbolSpec> symbols,
                        Liquidity liquidity, PriceFeed feed, RateLimits rateLimits, long recvWindowMaxMillis,
                        InstantSource clock, BigDecimal makerRate, BigDecimal takerRate, Duration pingInterval,
                        boolean legacyListenKey, int historyLimit) {

    public SimConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(liquidity, "liquidity");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(pingInterval, "pingInterval");
        symbols = List.copyOf(symbols);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("at least one symbol");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port 0-65535 (0 = any free port)");
        }
        if (adminToken != null && adminToken.isBlank()) {
            throw new IllegalArgumentException("admin token must not be blank");
        }
        if (recvWindowMaxMillis < 1 || historyLimit < 1 || pingInterval.isNegative() || pingInterval.isZero()) {
            throw new IllegalArgumentException("recvWindowMax, historyLimit and pingInterval must be positive");
        }
        if (makerRate.signum() < 0 || takerRate.signum() < 0 || makerRate.compareTo(BigDecimal.ONE) > 0
                || takerRate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("commission rates are between 0 and 1");
        }
    }

    public static SimConfig defaults() {
        return new SimConfig("127.0.0.1", 0, null, 42L, SymbolSpec.defaults(), Liquidity.defaults(), PriceFeed.walk(),
                RateLimits.defaults(), 60_000, InstantSource.system(), new BigDecimal("0.001"), new BigDecimal("0.001"),
                Duration.ofSeconds(20), false, 100_000);
    }

    public SimConfig withHost(String v) {
        return new SimConfig(v, port, adminToken, seed, symbols, liquidity, feed, rateLimits, recvWindowMaxMillis, clock, makerRate, takerRate, pingInterval, legacyListenKey, historyLimit);
    }

    public SimConfig withPort(int v) {
        return new SimConfig(host, v, adminToken, seed, symbols, liquidity, feed, rateLimits, recvWindowMaxMillis, clock, makerRate, takerRate, pingInterval, legacyListenKey, historyLimit);
    }

    public SimConfig withAdminToken(String v) {
        return new SimConfig(host, port, v, seed, symbols, liquidity, feed, rateLimits, recvWindowMaxMillis, clock, makerRate, takerRate, pingInterval, legacyListenKey, historyLimit);
    }

    public SimConfig withSeed(long v) {
        return new SimConfig(host, port, adminToken, v, symbols, liquidity, feed, rateLimits, recvWindowMaxMillis, clock, makerRate, takerRate, pingInterval, legacyListenKey, historyLimit);
    }

    public SimConfig withSymbols(List<SymbolSpec> v) {
        return new SimConfig(host, port, adminToken, seed, v, liquidity, feed, rateLimits, recvWindowMaxMillis, clock, makerRate, takerRate, pingInterval, legacyListenKey, historyLimit);
    }

    public SimConfig withLiquidity(Liquidity v) {
        return new SimConfig(host, port, adminToken, seed, symbols, v, feed, rateLimits, recvWindowMaxMillis, clock, makerRate, takerRate, pingInterval, legacyListenKey, historyLimit);
    }

    public SimConfig withPriceFeed(PriceFeed v) {
        return new SimConfig(host, port, adminToken, seed, symbols, liquidity, v, rateLimits, recvWindowMaxMillis, clock, makerRate, takerRate, pingInterval, legacyListenKey, historyLimit);
    }

    public SimConfig withRateLimits(RateLimits v) {
        return new SimConfig(host, port, adminToken, seed, symbols, liquidity, feed, v, recvWindowMaxMillis, clock, makerRate, takerRate, pingInterval, legacyListenKey, historyLimit);
    }

    public SimConfig withRecvWindowMax(long v) {
        return new SimConfig(host, port, adminToken, seed, symbols, liquidity, feed, rateLimits, v, clock, makerRate, takerRate, pingInterval, legacyListenKey, historyLimit);
    }

    public SimConfig withClock(InstantSource v) {
        return new SimConfig(host, port, adminToken, seed, symbols, liquidity, feed, rateLimits, recvWindowMaxMillis, v, makerRate, takerRate, pingInterval, legacyListenKey, historyLimit);
    }

    public SimConfig withCommission(BigDecimal maker, BigDecimal taker) {
        return new SimConfig(host, port, adminToken, seed, symbols, liquidity, feed, rateLimits, recvWindowMaxMillis, clock, maker, taker, pingInterval, legacyListenKey, historyLimit);
    }

    public SimConfig withPingInterval(Duration v) {
        return new SimConfig(host, port, adminToken, seed, symbols, liquidity, feed, rateLimits, recvWindowMaxMillis, clock, makerRate, takerRate, v, legacyListenKey, historyLimit);
    }

    public SimConfig withLegacyListenKey(boolean v) {
        return new SimConfig(host, port, adminToken, seed, symbols, liquidity, feed, rateLimits, recvWindowMaxMillis, clock, makerRate, takerRate, pingInterval, v, historyLimit);
    }

    public SimConfig withHistoryLimit(int v) {
        return new SimConfig(host, port, adminToken, seed, symbols, liquidity, feed, rateLimits, recvWindowMaxMillis, clock, makerRate, takerRate, pingInterval, legacyListenKey, v);
    }
}
