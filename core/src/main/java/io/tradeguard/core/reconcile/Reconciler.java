package io.tradeguard.core.reconcile;

import io.tradeguard.core.event.ReconciliationSummary;
import io.tradeguard.core.ledger.AssetBalance;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.order.OrderReports;
import io.tradeguard.core.order.OrderTransitions.Move;
import io.tradeguard.core.reconcile.VenueSnapshot.QueryAnswer;
import io.tradeguard.core.venue.Balance;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.Venue.AccountTrade;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reconciliation as a pure function: (local orders and balances, what the venue says) → corrections.
 * The venue is the source of truth for open orders and balances. Deterministic (inputs are sorted, so
 * their order does not matter) and idempotent: once its corrections are applied, running it again on
 * the same venue answers finds nothing to change.
 */
public final class Reconciler {

    private Reconciler() {
    }

    /**
     * @param enginePrefix    client order id prefix of our orders
     * @param unknownGrace    how long after its creation an order the venue does not have may still arrive
     *                        there (a request in flight); after it, "never had it" is final
     */
    public record Policy(String enginePrefix, Duration unknownGrace) {
    }

    public record Result(List<Correction> corrections, ReconciliationSummary summary) {
        public Result {
            corrections = List.copyOf(corrections);
        }

        public boolean changesState() {
            return corrections.stream().anyMatch(Correction::changesState);
        }
    }

    /** The unsettled local orders the venue does not list as open: each must be queried by client id. */
    public static List<ClientOrderId> ordersToQuery(Collection<Order> local, Collection<OrderUpdate> venueOpen) {
        Set<ClientOrderId> open = new HashSet<>();
        venueOpen.forEach(o -> open.add(o.clientOrderId()));
        return local.stream()
                .filter(o -> o.unsettled() || o.missingFills())
                .filter(o -> !open.contains(o.clientOrderId()))
                .map(Order::clientOrderId)
                .sorted(Comparator.comparing(ClientOrderId::value))
                .toList();
    }

    public static Result reconcile(Collection<Order> localOrders, Collection<AssetBalance> localBalances,
                                   VenueSnapshot venue, Policy policy, Instant now) {
        Map<String, Order> local = new TreeMap<>();
        localOrders.stream().filter(o -> o.market() == venue.market())
                .forEach(o -> local.put(o.clientOrderId().value(), o));
        Map<String, QueryAnswer> answers = new TreeMap<>();
        venue.queries().forEach(q -> answers.put(q.clientOrderId().value(), q));
        Map<String, OrderUpdate> open = new TreeMap<>();
        venue.openOrders().forEach(o -> open.merge(o.clientOrderId().value(), o,
                (a, b) -> a.venueTime().isAfter(b.venueTime()) ? a : b));

        List<Correction> out = new ArrayList<>();
        Tally tally = new Tally();
        // venue order id -> the order (after this run's corrections) that owns it
        Map<Long, Order> byVenueId = new TreeMap<>();

        for (OrderUpdate report : open.values()) {
            Order known = local.get(report.clientOrderId().value());
            if (known == null) {
                OrderOrigin origin = OrderOrigin.ofClientOrderId(report.clientOrderId(), policy.enginePrefix());
                out.add(new Correction.Adopt(report, origin));
                if (origin == OrderOrigin.EXTERNAL) {
                    tally.adoptedExternal++;
                } else {
                    tally.adoptedOurs++;
                }
                tally.notes.add("adopted " + origin + " order " + report.clientOrderId() + " (" + report.status() + ")");
                byVenueId.put(report.venueOrderId(), Order.adopted(report, origin, now));
            } else if (known.status().isTerminal()) {
                // we hold it finished, the venue lists it open: our record is wrong, a person must look
                out.add(new Correction.Discrepancy("order " + known.clientOrderId() + " is " + known.status()
                        + " here but " + report.status() + " on the venue"));
                tally.discrepancies++;
                byVenueId.put(report.venueOrderId(), known);
            } else {
                byVenueId.put(report.venueOrderId(), compare(known, report, out, tally));
            }
        }

        for (Order order : local.values()) {
            if (open.containsKey(order.clientOrderId().value())) {
                continue;
            }
            Order current = order;
            if (order.unsettled() || order.missingFills()) {
                QueryAnswer answer = answers.get(order.clientOrderId().value());
                if (answer == null) {
                    if (order.unsettled()) {
                        tally.unresolved++;
                    }
                } else if (answer.found() != null) {
                    current = compare(order, answer.found(), out, tally);
                } else if (order.status() == OrderStatus.PENDING_SUBMIT || order.status() == OrderStatus.UNKNOWN) {
                    if (!now.isBefore(order.createdAt().plus(policy.unknownGrace()))) {
                        out.add(new Correction.MarkNotPlaced(order.clientOrderId(),
                                "the venue has no order " + order.clientOrderId() + ": it was never placed"));
                        tally.notPlaced++;
                        tally.notes.add("order " + order.clientOrderId() + " was never placed");
                    } else {
                        tally.unresolved++;
                    }
                } else if (order.unsettled()) {
                    out.add(new Correction.Discrepancy("order " + order.clientOrderId() + " is " + order.status()
                            + " here but unknown to the venue (archived?)"));
                    tally.discrepancies++;
                }
            }
            if (current.venueOrderId() != null) {
                byVenueId.put(current.venueOrderId(), current);
            }
        }

        List<AccountTrade> trades = new ArrayList<>(venue.trades());
        trades.sort(Comparator.comparing((AccountTrade t) -> t.symbol().value())
                .thenComparingLong(t -> t.fill().tradeId()));
        Set<String> seenTrades = new HashSet<>();
        for (AccountTrade trade : trades) {
            if (!seenTrades.add(trade.symbol().value() + "/" + trade.fill().tradeId())) {
                continue;
            }
            Order owner = byVenueId.get(trade.venueOrderId());
            if (owner == null || !owner.symbol().equals(trade.symbol())) {
                out.add(new Correction.UnmatchedTrade(trade));
                tally.discrepancies++;
                tally.notes.add("trade " + trade.fill().tradeId() + " of unknown " + trade.symbol() + " order "
                        + trade.venueOrderId());
            } else if (!owner.hasFill(trade.fill().tradeId())) {
                out.add(new Correction.ApplyFill(owner.clientOrderId(), trade.fill()));
                tally.fills++;
                tally.notes.add("missing fill " + trade.fill().tradeId() + " applied to " + owner.clientOrderId());
            }
        }

        if (venue.balances() != null) {
            balances(localBalances, venue, out, tally);
        }
        ReconciliationSummary summary = new ReconciliationSummary(tally.adoptedOurs, tally.adoptedExternal,
                tally.updated, tally.fills, tally.notPlaced, tally.balances, tally.discrepancies, tally.unresolved,
                tally.notes);
        return new Result(out, summary);
    }

