package io.tradeguard.core.reconcile;

import io.tradeguard.core.ledger.AssetBalance;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.order.OrderReports;
import io.tradeguard.core.order.OrderTrigger;
import io.tradeguard.core.venue.Balance;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.Venue.AccountTrade;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.tradeguard.core.testing.Reports.BTCUSDT;
import static io.tradeguard.core.testing.Reports.d;
import static io.tradeguard.core.testing.Reports.status;
import static io.tradeguard.core.testing.Reports.trade;

/**
 * A consistent world for reconciliation tests: each order has a true history on the venue, and the
 * engine has seen some prefix of it (or nothing).
 */
final class Scenario {
    static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    static final Reconciler.Policy POLICY = new Reconciler.Policy("TG", Duration.ofSeconds(60));

    enum Truth { NEW, PARTIALLY_FILLED, FILLED, CANCELED, NEVER_PLACED }

    /** @param seen how many events of the venue history the engine has applied (0: only its intent, or nothing) */
    record OrderSpec(boolean ours, int quantity, Truth truth, int seen, boolean buy) {
    }

    record BalanceSpec(String asset, int localFree, int venueFree, boolean localKnown, boolean venueListed) {
    }

    final Map<ClientOrderId, Order> local = new LinkedHashMap<>();
    final List<AssetBalance> localBalances = new ArrayList<>();
    final List<OrderUpdate> venueOpen = new ArrayList<>();
    final Map<ClientOrderId, OrderUpdate> venueFinal = new LinkedHashMap<>();
    final List<AccountTrade> trades = new ArrayList<>();
    final List<Balance> venueBalances = new ArrayList<>();

    static Scenario of(List<OrderSpec> orders, List<BalanceSpec> balances) {
        Scenario s = new Scenario();
        for (int i = 0; i < orders.size(); i++) {
            s.addOrder(i, orders.get(i));
        }
        for (BalanceSpec b : balances) {
            Asset asset = Asset.of(b.asset());
            if (b.localKnown()) {
                s.localBalances.removeIf(x -> x.asset().equals(asset));
                s.localBalances.add(new AssetBalance(Market.SPOT, asset, BigDecimal.valueOf(b.localFree()), BigDecimal.ZERO, T0));
            }
            if (b.venueListed()) {
                s.venueBalances.removeIf(x -> x.asset().equals(asset));
                s.venueBalances.add(new Balance(Market.SPOT, asset, BigDecimal.valueOf(b.venueFree()), BigDecimal.ZERO));
            }
        }
        return s;
    }

    private void addOrder(int i, OrderSpec spec) {
        if (!spec.ours() && spec.truth() == Truth.NEVER_PLACED) {
            return; // nobody knows an external order that never existed
        }
        String id = (spec.ours() ? "TGM-" : "web-") + i;
        long venueId = 1000 + i;
        Side side = spec.buy() ? Side.BUY : Side.SELL;
        String qty = Integer.toString(spec.quantity());
        int fills = switch (spec.truth()) {
            case NEW, NEVER_PLACED -> 0;
            case PARTIALLY_FILLED -> Math.max(1, spec.quantity() - 1);
            case FILLED -> spec.quantity();
            case CANCELED -> spec.quantity() / 2;
        };
        List<OrderUpdate> history = new ArrayList<>();
        if (spec.truth() != Truth.NEVER_PLACED) {
            history.add(status(id, venueId, side, qty, "100", OrderStatus.NEW, "0", T0.plusSeconds(1)));
        }
        for (int j = 1; j <= fills; j++) {
            Fill fill = new Fill(venueId * 100 + j, d("100"), BigDecimal.ONE, d("0.1"), Asset.USDT, false, T0.plusSeconds(1 + j));
            OrderStatus after = j == spec.quantity() ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
            history.add(trade(id, venueId, side, qty, "100", after, Integer.toString(j), fill));
            trades.add(new AccountTrade(BTCUSDT, venueId, side, fill));
        }
        if (spec.truth() == Truth.CANCELED) {
            history.add(status(id, venueId, side, qty, "100", OrderStatus.CANCELED, Integer.toString(fills), T0.plusSeconds(50)));
        }
        OrderUpdate last = history.isEmpty() ? null : history.get(history.size() - 1);
        if (last != null) {
            OrderUpdate snapshot = status(id, venueId, side, qty, "100", last.status(), Integer.toString(fills), last.venueTime());
            if (last.status().isOpen()) {
                venueOpen.add(snapshot);
            } else {
                venueFinal.put(snapshot.clientOrderId(), snapshot);
            }
        }

        int seen = Math.min(spec.seen(), history.size());
        Order order;
        if (spec.ours()) {
            order = Order.pending(OrderIntent.limit(Market.SPOT, BTCUSDT, side, d(qty), d("100"), OrderOrigin.MANUAL),
                    ClientOrderId.of(id), T0);
            if (seen == 0 && spec.seen() % 2 == 1) {
                order = OrderReports.local(order, OrderTrigger.ANSWER_LOST, "", T0).order();
            }
        } else if (seen == 0) {
            return;
        } else {
            order = Order.adopted(history.get(0), OrderOrigin.EXTERNAL, T0);
        }
        for (int k = 0; k < seen; k++) {
            order = OrderReports.apply(order, history.get(k)).order();
        }
        local.put(order.clientOrderId(), order);
    }

    /** What the I/O worker would fetch: open orders, answers for the orders it must query, trades, balances. */
    VenueSnapshot venue(Instant fetchedAt) {
        List<VenueSnapshot.QueryAnswer> answers = new ArrayList<>();
        for (ClientOrderId id : Reconciler.ordersToQuery(local.values(), venueOpen)) {
            answers.add(new VenueSnapshot.QueryAnswer(id, venueFinal.get(id)));
        }
        return new VenueSnapshot(Market.SPOT, venueOpen, answers, trades, venueBalances, fetchedAt);
    }

    /** Applies corrections the way the engine does, with the same pure functions. */
    static void apply(Map<ClientOrderId, Order> orders, List<AssetBalance> balances, List<Correction> corrections,
                      Instant now) {
        for (Correction c : corrections) {
            switch (c) {
                case Correction.Adopt a -> orders.putIfAbsent(a.venueOrder().clientOrderId(),
                        Order.adopted(a.venueOrder(), a.origin(), now));
                case Correction.ApplyReport r -> orders.put(r.clientOrderId(),
                        OrderReports.apply(orders.get(r.clientOrderId()), r.report()).order());
                case Correction.ApplyFill f -> orders.put(f.clientOrderId(),
                        OrderReports.applyFill(orders.get(f.clientOrderId()), f.fill(), now).order());
                case Correction.MarkNotPlaced n -> orders.put(n.clientOrderId(),
                        OrderReports.local(orders.get(n.clientOrderId()), OrderTrigger.NOT_PLACED, n.reason(), now).order());
                case Correction.CorrectBalance b -> {
                    balances.removeIf(x -> x.market() == b.venue().market() && x.asset().equals(b.venue().asset()));
                    balances.add(AssetBalance.of(b.venue(), b.asOf()));
                }
                case Correction.Discrepancy d -> { }
                case Correction.UnmatchedTrade u -> { }
            }
        }
    }
}
