package io.tradeguard.core.guard;

import io.tradeguard.core.engine.Command;
import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderOrigin;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Finishes an emergency stop when legs fail: a cancel that failed is sent again, a flatten that the venue did
 * not take is sent again, and a position still open once its symbol has no open order and no flatten in flight
 * (a resting sell had locked the coins) is flattened again; each leg at most {@link #MAX_ATTEMPTS} times, and
 * what could not be done is logged. Called under the guards' lock, from durable events.
 */
final class EmergencyRetries {
    static final int MAX_ATTEMPTS = 20;
    private static final Logger LOG = Logger.getLogger(EmergencyRetries.class.getName());
    private record Key(Market market, Symbol symbol) {
    }

    private final TradingGuards guards;
    private final Map<Key, Position> positions = new HashMap<>();
    private final Map<ClientOrderId, Order> open = new HashMap<>();
    private final Set<ClientOrderId> flattening = new HashSet<>();
    private final Map<String, Integer> attempts = new HashMap<>();

    EmergencyRetries(TradingGuards guards) {
        this.guards = guards;
    }

    void onEvent(DomainEvent event, boolean halted) {
        switch (event) {
            case DomainEvent.PositionOpened o -> positions.put(new Key(o.position().market(), o.position().symbol()), o.position());
            case DomainEvent.PositionUpdated u -> positions.put(new Key(u.position().market(), u.position().symbol()), u.position());
            case DomainEvent.PositionClosed c -> positions.remove(new Key(c.market(), c.symbol()));
            case DomainEvent.OrderSubmitted s -> {
                open.put(s.order().clientOrderId(), s.order());
                // while halted the engine sends no entry and no protection list: a protection market order is a flatten
                // (an emergency stop's, or one of these retries), whatever its label says
                if (halted && s.order().origin() == OrderOrigin.PROTECTION && s.order().type() == io.tradeguard.core.model.OrderType.MARKET
                        && !io.tradeguard.core.order.OcoLegIds.isLeg(s.order().clientOrderId())) {
                    flattening.add(s.order().clientOrderId());
                }
            }
            case DomainEvent.OrderAdopted a -> track(a.order());
            case DomainEvent.OrderPlaced p -> track(p.order());
            case DomainEvent.OrderPartiallyFilled p -> track(p.order());
            case DomainEvent.OrderUpdated u -> track(u.order());
            case DomainEvent.OrderFilled f -> settled(f.order(), halted, false);
            case DomainEvent.OrderCancelled c -> settled(c.order(), halted, false);
            case DomainEvent.OrderExpired e -> settled(e.order(), halted, false);
            case DomainEvent.OrderRejected r -> settled(r.order(), halted, true);
            case DomainEvent.OrderCancelFailed f -> {
                Order order = open.get(f.clientOrderId());
                // a business refusal ("unknown order": never placed, or already gone) is not retried: the order's
                // query or the next reconciliation settles it; exchange failures are
                boolean refused = f.reason().startsWith(io.tradeguard.core.venue.VenueError.Kind.REJECTED.name());
                if (halted && order != null && !refused && retry("cancel " + f.clientOrderId())) {
                    guards.send(new Command.CancelOrder(f.clientOrderId(), "emergency stop (retry)"));
                }
            }
            case DomainEvent.EmergencyStop e -> attempts.clear();
            default -> { }
        }
    }

    private void track(Order order) {
        if (order.status().isTerminal()) {
            open.remove(order.clientOrderId());
        } else {
            open.put(order.clientOrderId(), order);
        }
    }

    private void settled(Order order, boolean halted, boolean rejected) {
        open.remove(order.clientOrderId());
        boolean wasFlatten = flattening.remove(order.clientOrderId());
        if (!halted) {
            return;
        }
        Key key = new Key(order.market(), order.symbol());
        Position position = positions.get(key);
        if (position == null || position.size().signum() <= 0) {
            return;
        }
        io.tradeguard.core.model.Side exitSide = position.side() == io.tradeguard.core.ledger.PositionSide.LONG
                ? io.tradeguard.core.model.Side.SELL : io.tradeguard.core.model.Side.BUY;
        boolean busy = open.values().stream().anyMatch(o -> o.market() == key.market() && o.symbol().equals(key.symbol())
                && (flattening.contains(o.clientOrderId())
                || o.side() == exitSide && o.status() != OrderStatus.UNKNOWN && o.status() != OrderStatus.REJECTED));
        if (busy) {
            return; // a flatten is in flight, or a resting exit-side order still locks what the flatten must sell
        }
        if ((wasFlatten && rejected) || !wasFlatten) {
            if (retry("flatten " + key)) {
                guards.send(new Command.ClosePosition(key.market(), key.symbol(), OrderOrigin.PROTECTION, "emergency stop"));
            }
        }
    }

    private boolean retry(String leg) {
        int n = attempts.merge(leg, 1, Integer::sum);
        if (n > MAX_ATTEMPTS) {
            if (n == MAX_ATTEMPTS + 1) {
                LOG.severe("emergency stop: could not " + leg + " after " + MAX_ATTEMPTS + " attempts; a person must act");
            }
            return false;
        }
        return true;
    }
}
