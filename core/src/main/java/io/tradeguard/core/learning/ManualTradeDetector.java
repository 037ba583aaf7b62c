package io.tradeguard.core.learning;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.ledger.ClosedTrade;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.protection.PriceTrigger;
import io.tradeguard.core.protection.TrailingStop;
import io.tradeguard.core.venue.Fill;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises, from the engine's durable domain events in journal order, a position of ours reduced or
 * closed by an EXTERNAL order (one the engine did not send: the Binance app, the web UI, another bot), and
 * turns each such reduction into a {@link LearningRecord}. Pure and single-threaded: feed it with
 * {@link #accept} and read what it produced.
 *
 * <p>Counts external orders with at least one fill: <em>detected</em>; of those, <em>matched</em> when a
 * fill reduced or closed a position the engine held, <em>unmatched</em> otherwise (a symbol where we held
 * nothing, or an order that added to a position).
 */
public final class ManualTradeDetector {

    private static final MathContext MC = new MathContext(16, RoundingMode.HALF_EVEN);

    private record Key(Market market, Symbol symbol) {
    }

    /** The last external fill seen, waiting for the position event the engine emits right after it. */
    private record PendingFill(Order order, Fill fill) {
    }

    private final Map<Key, Position> positions = new HashMap<>();
    /** The order that opened each open position (strategy and confidence come from it). */
    private final Map<Key, Order> openers = new HashMap<>();
    /** Live orders per symbol by client order id, to know the engine's stop and target at the time. */
    private final Map<Key, Map<String, Order>> working = new HashMap<>();
    /** The guards' local stop-loss / take-profit triggers, from their last saved state. */
    private List<PriceTrigger> triggers = List.of();
    private List<TrailingStop> trailing = List.of();
    private final Set<String> detected = new HashSet<>();
    private final Set<String> matched = new HashSet<>();
    private final Map<String, LearningRecord> records = new LinkedHashMap<>();
    private PendingFill pending;

    /** @return the records this event produced (none for most events) */
    public List<LearningRecord> accept(DomainEvent event) {
        List<LearningRecord> out = new ArrayList<>();
        switch (event) {
            case DomainEvent.OrderSubmitted e -> track(e.order());
            case DomainEvent.OrderPlaced e -> track(e.order());
            case DomainEvent.OrderAdopted e -> track(e.order());
            case DomainEvent.OrderUpdated e -> track(e.order());
            case DomainEvent.OrderCancelled e -> untrack(e.order());
            case DomainEvent.OrderExpired e -> untrack(e.order());
            case DomainEvent.OrderRejected e -> untrack(e.order());
            case DomainEvent.GuardStateSaved e -> {
                triggers = e.state().priceTriggers();
                trailing = e.state().trailingStops();
            }
            case DomainEvent.OrderPartiallyFilled e -> filled(e.order(), e.fill(), false);
            case DomainEvent.OrderFilled e -> filled(e.order(), e.fill(), true);
            case DomainEvent.PositionOpened e -> {
                Key key = new Key(e.position().market(), e.position().symbol());
                positions.put(key, e.position());
                PendingFill p = take(key);
                if (p != null) {
                    openers.put(key, p.order());
                }
            }
            case DomainEvent.PositionUpdated e -> {
                Key key = new Key(e.position().market(), e.position().symbol());
                Position before = positions.put(key, e.position());
                PendingFill p = take(key);
                if (p != null && isExternal(p.order()) && before != null
                        && e.position().size().compareTo(before.size()) < 0) {
                    BigDecimal closedQty = before.size().subtract(e.position().size());
                    out.add(record(key, before, p, closedQty, before.entryPrice(), e.realized(),
                            before.openedAt(), false));
                }
            }
            case DomainEvent.PositionClosed e -> {
                Key key = new Key(e.market(), e.symbol());
                positions.remove(key);
                PendingFill p = take(key);
                if (p != null && isExternal(p.order())) {
                    ClosedTrade t = e.trade();
                    // realized of this event is the closing fill's share; the round trip's figures are in the trade
                    out.add(record(key, e.last(), p, e.last().size(), e.last().entryPrice(), e.realized(),
                            t.openedAt(), true));
                }
                openers.remove(key);
            }
            default -> {
            }
        }
        for (LearningRecord r : out) {
            records.put(r.recordId(), r);
        }
        return out;
    }

    private void filled(Order order, Fill fill, boolean done) {
        if (done) {
            untrack(order);
        } else {
            track(order);
        }
        if (fill == null) {
            return; // FILLED before its fills arrived: no position change follows this event
        }
        if (isExternal(order)) {
            detected.add(order.clientOrderId().value());
        }
        pending = new PendingFill(order, fill);
    }

    private PendingFill take(Key key) {
        PendingFill p = pending;
        pending = null;
        if (p == null || !key.equals(new Key(p.order().market(), p.order().symbol()))) {
            return null;
        }
        return p;
    }

    private LearningRecord record(Key key, Position before, PendingFill p, BigDecimal qty, BigDecimal entry,
                                  BigDecimal realized, java.time.Instant openedAt, boolean fullyClosed) {
        String orderId = p.order().clientOrderId().value();
        matched.add(orderId);
        Order opener = openers.get(key);
        String strategy = null;
        BigDecimal confidence = null;
        if (opener != null) {
            // a signal's strategy and confidence travel with its order into the journal, so a restart keeps them
            strategy = opener.instructions().strategy() != null ? opener.instructions().strategy()
                    : opener.reason().isEmpty() ? opener.origin().name() : opener.origin() + ": " + opener.reason();
            confidence = opener.instructions().confidence();
        }
        BigDecimal exit = p.fill().price();
        Optional<BigDecimal> stop = exitPrice(key, true);
        Optional<BigDecimal> target = exitPrice(key, false);
        return new LearningRecord(before.positionId() + ":" + orderId + ":" + p.fill().tradeId(),
                before.positionId(), key.market(), key.symbol(), strategy, confidence, orderId, entry, exit, qty,
                realized, stop.orElse(null), stop.map(s -> distance(s, exit)).orElse(null), target.orElse(null),
                target.map(t -> distance(t, exit)).orElse(null), fullyClosed, openedAt, p.fill().time());
    }

    private static BigDecimal distance(BigDecimal level, BigDecimal exit) {
        return level.subtract(exit).divide(exit, MC);
    }

    /**
     * The engine's own protective stop (or target) on the symbol at the time, if any: a local trigger of the
     * guards' bracket (or the current level of a trailing stop), else a protective order working on the venue.
     */
    private Optional<BigDecimal> exitPrice(Key key, boolean stop) {
        PriceTrigger.Kind wanted = stop ? PriceTrigger.Kind.STOP_LOSS : PriceTrigger.Kind.TAKE_PROFIT;
        for (PriceTrigger t : triggers) {
            if (t.kind() == wanted && t.market() == key.market() && t.symbol().equals(key.symbol())) {
                return Optional.of(t.triggerPrice());
            }
        }
        if (stop) {
            for (TrailingStop t : trailing) {
                if (t.market() == key.market() && t.symbol().equals(key.symbol()) && t.tracking()) {
                    return Optional.of(t.stopLevel());
                }
            }
        }
        for (Order o : working.getOrDefault(key, Map.of()).values()) {
            if (o.origin() != OrderOrigin.PROTECTION) {
                continue;
            }
            boolean isStop = o.type() == OrderType.STOP_LOSS || o.type() == OrderType.STOP_LOSS_LIMIT
                    || o.type() == OrderType.STOP || o.type() == OrderType.STOP_MARKET;
            boolean isTarget = o.type() == OrderType.TAKE_PROFIT || o.type() == OrderType.TAKE_PROFIT_LIMIT
                    || o.type() == OrderType.TAKE_PROFIT_MARKET;
            if ((stop && isStop) || (!stop && isTarget)) {
                BigDecimal level = o.stopPrice() != null ? o.stopPrice() : o.price();
                if (level != null) {
                    return Optional.of(level);
                }
            }
        }
        return Optional.empty();
    }

    private void track(Order order) {
        if (order.status().isTerminal()) {
            untrack(order);
            return;
        }
        working.computeIfAbsent(new Key(order.market(), order.symbol()), k -> new LinkedHashMap<>())
                .put(order.clientOrderId().value(), order);
    }

    private void untrack(Order order) {
        Map<String, Order> m = working.get(new Key(order.market(), order.symbol()));
        if (m != null) {
            m.remove(order.clientOrderId().value());
        }
    }

    private static boolean isExternal(Order order) {
        return order.origin() == OrderOrigin.EXTERNAL && !forcedByVenue(order);
    }

    /**
     * The venue's own closes (futures liquidation, auto-deleveraging, delivery) are nobody's decision to learn from
     * (binance-api.md 6.7 names them by client id).
     */
    private static boolean forcedByVenue(Order order) {
        String id = order.clientOrderId().value();
        return id.startsWith("autoclose-") || id.startsWith("adl_autoclose") || id.startsWith("settlement_autoclose");
    }

    public List<LearningRecord> records() {
        return List.copyOf(records.values());
    }

    public Counters counters() {
        return new Counters(detected.size(), matched.size(), detected.size() - matched.size());
    }

    /** External orders with a fill; those that reduced or closed an engine position; the rest. */
    public record Counters(int detected, int matched, int unmatched) {
    }
}
