package io.tradeguard.app.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tradeguard.binance.rest.RestTransport;
import io.tradeguard.core.engine.Engine;
import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.guard.TradingGuards;
import io.tradeguard.core.safety.CircuitBreaker;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service's own meters for {@code /metrics} (orders, fills and risk rejections are counted by
 * {@link EventFeed}): REST calls to the exchange, the engine's messages and queue, realized P&L, the kill
 * switch and the circuit breaker. Gauges read their value when scraped.
 */
final class ServiceMetrics {
    private ServiceMetrics() {
    }

    /** Latency of every REST call to the exchange per endpoint and method, tagged with the answer's status class. */
    static RestTransport.CallListener restCalls(MeterRegistry registry) {
        Map<String, Timer> timers = new ConcurrentHashMap<>();
        return (method, path, status, latency) -> timers.computeIfAbsent(method + " " + path + " " + status / 100,
                key -> Timer.builder("tradeguard_exchange_rest")
                        .description("REST calls to the exchange, from sending to the answer")
                        .tag("method", method).tag("endpoint", path)
                        .tag("outcome", status == 0 ? "no_answer" : status / 100 + "xx")
                        .publishPercentileHistogram().register(registry))
                .record(latency);
    }

    /** The engine's inbound queue, the time each message's decision takes, realized P&L, kill switch and breaker. */
    static void watch(MeterRegistry registry, Engine engine, TradingGuards guards) {
        Gauge.builder("tradeguard_engine_queue_depth", engine, Engine::queueDepth)
                .description("messages waiting in the engine's inbound queue").register(registry);
        Map<String, Timer> timers = new ConcurrentHashMap<>();
        engine.onMessageHandled((kind, nanos) -> timers.computeIfAbsent(kind,
                k -> Timer.builder("tradeguard_engine_message").description("time the engine thread spends deciding one message")
                        .tag("kind", k).publishPercentileHistogram().register(registry))
                .record(Duration.ofNanos(nanos)));

        AtomicReference<BigDecimal> realized = new AtomicReference<>(BigDecimal.ZERO);
        engine.addListener(entry -> {
            if (entry.event() instanceof DomainEvent.PositionClosed closed && closed.trade() != null) {
                realized.accumulateAndGet(closed.trade().realizedPnl(), BigDecimal::add);
            }
        });
        Gauge.builder("tradeguard_realized_pnl", realized, r -> r.get().doubleValue())
                .description("realized P&L of round trips closed since the service started (quote asset, net of fees)")
                .register(registry);
        Gauge.builder("tradeguard_daily_pnl", guards, g -> g.status().dailyPnl().doubleValue())
                .description("today's realized P&L as the kill switch counts it (UTC day)").register(registry);
        Gauge.builder("tradeguard_consecutive_losses", guards, g -> g.status().consecutiveLosses())
                .description("losing round trips in a row").register(registry);
        Gauge.builder("tradeguard_kill_switch_active", guards, g -> g.status().killSwitchActive() ? 1 : 0)
                .description("1 while the kill switch blocks new entries").register(registry);
        for (CircuitBreaker.Status state : CircuitBreaker.Status.values()) {
            Gauge.builder("tradeguard_circuit_breaker_state", guards, g -> g.circuitBreaker().status() == state ? 1 : 0)
                    .description("1 for the circuit breaker's current state")
                    .tag("state", state.name().toLowerCase(Locale.ROOT)).register(registry);
        }
    }
}
