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
import java.time.Duration;
import java.time.Instant;
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
 *
 * <p>Orders: every unsettled order, and the settled ones (terminal, every fill accounted) under the
 * {@link Retention}. Older settled orders leave memory (the journal and the store keep them): a long-running
 * engine must not hold every order it ever saw. Which orders leave depends only on the events and their times,
 * so a replay of the journal rebuilds the same orders.
 */
final class TradingState {

    /**
     * How long settled orders stay in memory. A settled order leaves when it is not among the {@code keep} most
     * recently settled, and it settled more than {@code minAge} ago, and it settled before any reconciliation's trade window can reach
     * (Reconciliations fetches trades from a minute before the oldest order in doubt, at most
     * {@code tradesLookback} back; a trade of an order it no longer knew would read as someone else's trade).
     *
     * @param keep           settled orders always kept, the most recently settled
     * @param minAge         a settled order is kept at least this long: late answers to the engine's own requests
     *                       (a submit or cancel answer after the stream's final report) still find their order
     * @param tradesLookback the engine's {@link EngineSettings#tradesLookback()}
     */
    record Retention(int keep, Duration minAge, Duration tradesLookback) {
        /** Kept unless the order also settled before the reconciliation window: a minute, plus a minute of clock skew. */
        static final Duration TRADES_MARGIN = Duration.ofSeconds(120);

        Retention {
            Objects.requireNonNull(minAge, "minAge");
            Objects.requireNonNull(tradesLookback, "tradesLookback");
            if (keep < 0 || minAge.isNegative() || tradesLookback.isNegative()) {
                throw new IllegalArgumentException("order retention must not be negative: " + keep + ", " + minAge
                        + ", " + tradesLookback);
            }
        }

        /** 1,000 settled orders and every order of the last 2 minutes (the default trade window is 1 minute back). */
        static Retention of(EngineSettings settings) {
            return new Retention(1_000, Duration.ofMinutes(2), settings.tradesLookback());
        }
    }

    /**
     * equals and hashCode written out (the generated ones cost a method-handle chain on every fill's look-ups), null
     * components compared like the generated ones: a look-up with a missing symbol finds nothing, it does not throw
     */
    record PositionKey(Market market, Symbol symbol) {
        @Override
        public boolean equals(Object o) {
            return o instanceof PositionKey k && k.market == market
                    && (symbol == null ? k.symbol == null : k.symbol != null && k.symbol.value().equals(symbol.value()));
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(market) + (symbol == null ? 0 : symbol.value().hashCode());
        }
    }

    record BalanceKey(Market market, Asset asset) {
        @Override
        public boolean equals(Object o) {
            return o instanceof BalanceKey k && k.market == market
                    && (asset == null ? k.asset == null : k.asset != null && k.asset.code().equals(asset.code()));
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(market) + (asset == null ? 0 : asset.code().hashCode());
        }
    }

    /** Everything a restart must rebuild (the orders in memory, see {@link Retention}); compared by the restart tests. */
    record Durable(List<Order> orders, Map<PositionKey, Position> positions, Map<BalanceKey, AssetBalance> balances,
                   DailyStats daily, boolean halted, String haltReason) {
    }

    private final Map<ClientOrderId, Order> orders = new LinkedHashMap<>();
    /** The unsettled subset of {@link #orders}: placing an order must not scan every order ever placed. */
    private final Map<ClientOrderId, Order> unsettled = new LinkedHashMap<>();
    /** Terminal orders the venue reported more filled than their fills: in doubt like the unsettled ones. */
    private final Map<ClientOrderId, Order> missingFills = new LinkedHashMap<>();
    /** The settled orders, in the order they (last) settled, with the time of that event. */
    private final Map<ClientOrderId, Instant> settled = new LinkedHashMap<>();
    private Retention retention = new Retention(1_000, Duration.ofMinutes(2), Duration.ofDays(7));
    private long evicted;
    /** the ids of the settled orders that left memory most recently: a late report of one is not a new order */
    private final ForgottenOrders forgotten = new ForgottenOrders();
    private final Map<PositionKey, Position> positions = new LinkedHashMap<>();
    private final Map<BalanceKey, AssetBalance> balances = new LinkedHashMap<>();
    /** per market: BTCUSDT trades on spot and futures at different prices */
    private final Map<Market, Map<Symbol, BigDecimal>> prices = new java.util.EnumMap<>(Market.class);
    private DailyStats daily;
    private boolean halted;
    private String haltReason = "";
    private long lastSequence;

    /** Set before the journal is replayed (a different retention would rebuild a different set of orders). */
    void retention(Retention value) {
        this.retention = Objects.requireNonNull(value, "retention");
    }

    void apply(DomainEvent event) {
        apply(event, null);
    }