    /** The venue's view of a known order: a correction when it moves ours, a discrepancy when it cannot. */
    private static Order compare(Order known, OrderUpdate report, List<Correction> out, Tally tally) {
        OrderReports.Applied applied = OrderReports.apply(known, report);
        if (applied.move() == Move.ILLEGAL) {
            out.add(new Correction.Discrepancy(applied.anomaly()));
            tally.discrepancies++;
        }
        if (applied.changed()) {
            out.add(new Correction.ApplyReport(known.clientOrderId(), report));
            tally.updated++;
            tally.notes.add("order " + known.clientOrderId() + " " + known.status() + " -> " + applied.order().status());
        }
        return applied.order();
    }

    private static void balances(Collection<AssetBalance> localBalances, VenueSnapshot venue, List<Correction> out,
                                 Tally tally) {
        Map<String, AssetBalance> local = new TreeMap<>();
        localBalances.stream().filter(b -> b.market() == venue.market()).forEach(b -> local.put(b.asset().code(), b));
        Map<String, Balance> remote = new TreeMap<>();
        venue.balances().forEach(b -> remote.put(b.asset().code(), b));
        for (Balance balance : remote.values()) {
            AssetBalance mine = local.get(balance.asset().code());
            if (mine != null && mine.asOf().isAfter(venue.fetchedAt())) {
                continue; // a stream update newer than this answer
            }
            boolean differs = mine == null ? balance.total().signum() != 0
                    : !mine.sameAmounts(balance.free(), balance.locked());
            if (differs) {
                out.add(new Correction.CorrectBalance(balance, mine, venue.fetchedAt()));
                tally.balances++;
                tally.notes.add("balance " + balance.asset() + " free " + plain(mine == null ? null : mine.free())
                        + " -> " + balance.free().toPlainString() + ", locked " + plain(mine == null ? null : mine.locked())
                        + " -> " + balance.locked().toPlainString());
            }
        }
        for (AssetBalance mine : local.values()) {
            if (!remote.containsKey(mine.asset().code()) && mine.total().signum() != 0
                    && !mine.asOf().isAfter(venue.fetchedAt())) {
                Asset asset = mine.asset();
                out.add(new Correction.CorrectBalance(new Balance(venue.market(), asset, BigDecimal.ZERO, BigDecimal.ZERO), mine,
                        venue.fetchedAt()));
                tally.balances++;
                tally.notes.add("balance " + asset + " gone on the venue: " + mine.total().toPlainString() + " -> 0");
            }
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "none" : value.toPlainString();
    }

    private static final class Tally {
        int adoptedOurs;
        int adoptedExternal;
        int updated;
        int fills;
        int notPlaced;
        int balances;
        int discrepancies;
        int unresolved;
        final List<String> notes = new ArrayList<>();
    }
}
