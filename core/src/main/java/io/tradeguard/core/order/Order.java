package io.tradeguard.core.order;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.core.venue.OrderUpdate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One order as the engine knows it: what was asked, what the venue said, and every fill. Immutable;
 * the engine thread replaces it on each change.
 *
 * @param venueOrderId        null until the venue has answered
 * @param quantity            base quantity; null for a market order by quote amount
 * @param venueFilledQuantity the largest cumulative filled quantity the venue reported; larger than the sum
 *                            of the known fills while fills are missing (reconciliation fetches them)
 * @param venueTime           the venue time of the newest report applied, null before the first
 * @param filledAt            venue time at which the order became FILLED, else null
 */
public record Order(ClientOrderId clientOrderId, Long venueOrderId, Market market, Symbol symbol, Side side,
                    OrderType type, TimeInForce timeInForce, BigDecimal quantity, BigDecimal quoteQuantity,
                    BigDecimal price, BigDecimal stopPrice, boolean reduceOnly, OrderOrigin origin, String reason,
                    OrderStatus status, List<Fill> fills, BigDecimal venueFilledQuantity, String rejectReason,
                    Instant createdAt, Instant updatedAt, Instant venueTime, Instant filledAt) {

    private static final int PRICE_SCALE = 12;

    public Order {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(venueFilledQuantity, "venueFilledQuantity");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        fills = List.copyOf(fills);
        reason = reason == null ? "" : reason;
        if (quantity == null && quoteQuantity == null) {
            throw new IllegalArgumentException("order " + clientOrderId + " needs a quantity or a quote quantity");
        }
    }

    /** A new intent, journaled before the request is sent. */
    public static Order pending(OrderIntent intent, ClientOrderId id, Instant now) {
        return new Order(id, null, intent.market(), intent.symbol(), intent.side(), intent.type(),
                intent.timeInForce(), intent.quantity(), intent.quoteQuantity(), intent.price(), intent.stopPrice(),
                intent.reduceOnly(), intent.origin(), intent.reason(), OrderStatus.PENDING_SUBMIT, List.of(),
                BigDecimal.ZERO, null, now, now, null, null);
    }

    /**
     * An order the venue has and the engine did not know: ours by prefix (origin from the id) or external.
     * Its fills are applied afterwards, from trades or reports.
     */
    public static Order adopted(OrderUpdate update, OrderOrigin origin, Instant now) {
        BigDecimal quantity = update.quantity().signum() > 0 ? update.quantity() : null;
        BigDecimal quote = quantity == null ? update.cumulativeQuote() : null;
        BigDecimal price = update.price() != null && update.price().signum() > 0 ? update.price() : null;
        BigDecimal stop = update.stopPrice() != null && update.stopPrice().signum() > 0 ? update.stopPrice() : null;
        return new Order(update.clientOrderId(), update.venueOrderId(), update.market(), update.symbol(),
                update.side(), update.type(), update.timeInForce(), quantity, quote, price, stop,
                update.reduceOnly(), origin, "adopted", update.status(), List.of(), update.filledQuantity(),
                update.rejectReason(), now, now, update.venueTime(),
                update.status() == OrderStatus.FILLED ? update.venueTime() : null);
    }

    public BigDecimal filledQuantity() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Fill fill : fills) {
            sum = sum.add(fill.quantity());
        }
        return sum;
    }

    /** Quantity-weighted price of the known fills; empty before the first fill. */
    public Optional<BigDecimal> averageFillPrice() {
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal notional = BigDecimal.ZERO;
        for (Fill fill : fills) {
            quantity = quantity.add(fill.quantity());
            notional = notional.add(fill.price().multiply(fill.quantity()));
        }
        if (quantity.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(notional.divide(quantity, PRICE_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros());
    }

    /** Commission totals per asset, in asset order. */
    public List<Commission> commissions() {
        TreeMap<String, Commission> byAsset = new TreeMap<>();
        for (Fill fill : fills) {
            if (fill.commissionAsset() == null || fill.commission().signum() == 0) {
                continue;
            }
            byAsset.merge(fill.commissionAsset().code(), new Commission(fill.commissionAsset(), fill.commission()),
                    (a, b) -> new Commission(a.asset(), a.amount().add(b.amount())));
        }
        return List.copyOf(byAsset.values());
    }

    public boolean hasFill(long tradeId) {
        for (Fill fill : fills) {
            if (fill.tradeId() == tradeId) {
                return true;
            }
        }
        return false;
    }

    /** Not finished on the venue (or not known to be): the engine still expects news about it. */
    public boolean unsettled() {
        return !status.isTerminal();
    }

    /** The venue reported more filled quantity than the fills the engine has seen. */
    public boolean missingFills() {
        return venueFilledQuantity.compareTo(filledQuantity()) > 0;
    }

    Order withFill(Fill fill, Instant now) {
        List<Fill> next = new ArrayList<>(fills.size() + 1);
        next.addAll(fills);
        next.add(fill);
        next.sort((a, b) -> a.time().equals(b.time()) ? Long.compare(a.tradeId(), b.tradeId()) : a.time().compareTo(b.time()));
        BigDecimal filled = venueFilledQuantity.max(sum(next));
        return new Order(clientOrderId, venueOrderId, market, symbol, side, type, timeInForce, quantity,
                quoteQuantity, price, stopPrice, reduceOnly, origin, reason, status, next, filled, rejectReason,
                createdAt, now, venueTime, filledAt);
    }

    Order with(Long newVenueOrderId, OrderStatus newStatus, BigDecimal newVenueFilled, String newRejectReason,
               Instant now, Instant newVenueTime, Instant newFilledAt) {
        return new Order(clientOrderId, newVenueOrderId, market, symbol, side, type, timeInForce, quantity,
                quoteQuantity, price, stopPrice, reduceOnly, origin, reason, newStatus, fills, newVenueFilled,
                newRejectReason, createdAt, now, newVenueTime, newFilledAt);
    }

    private static BigDecimal sum(List<Fill> fills) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Fill fill : fills) {
            sum = sum.add(fill.quantity());
        }
        return sum;
    }
}