    /**
     * @param full for an order event emitted live, the engine's own copy of the order (with its fills) the event's
     *             fill-less copy was made from: the state takes it instead of rebuilding it (the same order either way)
     */
    void apply(DomainEvent event, Order full) {
        switch (event) {
            case DomainEvent.OrderSubmitted e -> put(e.order(), null, e.time(), full);
            case DomainEvent.OrderPlaced e -> put(e.order(), null, e.time(), full);
            case DomainEvent.OrderPartiallyFilled e -> put(e.order(), e.fill(), e.time(), full);
            case DomainEvent.OrderFilled e -> put(e.order(), e.fill(), e.time(), full);
            case DomainEvent.OrderCancelled e -> put(e.order(), null, e.time(), full);
            case DomainEvent.OrderExpired e -> put(e.order(), null, e.time(), full);
            case DomainEvent.OrderRejected e -> put(e.order(), null, e.time(), full);
            case DomainEvent.OrderStatusUnknown e -> put(e.order(), null, e.time(), full);
            case DomainEvent.OrderUpdated e -> put(e.order(), null, e.time(), full);
            case DomainEvent.OrderAdopted e -> put(e.order(), null, e.time(), full);
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
    private void put(Order order, Fill fill, Instant time, Order full) {
        ClientOrderId id = order.clientOrderId();
        Order known = orders.get(id);
        Order next = order.withFillsOf(known, fill, full);
        orders.put(id, next);
        Standing was = standing(known);
        Standing now = standing(next);
        // each map touched only when the order is or was in it: most reports move an unsettled order along
        if (now == Standing.UNSETTLED) {
            unsettled.put(id, next);
        } else if (was == Standing.UNSETTLED) {
            unsettled.remove(id);
        }
        if (now == Standing.MISSING_FILLS) {
            missingFills.put(id, next);
        } else if (was == Standing.MISSING_FILLS) {
            missingFills.remove(id);
        }
        if (was == Standing.SETTLED) {
            settled.remove(id); // settled again (a late fill): kept as long as a newly settled order
        }
        if (now == Standing.SETTLED) {
            settled.put(id, time);
            evict(time); // only a settlement makes room for a new one, or moves the oldest order in doubt
        }
    }

    private enum Standing { NONE, UNSETTLED, MISSING_FILLS, SETTLED }

    private static Standing standing(Order order) {
        if (order == null) {
            return Standing.NONE;
        }
        return order.unsettled() ? Standing.UNSETTLED : order.missingFills() ? Standing.MISSING_FILLS : Standing.SETTLED;
    }

    /** Settled orders past the retention leave memory, oldest settlement first. */
    private void evict(Instant now) {
        if (settled.size() <= retention.keep()) {
            return;
        }
        Instant minAgeLimit = now.minus(retention.minAge());
        var oldest = settled.entrySet().iterator();
        Instant windowLimit = null;
        while (settled.size() > retention.keep()) {
            var entry = oldest.next();
            Instant at = entry.getValue();
            if (!at.isBefore(minAgeLimit)) {
                return; // the next ones settled later still
            }
            if (windowLimit == null) {
                Instant inDoubt = oldestInDoubt();
                Instant lookbackLimit = now.minus(retention.tradesLookback()).minus(Retention.TRADES_MARGIN);
                windowLimit = inDoubt == null ? now.minus(Retention.TRADES_MARGIN)
                        : max(inDoubt.minus(Retention.TRADES_MARGIN), lookbackLimit);
            }
            if (!at.isBefore(windowLimit)) {
                return; // a reconciliation may still fetch its trades
            }
            oldest.remove();
            orders.remove(entry.getKey());
            forgotten.add(entry.getKey());
            evicted++;
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Creation time of the oldest order in doubt (unsettled or missing fills), null when there is none. */
    private Instant oldestInDoubt() {
        Instant oldest = null;
        if (!unsettled.isEmpty()) {
            oldest = unsettled.values().iterator().next().createdAt(); // first in, so first created
        }
        for (Order order : missingFills.isEmpty() ? List.<Order>of() : missingFills.values()) {
            if (oldest == null || order.createdAt().isBefore(oldest)) {
                oldest = order.createdAt();
            }
        }
        return oldest;
    }

    private static PositionKey key(Position position) {
        return new PositionKey(position.market(), position.symbol());
    }

    /** The order if it is in memory: unsettled, or settled within the {@link Retention}. */
    Order order(ClientOrderId id) {
        return orders.get(id);
    }

    /**
     * Whether this order settled (terminal, every fill accounted) and then left memory: one of the
     * {@link ForgottenOrders#CAPACITY} most recently evicted. A report of it can add nothing.
     */
    boolean settledAndForgotten(ClientOrderId id) {
        return !forgotten.isEmpty() && !orders.containsKey(id) && forgotten.contains(id);
    }

    /** How many settled orders have left memory since this state was created (replay included). */
    long evictedOrders() {
        return evicted;
    }

    int settledOrdersHeld() {
        return settled.size();
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
        Map<Symbol, BigDecimal> ofMarket = prices.get(market);
        return ofMarket == null ? null : ofMarket.get(symbol);
    }

    /** The latest prices of one market's symbols (a copy). */
    Map<Symbol, BigDecimal> prices(Market market) {
        return new HashMap<>(prices.getOrDefault(market, Map.of()));
    }

    /** Every fill marks its symbol: the map per market saves a key object per mark. */
    void mark(Market market, Symbol symbol, BigDecimal price) {
        prices.computeIfAbsent(Objects.requireNonNull(market), m -> new HashMap<>())
                .put(Objects.requireNonNull(symbol), Objects.requireNonNull(price));
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
