package io.tradeguard.sim.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * What the order queries retain, against a model built only from the engine's events: every open order,
 * plus the last {@code limit} orders to close (in the order they closed; in a trade the maker closes first). A query by id finds a retained
 * order; a query by client id finds the newest retained order with that id; allOrders lists the retained
 * orders of the symbol by id; a client id that an open order uses is refused (-2010), one that only closed
 * orders used is free again; cancels by id or by client id reach only open orders (-2011 otherwise).
 */
class OrderHistoryProperties {
    private static final String SYMBOL = "BTCUSDT";
    private static final int LIMIT = 4;
    private static final int ACCOUNTS = 2;
    private static final int CLIENT_IDS = 6;

    @Test
    void queriesSeeExactlyTheRetainedOrders() {
        // each step: account, client id, price offset, quantity, kind (0-5 GTC limit, 6 IOC, 7-8 cancel by id, 9 by client id)
        qt().withExamples(100).forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(0, 100))
                .checkAssert(this::queriesSeeExactlyTheRetainedOrders);
    }

    private static final class Model {
        final Map<Long, OrderView> open = new LinkedHashMap<>();
        final List<OrderView> closed = new ArrayList<>();
        /** Closes of the current command: a trade reports the taker first but closes its maker first. */
        final List<EngineEvent.OrderUpdate> closing = new ArrayList<>();

        void on(EngineEvent e) {
            if (e instanceof EngineEvent.OrderUpdate u) {
                if (u.order().status().isOpen()) {
                    open.put(u.order().orderId(), u.order());
                } else if (open.remove(u.order().orderId()) != null) {
                    closing.add(u);
                }
            }
        }

        void endOfCommand() {
            for (int i = 0; i < closing.size(); i++) {
                EngineEvent.OrderUpdate u = closing.get(i);
                if (i + 1 < closing.size() && u.tradeId() >= 0 && !u.maker() && closing.get(i + 1).tradeId() == u.tradeId()) {
                    closed.add(closing.get(i + 1).order());
                    closed.add(u.order());
                    i++;
                } else {
                    closed.add(u.order());
                }
            }
            closing.clear();
        }

        List<OrderView> retained() {
            List<OrderView> out = new ArrayList<>(open.values());
            out.addAll(closed.subList(Math.max(0, closed.size() - LIMIT), closed.size()));
            out.sort(Comparator.comparingLong(OrderView::orderId));
            return out;
        }
    }

    void queriesSeeExactlyTheRetainedOrders(List<Integer> steps) {
        List<Model> models = new ArrayList<>();
        Map<Long, Model> byAccount = new LinkedHashMap<>();
        MatchingEngine engine = new MatchingEngine(SymbolSpec.defaults(), Liquidity.none(), LIMIT, e -> {
            long id = switch (e) {
                case EngineEvent.OrderUpdate u -> u.accountId();
                default -> -1;
            };
            Model m = byAccount.get(id);
            if (m != null) {
                m.on(e);
            }
        });
        Instrument inst = engine.instrument(SYMBOL);
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            Account a = engine.openAccount("h" + i, Map.of("USDT", new BigDecimal("1000000"), "BTC", new BigDecimal("100")),
                    new BigDecimal("0.001"), new BigDecimal("0.001"), 1);
            accounts.add(a);
            Model m = new Model();
            models.add(m);
            byAccount.put(a.id, m);
        }
        long base = inst.price(new BigDecimal("60000"));
        long now = 1;
        for (int step : steps) {
            now++;
            int acct = step % ACCOUNTS;
            String cid = "c" + (step / ACCOUNTS) % CLIENT_IDS;
            int offset = (step / (ACCOUNTS * CLIENT_IDS)) % 5 - 2;
            int lots = 1 + (step / (ACCOUNTS * CLIENT_IDS * 5)) % 3;
            int kind = (step / (ACCOUNTS * CLIENT_IDS * 15)) % 10;
            Account a = accounts.get(acct);
            Model model = models.get(acct);
            if (kind <= 6) {
                Side side = offset % 2 == 0 ? Side.BUY : Side.SELL;
                boolean usedByOpen = model.open.values().stream().anyMatch(o -> o.clientOrderId().equals(cid));
                Outcome out = engine.place(a, new NewOrder(SYMBOL, side, OrderType.LIMIT, kind == 6 ? TimeInForce.IOC : TimeInForce.GTC,
                        base + offset * inst.tick * 100, lots * 100L, 0, 0, 0, cid), now);
                if (usedByOpen) {
                    assertThat(out).isEqualTo(new Outcome.Rejected(Reject.DUPLICATE));
                } else {
                    assertThat(out).isInstanceOf(Outcome.Placed.class);
                }
            } else {
                List<OrderView> retained = model.retained();
                OrderView target = retained.isEmpty() ? null : retained.get(step % retained.size());
                boolean wasOpen = kind == 9
                        ? model.open.values().stream().anyMatch(o -> o.clientOrderId().equals(target == null ? cid : target.clientOrderId()))
                        : target != null && model.open.containsKey(target.orderId());
                Outcome out = kind == 9
                        ? engine.cancel(a, SYMBOL, -1, target == null ? cid : target.clientOrderId(), "x" + now, null, now)
                        : engine.cancel(a, SYMBOL, target == null ? 999_999 : target.orderId(), null, "x" + now, null, now);
                if (wasOpen) {
                    assertThat(out).isInstanceOf(Outcome.Canceled.class);
                } else {
                    assertThat(out).isEqualTo(new Outcome.Rejected(Reject.UNKNOWN_ORDER_CANCEL));
                }
            }
            models.forEach(Model::endOfCommand);
            for (int i = 0; i < ACCOUNTS; i++) {
                check(engine, accounts.get(i), models.get(i));
            }
        }
    }

    private static List<Long> ids(List<OrderView> orders) {
        return orders.stream().map(OrderView::orderId).toList();
    }

    /** A resting order leaves the book after its last event, so {@code onBook} is the one field not compared. */
    private static void same(Outcome found, OrderView expected) {
        assertThat(found).isInstanceOf(Outcome.Placed.class);
        OrderView o = ((Outcome.Placed) found).order();
        assertThat(offBook(o)).isEqualTo(offBook(expected));
        assertThat(((Outcome.Placed) found).fills()).isEmpty();
    }

    private static OrderView offBook(OrderView v) {
        return new OrderView(v.inst(), v.orderId(), v.orderListId(), v.clientOrderId(), v.price(), v.origQty(), v.executedQty(),
                v.cumQuote(), v.origQuoteOrderQty(), v.status(), v.tif(), v.type(), v.side(), v.stopPrice(), v.trailingDelta(),
                v.trailingTime(), v.time(), v.updateTime(), v.workingTime(), false, v.expiry());
    }

    private static void check(MatchingEngine engine, Account a, Model model) {
        EngineQueries q = engine.queries();
        List<OrderView> retained = model.retained();
        assertThat(ids(q.allOrders(a, SYMBOL, -1, 0, Long.MAX_VALUE, 1000))).isEqualTo(ids(retained));
        assertThat(ids(q.orders(a))).isEqualTo(ids(retained));
        assertThat(ids(q.openOrders(a, SYMBOL))).isEqualTo(model.open.keySet().stream().sorted().toList());
        long maxId = 0;
        for (OrderView o : retained) {
            same(q.order(a, SYMBOL, o.orderId(), null), o);
            maxId = Math.max(maxId, o.orderId());
        }
        for (OrderView o : model.closed.subList(0, Math.max(0, model.closed.size() - LIMIT))) {
            assertThat(q.order(a, SYMBOL, o.orderId(), null)).as("evicted").isEqualTo(new Outcome.Rejected(Reject.NO_SUCH_ORDER));
        }
        assertThat(q.order(a, SYMBOL, maxId + 1_000, null)).isEqualTo(new Outcome.Rejected(Reject.NO_SUCH_ORDER));
        for (int c = 0; c < CLIENT_IDS; c++) {
            String cid = "c" + c;
            OrderView newest = retained.stream().filter(o -> o.clientOrderId().equals(cid))
                    .max(Comparator.comparingLong(OrderView::orderId)).orElse(null);
            Outcome found = q.order(a, SYMBOL, -1, cid);
            if (newest == null) {
                assertThat(found).isEqualTo(new Outcome.Rejected(Reject.NO_SUCH_ORDER));
            } else {
                same(found, newest);
                same(q.order(a, SYMBOL, newest.orderId(), cid), newest);
                assertThat(q.order(a, SYMBOL, newest.orderId(), cid + "z"))
                        .isEqualTo(new Outcome.Rejected(Reject.CLIENT_ID_MISMATCH));
            }
        }
    }
}
