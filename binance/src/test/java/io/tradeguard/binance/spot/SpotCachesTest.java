package io.tradeguard.binance.spot;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.ExecutionType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.venue.OrderUpdate;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SpotCachesTest {
    private static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
    private final AtomicLong millis = new AtomicLong(1_700_000_000_000L);
    private final InstantSource clock = () -> Instant.ofEpochMilli(millis.get());
    private final SpotCaches caches = new SpotCaches(clock, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMinutes(5));

    private static OrderUpdate order(int n) {
        Instant t = Instant.ofEpochMilli(1_700_000_000_000L);
        return new OrderUpdate(Market.SPOT, BTCUSDT, n, ClientOrderId.of("TG-cache-" + n), Side.BUY, OrderType.LIMIT,
                TimeInForce.GTC, OrderStatus.NEW, ExecutionType.SNAPSHOT, new BigDecimal("0.01"), new BigDecimal("50000"),
                null, BigDecimal.ZERO, BigDecimal.ZERO, null, null, -1, false, t, t);
    }

    @Test
    void expired_answers_are_swept_so_the_cache_does_not_grow_with_every_order_ever_queried() {
        for (int i = 0; i < 10 * SpotCaches.SWEEP_ABOVE; i++) {
            caches.remember(order(i));
            millis.addAndGet(5); // 200 answers per second, each fresh for 2 s
        }
        // at most the answers of the last TTL (400) plus those written since the last sweep survive
        assertThat(caches.cachedOrders()).isLessThanOrEqualTo(SpotCaches.SWEEP_ABOVE + 1);
        assertThat(caches.order(BTCUSDT, ClientOrderId.of("TG-cache-" + (10 * SpotCaches.SWEEP_ABOVE - 1)))).isPresent();
        assertThat(caches.order(BTCUSDT, ClientOrderId.of("TG-cache-0"))).isEmpty();
    }

    @Test
    void fresh_answers_are_never_swept() {
        for (int i = 0; i < 2 * SpotCaches.SWEEP_ABOVE; i++) {
            caches.remember(order(i)); // all within one millisecond: all fresh
        }
        assertThat(caches.cachedOrders()).isEqualTo(2 * SpotCaches.SWEEP_ABOVE);
        assertThat(caches.order(BTCUSDT, ClientOrderId.of("TG-cache-0"))).isPresent();
    }
}
