package io.tradeguard.core.engine;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.ledger.AssetBalance;
import io.tradeguard.core.ledger.DailyStats;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.venue.Fill;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * All trading state, owned by the engine thread. It changes only through {@link #apply}, live and when
 * the journal is replayed, which is why a restart rebuilds exactly what was there. Prices are the one
 * exception: ticks are not journaled.
 */
final class TradingState {

    record PositionKey(Market market, Symbol symbol) {
    }

    record BalanceKey(Market market, Asset asset) {
    }

    /** Everything a restart must rebuild; compared by the restart tests. */
    record Durable(List<Order> orders, Map<PositionKey, Position> positions, Map<BalanceKey, AssetBalance> balances,
                   DailyStats daily, boolean halted, String haltReason) {
    }

    private final Map<ClientOrderId, Order> orders = new LinkedHashMap<>();
    /** The unsettled subset of {@link #orders}: placing an order must not scan every order ever placed. */
    private final Map<ClientOrderId, Order> unsettled = new LinkedHashMap<>();
    private final Map<PositionKey, Position> positions = new LinkedHashMap<>();
    private final Map<BalanceKey, AssetBalance> balances = new LinkedHashMap<>();
    /** per market: BTCUSDT trades on spot and futures at different prices */
    private final Map<PositionKey, BigDecimal> prices = new HashMap<>();
    private DailyStats daily;
    private boolean halted;
    private String haltReason = "";
    private long lastSequence;

    void apply(DomainEvent event) {
        switch (event) {
            case DomainEvent.OrderSubmitted e -> put(e.order(), null);
            case DomainEvent.OrderPlaced e -> put(e.order(), null);
            case DomainEvent.OrderPartiallyFilled e -> put(e.order(), e.fill());
            case DomainEvent.OrderFilled e -> put(e.order(), e.fill());
            case DomainEvent.OrderCancelled e -> put(e.order(), null);
            case DomainEvent.OrderExpired e -> put(e.order(), null);
            case DomainEvent.OrderRejected e -> put(e.order(), null);
            case DomainEvent.OrderStatusUnknown e -> put(e.order(), null);
            case DomainEvent.OrderUpdated e -> put(e.order(), null);
            case DomainEvent.OrderAdopted e -> put(e.order(), null);
            case DomainEvent.PositionOpened e -> positions.put(key(e.position()), e.position());
            case DomainEvent.PositionUpdated e -> positions.put(key(e.position()), e.position());
            case DomainEvent.PositionClosed e -> positions.remove(new PositionKey(e.market(), e.symbol()));
            case DomainEvent.FundingPaid e -> {
                if (e.position() != null) {
                    positions.put(key(e.position()), e.position());
                }
            }
            case DomainEvent.BalanceUpdated e ->
                    balances.put(new BalanceKey(e.balance().market(), e.balance().asset()), e.balance());
            case DomainEvent.DailyStatsUpdated e -> daily = e.stats();
            case DomainEvent.EmergencyStop e -> {
                halted = true;
                haltReason = e.reason();
            }
            case DomainEvent.TradingResumed e -> {
                halted = false;
                haltReason = "";
            }
            case DomainEvent.OrderDenied e -> { }
            case DomainEvent.OrderCancelRequested e -> { }
            case DomainEvent.OrderCancelFailed e -> { }
            case DomainEvent.OrderAnomaly e -> { }
            case DomainEvent.CommissionUnpriced e -> { }
            case DomainEvent.ConnectionLost e -> { }
            case DomainEvent.ConnectionRestored e -> { }
            case DomainEvent.ReconciliationCompleted e -> { }
            case DomainEvent.SignalReceived e -> { }
            case DomainEvent.SettingsChanged e -> { }
            case DomainEvent.EngineStarted e -> { }
            case DomainEvent.EngineStopped e -> { }
            // the safety rules own the kill switch and breaker state; they rebuild it from these events
            case DomainEvent.KillSwitchTripped e -> { }
            case DomainEvent.KillSwitchReset e -> { }
            case DomainEvent.CircuitBreakerOpened e -> { }
            case DomainEvent.CircuitBreakerClosed e -> { }
            case DomainEvent.GuardStateSaved e -> { } // the guards' own state: TradingGuards.restore reads it
        }
    }

    /**
     * The event's order (totals, no fill list) with the fills known so far plus the event's new fill.
     * The order's constructor checks that the fills add up to its totals.
     */
    private void put(Order order, Fill fill) {
        Order known = orders.get(order.clientOrderId());
        List<Fill> fills = known == null ? List.of() : known.fills();
        if (fill != null && (known == null || !known.hasFill(fill.tradeId()))) {
            fills = Order.appended(fills, fill);
        }
        Order next = fills.isEmpty() ? order : order.withFills(fills);
        orders.put(order.clientOrderId(), next);
        if (next.unsettled()) {
            unsettled.put(next.clientOrderId(), next);
        } else {
            unsettled.remove(next.clientOrderId());
        }
    }

    private static PositionKey key(Position position) {
        return new PositionKey(position.market(), position.symbol());
    }

    Order order(ClientOrderId id) {
        return orders.get(id);
    }

    List<Order> allOrders() {
        return List.copyOf(orders.values());
    }

    List<Order> unsettledOrders() {
        return new ArrayList<>(unsettled.values());
    }

    Position position(Market market, Symbol symbol) {
        return positions.get(new PositionKey(market, symbol));
    }

    List<Position> positions() {
        return List.copyOf(positions.values());
    }

    AssetBalance balance(Market market, Asset asset) {
        return balances.get(new BalanceKey(market, asset));
    }

    List<AssetBalance> balances() {
        return List.copyOf(balances.values());
    }

    BigDecimal price(Market market, Symbol symbol) {
        return prices.get(new PositionKey(market, symbol));
    }

    /** The latest prices of one market's symbols (a copy). */
    Map<Symbol, BigDecimal> prices(Market market) {
        Map<Symbol, BigDecimal> out = new HashMap<>();
        prices.forEach((key, price) -> {
            if (key.market() == market) {
                out.put(key.symbol(), price);
            }
        });
        return out;
    }

    void mark(Market market, Symbol symbol, BigDecimal price) {
        prices.put(new PositionKey(Objects.requireNonNull(market), Objects.requireNonNull(symbol)), Objects.requireNonNull(price));
    }

    DailyStats daily() {
        return daily;
    }

    boolean halted() {
        return halted;
    }

    String haltReason() {
        return haltReason;
    }

    long lastSequence() {
        return lastSequence;
    }

    void lastSequence(long sequence) {
        this.lastSequence = sequence;
    }

    Durable durable() {
        return new Durable(allOrders(), Map.copyOf(positions), Map.copyOf(balances), daily, halted, haltReason);
    }
}
