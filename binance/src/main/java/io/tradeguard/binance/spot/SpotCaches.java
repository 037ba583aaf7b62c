package io.tradeguard.binance.spot;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.Balance;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.VenueEvent;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Short-lived answers of the venue, reused to save request weight: order queries, balances, instruments.
 * A stream event about an order or a balance makes the matching answer stale at once; a stream gap makes
 * everything stale, since anything may have happened meanwhile.
 */
final class SpotCaches {
    private record OrderKey(Symbol symbol, ClientOrderId clientOrderId) {
    }

    private record Cached<T>(T value, long atMillis) {
    }

    private final InstantSource clock;
    private final Duration orderTtl;
    private final Duration balanceTtl;
    private final Duration instrumentTtl;
    private final Map<OrderKey, Cached<OrderUpdate>> orders = new ConcurrentHashMap<>();
    private volatile Cached<List<Balance>> balances;
    private volatile Cached<Map<Symbol, Instrument>> instruments;

    SpotCaches(InstantSource clock, Duration orderTtl, Duration balanceTtl, Duration instrumentTtl) {
        this.clock = clock;
        this.orderTtl = orderTtl;
        this.balanceTtl = balanceTtl;
        this.instrumentTtl = instrumentTtl;
    }

    Optional<OrderUpdate> order(Symbol symbol, ClientOrderId clientOrderId) {
        return fresh(orders.get(new OrderKey(symbol, clientOrderId)), orderTtl);
    }

    /**
     * Above this many cached answers the expired ones are dropped on the next write: an answer is only read within
     * its TTL, and without the sweep the map kept every order ever queried (the soak's heap grew with it).
     */
    static final int SWEEP_ABOVE = 1_024;

    void remember(OrderUpdate order) {
        long now = clock.millis();
        if (orders.size() >= SWEEP_ABOVE) {
            long ttl = orderTtl.toMillis();
            orders.values().removeIf(cached -> now - cached.atMillis() >= ttl);
        }
        orders.put(new OrderKey(order.symbol(), order.clientOrderId()), new Cached<>(order, now));
    }

    /** How many order answers are held (fresh or not yet swept). */
    int cachedOrders() {
        return orders.size();
    }

    Optional<List<Balance>> balances() {
        return fresh(balances, balanceTtl);
    }

    void remember(List<Balance> value) {
        balances = new Cached<>(List.copyOf(value), clock.millis());
    }

    /** A cancel or fill we caused ourselves changes balances too. */
    void forgetBalances() {
        balances = null;
    }

    Optional<Map<Symbol, Instrument>> instruments() {
        return fresh(instruments, instrumentTtl);
    }

    void remember(Map<Symbol, Instrument> value) {
        instruments = new Cached<>(Map.copyOf(value), clock.millis());
    }

    void forget(VenueEvent event) {
        switch (event) {
            case VenueEvent.OrderUpdated updated -> {
                orders.remove(new OrderKey(updated.update().symbol(), updated.update().clientOrderId()));
                balances = null;
            }
            case VenueEvent.BalancesUpdated ignored -> balances = null;
            case VenueEvent.BalanceDelta ignored -> balances = null;
            case VenueEvent.OrderListUpdated ignored -> orders.clear();
            case VenueEvent.ConnectionLost ignored -> forgetAll();
            case VenueEvent.ConnectionRestored ignored -> forgetAll();
            case VenueEvent.CallsSuspended ignored -> {
            }
            case VenueEvent.PriceTick ignored -> {
            }
        }
    }

    private void forgetAll() {
        orders.clear();
        balances = null;
    }

    private <T> Optional<T> fresh(Cached<T> cached, Duration ttl) {
        return cached != null && clock.millis() - cached.atMillis() < ttl.toMillis() ? Optional.of(cached.value()) : Optional.empty();
    }
}
