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
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One order as the engine knows it: what was asked, what the venue said, and every fill. Immutable;
 * the engine thread replaces it on each change.
 *
 * <p>The fill totals (quantity, notional, commissions) are kept beside the fills. The engine's own copy
 * has every fill; copies inside domain events carry the totals but no fill list ({@link #withoutFills}),
 * since each fill travels once in its own event — a journal entry stays the same size however many
 * fills an order has.
 *
 * @param venueOrderId        null until the venue has answered
 * @param quantity            base quantity; null for a market order by quote amount
 * @param fills               every fill, by time; empty in the copies that domain events carry
 * @param filledQuantity      sum of the fills' quantities
 * @param filledNotional      sum of the fills' price × quantity
 * @param commissions         commission totals per asset, in asset order
 * @param venueFilledQuantity the largest cumulative filled quantity the venue reported; larger than
 *                            filledQuantity while fills are missing (reconciliation fetches them)
 * @param venueTime           the venue time of the newest report applied, null before the first
 * @param filledAt            venue time at which the order became FILLED, else null
 * @param instructions        what the intent asked beyond the venue's fields; DEFAULTS for adopted orders
 */
public record Order(ClientOrderId clientOrderId, Long venueOrderId, Market market, Symbol symbol, Side side,
                    OrderType type, TimeInForce timeInForce, BigDecimal quantity, BigDecimal quoteQuantity,
                    BigDecimal price, BigDecimal stopPrice, boolean reduceOnly, OrderOrigin origin, String reason,
                    OrderStatus status, List<Fill> fills, BigDecimal filledQuantity, BigDecimal filledNotional,
                    List<Commission> commissions, BigDecimal venueFilledQuantity, String rejectReason,
                    Instant createdAt, Instant updatedAt, Instant venueTime, Instant filledAt,
                    OrderInstructions instructions) {

    private static final int PRICE_SCALE = 12;

    public Order {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(filledQuantity, "filledQuantity");
        Objects.requireNonNull(filledNotional, "filledNotional");
        Objects.requireNonNull(venueFilledQuantity, "venueFilledQuantity");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        fills = FillList.of(fills); // immutable; shares its array with the order's earlier versions
        commissions = List.copyOf(commissions);
        reason = reason == null ? "" : reason;
        instructions = instructions == null ? OrderInstructions.DEFAULTS : instructions;
        if (quantity == null && quoteQuantity == null) {
            throw new IllegalArgumentException("order " + clientOrderId + " needs a quantity or a quote quantity");
        }
        if (filledQuantity.signum() < 0 || filledNotional.signum() < 0) {
            throw new IllegalArgumentException("order " + clientOrderId + ": filled totals must not be negative");
        }
    }

    /** A new intent, journaled before the request is sent. */
    public static Order pending(OrderIntent intent, ClientOrderId id, Instant now) {
        return new Order(id, null, intent.market(), intent.symbol(), intent.side(), intent.type(),
                intent.timeInForce(), intent.quantity(), intent.quoteQuantity(), intent.price(), intent.stopPrice(),
                intent.reduceOnly(), intent.origin(), intent.reason(), OrderStatus.PENDING_SUBMIT, List.of(),
                BigDecimal.ZERO, BigDecimal.ZERO, List.of(), BigDecimal.ZERO, null, now, now, null, null,
                intent.instructions());
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
                update.reduceOnly(), origin, "adopted", update.status(), List.of(), BigDecimal.ZERO, BigDecimal.ZERO,
                List.of(), update.filledQuantity(), update.rejectReason(), now, now, update.venueTime(),
                update.status() == OrderStatus.FILLED ? update.venueTime() : null, OrderInstructions.DEFAULTS);
    }

    /** Quantity-weighted price of the fills; empty before the first fill. */
    public Optional<BigDecimal> averageFillPrice() {
        if (filledQuantity.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(filledNotional.divide(filledQuantity, PRICE_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros());
    }

    /** This order without its fill list (totals kept), as domain events carry it. */
    public Order withoutFills() {
        if (fills.isEmpty()) {
            return this;
        }
        return new Order(clientOrderId, venueOrderId, market, symbol, side, type, timeInForce, quantity, quoteQuantity,
                price, stopPrice, reduceOnly, origin, reason, status, List.of(), filledQuantity, filledNotional,
                commissions, venueFilledQuantity, rejectReason, createdAt, updatedAt, venueTime, filledAt, instructions);
    }

    /** This order with the given fills, which must add up to its totals (rebuilding from events). */
    public Order withFills(List<Fill> all) {
        return withFills(all, sum(all));
    }

    /**
     * This order with the fills of {@code known} (the same order before this event) and, when not null and not
     * known yet, one more fill: the engine's rebuild of an event's order, checked against the totals without
     * adding up every fill again.
     */
    public Order withFillsOf(Order known, Fill fill) {
        if (known == null) {
            return fill == null ? this : withFills(List.of(fill), fill.quantity());
        }
        FillList have = (FillList) known.fills;
        if (fill == null || have.hasTrade(fill.tradeId())) {
            return have.isEmpty() ? this : withFills(have, known.filledQuantity);
        }
        BigDecimal before = have.isEmpty() ? BigDecimal.ZERO : known.filledQuantity; // the fills' sum, checked when added
        return withFills(have.plus(fill), before.add(fill.quantity()));
    }

    /**
     * {@link #withFillsOf(Order, Fill)}, answered with {@code full} when it already is that order: the engine's own
     * copy of which this is the fill-less copy an event carries. Saves a new order per execution report; any other
     * {@code full} (null, another order, other fills) is ignored.
     */
    public Order withFillsOf(Order known, Fill fill, Order full) {
        if (full == null || known == null || !sameButFills(full)) {
            return withFillsOf(known, fill);
        }
        FillList have = (FillList) known.fills;
        BigDecimal sumOfAll;
        if (fill == null || have.hasTrade(fill.tradeId())) {
            if (full.fills != have) {
                return withFillsOf(known, fill);
            }
            if (have.isEmpty()) {
                return full;
            }
            sumOfAll = known.filledQuantity;
        } else {
            if (!((FillList) full.fills).isAppended(have, fill)) {
                return withFillsOf(known, fill);
            }
            sumOfAll = (have.isEmpty() ? BigDecimal.ZERO : known.filledQuantity).add(fill.quantity());
        }
        if (sumOfAll.compareTo(filledQuantity) != 0) {
            return withFills(full.fills, sumOfAll); // throws, as withFillsOf does
        }
        return full;
    }

    /** Every field but the fills is the very same object (a copy made by {@link #withoutFills}). */
    private boolean sameButFills(Order o) {
        return o.clientOrderId == clientOrderId && o.venueOrderId == venueOrderId && o.market == market
                && o.symbol == symbol && o.side == side && o.type == type && o.timeInForce == timeInForce
                && o.quantity == quantity && o.quoteQuantity == quoteQuantity && o.price == price
                && o.stopPrice == stopPrice && o.reduceOnly == reduceOnly && o.origin == origin && o.reason == reason
                && o.status == status && o.filledQuantity == filledQuantity && o.filledNotional == filledNotional
                && o.commissions == commissions && o.venueFilledQuantity == venueFilledQuantity
                && o.rejectReason == rejectReason && o.createdAt == createdAt && o.updatedAt == updatedAt
                && o.venueTime == venueTime && o.filledAt == filledAt && o.instructions == instructions;
    }

    private Order withFills(List<Fill> all, BigDecimal sumOfAll) {
        if (sumOfAll.compareTo(filledQuantity) != 0) {
            // the totals and the fills disagree: a bug, never a state to trade on
            throw new IllegalStateException("order " + clientOrderId + ": fills add up to " + sumOfAll.toPlainString()
                    + " but the filled quantity is " + filledQuantity.toPlainString());
        }
        return new Order(clientOrderId, venueOrderId, market, symbol, side, type, timeInForce, quantity, quoteQuantity,
                price, stopPrice, reduceOnly, origin, reason, status, all, filledQuantity, filledNotional,
                commissions, venueFilledQuantity, rejectReason, createdAt, updatedAt, venueTime, filledAt, instructions);
    }

    /** Only meaningful on the engine's own copy, which has the fills. */
    public boolean hasFill(long tradeId) {
        return ((FillList) fills).hasTrade(tradeId);
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
        BigDecimal quantitySum = filledQuantity.add(fill.quantity());
        return new Order(clientOrderId, venueOrderId, market, symbol, side, type, timeInForce, quantity,
                quoteQuantity, price, stopPrice, reduceOnly, origin, reason, status, ((FillList) fills).plus(fill),
                quantitySum, filledNotional.add(fill.price().multiply(fill.quantity())), plus(commissions, fill),
                venueFilledQuantity.max(quantitySum), rejectReason, createdAt, now, venueTime, filledAt, instructions);
    }

    /** {@link #withFill} and {@link #with} in one step: one new order instead of two. */
    Order withFillAnd(Fill fill, Long newVenueOrderId, OrderStatus newStatus, BigDecimal newVenueFilled,
                      String newRejectReason, Instant now, Instant newVenueTime, Instant newFilledAt) {
        return new Order(clientOrderId, newVenueOrderId, market, symbol, side, type, timeInForce, quantity,
                quoteQuantity, price, stopPrice, reduceOnly, origin, reason, newStatus, ((FillList) fills).plus(fill),
                plus(filledQuantity, fill.quantity()), plus(filledNotional, fill.price().multiply(fill.quantity())),
                plus(commissions, fill), newVenueFilled, newRejectReason, createdAt, now, newVenueTime, newFilledAt,
                instructions);
    }

    Order with(Long newVenueOrderId, OrderStatus newStatus, BigDecimal newVenueFilled, String newRejectReason,
               Instant now, Instant newVenueTime, Instant newFilledAt) {
        return new Order(clientOrderId, newVenueOrderId, market, symbol, side, type, timeInForce, quantity,
                quoteQuantity, price, stopPrice, reduceOnly, origin, reason, newStatus, fills, filledQuantity,
                filledNotional, commissions, newVenueFilled, newRejectReason, createdAt, now, newVenueTime, newFilledAt, instructions);
    }

    /** Fills in time order, the trade id breaking ties. */
    public static final Comparator<Fill> BY_TIME = Comparator.comparing(Fill::time).thenComparingLong(Fill::tradeId);

    /** The fills with one more, kept in time order (a plain append in the usual case of an in-order fill). */
    public static List<Fill> appended(List<Fill> fills, Fill fill) {
        return FillList.of(fills).plus(fill);
    }

    private static List<Commission> plus(List<Commission> totals, Fill fill) {
        if (fill.commissionAsset() == null || fill.commission().signum() == 0) {
            return totals;
        }
        if (totals.isEmpty()) {
            return List.of(new Commission(fill.commissionAsset(), fill.commission()));
        }
        if (totals.size() == 1 && sameAsset(totals.getFirst().asset(), fill.commissionAsset())) {
            // the usual case: every fill pays in the same asset
            Commission only = totals.getFirst();
            return List.of(new Commission(only.asset(), only.amount().add(fill.commission())));
        }
        TreeMap<String, Commission> byAsset = new TreeMap<>();
        totals.forEach(c -> byAsset.put(c.asset().code(), c));
        byAsset.merge(fill.commissionAsset().code(), new Commission(fill.commissionAsset(), fill.commission()),
                (a, b) -> new Commission(a.asset(), a.amount().add(b.amount())));
        return List.copyOf(byAsset.values());
    }

    /** {@code a.add(b)}, without a new object when a is a zero whose scale the sum would not raise (a first fill). */
    private static BigDecimal plus(BigDecimal a, BigDecimal b) {
        return a.signum() == 0 && a.scale() <= b.scale() ? b : a.add(b);
    }

    /** Asset equality on the code: a record's generated equals costs a method-handle chain per report. */
    private static boolean sameAsset(io.tradeguard.core.model.Asset a, io.tradeguard.core.model.Asset b) {
        return a == b || a.code().equals(b.code());
    }

    private static BigDecimal sum(List<Fill> fills) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Fill fill : fills) {
            sum = sum.add(fill.quantity());
        }
        return sum;
    }
}
