package io.tradeguard.sim.engine;

import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.frequency;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Money is conserved across random order streams: no balance goes negative, every asset's units sum to
 * what was deposited (accounts + house + commission pool), no order fills beyond its quantity, locked
 * funds equal what open orders hold, and the book is never crossed.
 */
class MatchingEngineProperties {
    private static final String SYMBOL = "BTCUSDT";
    private static final int ACCOUNTS = 4;

    /** One step of a random session. */
    sealed interface Action permits Limit, Market, Cancel, Outside, Stop, Oco {
    }

    record Limit(int account, Side side, int priceOffset, int qtySteps, TimeInForce tif, boolean maker) implements Action {
    }

    record Market(int account, Side side, int qtySteps, boolean byQuote) implements Action {
    }

    record Cancel(int account, int pick) implements Action {
    }

    record Outside(int priceOffset) implements Action {
    }

    record Stop(int account, Side side, int stopOffset, int qtySteps, boolean takeProfit, int trailing) implements Action {
    }

    record Oco(int account, Side side, int limitOffset, int stopOffset, int qtySteps, boolean stopLimit) implements Action {
    }

    Gen<Action> actions() {
        Gen<Integer> acct = integers().between(0, ACCOUNTS - 1);
        Gen<Side> side = pick(List.of(Side.values()));
        Gen<Integer> offset = integers().between(-40, 40);
        Gen<Integer> qty = integers().between(1, 3000);
        Gen<TimeInForce> tif = pick(List.of(TimeInForce.values()));
        Gen<Boolean> maker = pick(List.of(true, false, false, false));
        Gen<Action> limit = in -> new Limit(acct.generate(in), side.generate(in), offset.generate(in), qty.generate(in),
                tif.generate(in), maker.generate(in));
        Gen<Action> market = acct.zip(side, qty, pick(List.of(true, false)), Market::new);
        Gen<Action> cancel = acct.zip(integers().between(0, 1000), Cancel::new);
        Gen<Action> outside = offset.map(Outside::new);
        Gen<Integer> stopOffset = integers().between(1, 30);
        Gen<Boolean> takeProfit = pick(List.of(true, false));
        Gen<Integer> trailing = pick(List.of(0, 0, 15, 40));
        Gen<Action> stop = in -> new Stop(acct.generate(in), side.generate(in), stopOffset.generate(in), qty.generate(in),
                takeProfit.generate(in), trailing.generate(in));
        Gen<Integer> limitOffset = integers().between(1, 20);
        Gen<Integer> ocoStopOffset = integers().between(1, 20);
        Gen<Boolean> stopLimit = pick(List.of(true, false));
        Gen<Action> oco = in -> new Oco(acct.generate(in), side.generate(in), limitOffset.generate(in), ocoStopOffset.generate(in),
                qty.generate(in), stopLimit.generate(in));
        return frequency(
                Pair.of(1, oco),
                Pair.of(6, limit), Pair.of(2, market), Pair.of(2, cancel),
                Pair.of(2, outside), Pair.of(1, stop));
    }

    @Test
    void moneyIsConservedAndNothingOverfills() {
        qt().withExamples(150).forAll(lists().of(actions()).ofSizeBetween(0, 120), booleans().all())
                .checkAssert(this::moneyIsConservedAndNothingOverfills);
    }

    void moneyIsConservedAndNothingOverfills(List<Action> actions, boolean houseDepth) {
        Liquidity liquidity = houseDepth ? new Liquidity(5, 3, new BigDecimal("2000")) : Liquidity.none();
        MatchingEngine engine = new MatchingEngine(SymbolSpec.defaults(), liquidity, 100_000, EngineListener.NONE);
        Instrument inst = engine.instrument(SYMBOL);
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(engine.openAccount("k" + i, Map.of("USDT", new BigDecimal("100000"), "BTC", new BigDecimal("2")),
                    new BigDecimal("0.001"), new BigDecimal("0.0015"), 1));
        }
        long now = 1;
        long base = inst.price(new BigDecimal("60000"));
        for (Action a : actions) {
            now++;
            switch (a) {
                case Limit l -> {
                    long price = base + (long) l.priceOffset() * 500; // 5 USDT steps around 60000
                    NewOrder o = l.maker()
                            ? new NewOrder(SYMBOL, l.side(), OrderType.LIMIT_MAKER, null, price, l.qtySteps(), 0, 0, 0, "c" + now)
                            : new NewOrder(SYMBOL, l.side(), OrderType.LIMIT, l.tif(), price, l.qtySteps(), 0, 0, 0, "c" + now);
                    engine.place(accounts.get(l.account()), o, now);
                }
                case Market m -> {
                    NewOrder o = m.byQuote()
                            ? new NewOrder(SYMBOL, m.side(), OrderType.MARKET, null, 0, 0, m.qtySteps() * 100_000_000L, 0, 0, "m" + now)
                            : NewOrder.market(SYMBOL, m.side(), m.qtySteps(), "m" + now);
                    engine.place(accounts.get(m.account()), o, now);
                }
                case Cancel c -> {
                    Account acct = accounts.get(c.account());
                    List<OrderView> open = engine.queries().openOrders(acct, SYMBOL);
                    if (!open.isEmpty()) {
                        OrderView victim = open.get(c.pick() % open.size());
                        Outcome out = engine.cancel(acct, SYMBOL, victim.orderId(), null, "x" + now, null, now);
                        assertThat(out).isInstanceOf(Outcome.Canceled.class);
                    }
                }
                case Outside o -> engine.marketTrade(SYMBOL, base + (long) o.priceOffset() * 500, inst.minQty, now);
                case Oco o -> {
                    long last = engine.lastPrice(SYMBOL);
                    boolean sell = o.side() == Side.SELL;
                    long limitPrice = last + (sell ? 1 : -1) * (long) o.limitOffset() * 500;
                    long stop = last + (sell ? -1 : 1) * (long) o.stopOffset() * 500;
                    NewOrder maker = new NewOrder(SYMBOL, o.side(), OrderType.LIMIT_MAKER, null, limitPrice, o.qtySteps(), 0, 0, 0, "l" + now);
                    NewOrder stopLeg = o.stopLimit()
                            ? new NewOrder(SYMBOL, o.side(), OrderType.STOP_LOSS_LIMIT, TimeInForce.GTC, stop + (sell ? -500 : 500), o.qtySteps(), 0, stop, 0, "s" + now)
                            : new NewOrder(SYMBOL, o.side(), OrderType.STOP_LOSS, null, 0, o.qtySteps(), 0, stop, 0, "s" + now);
                    engine.placeOco(accounts.get(o.account()), new OcoRequest(SYMBOL, o.side(), "o" + now,
                            sell ? maker : stopLeg, sell ? stopLeg : maker), now);
                }
                case Stop s -> {
                    long last = engine.lastPrice(SYMBOL);
                    boolean above = (s.side() == Side.BUY) != s.takeProfit();
                    long stop = last + (above ? 1 : -1) * (long) s.stopOffset() * 500;
                    OrderType type = s.takeProfit() ? OrderType.TAKE_PROFIT : OrderType.STOP_LOSS;
                    engine.place(accounts.get(s.account()), new NewOrder(SYMBOL, s.side(), type, null, 0, s.qtySteps(), 0,
                            s.trailing() > 0 && s.stopOffset() % 2 == 0 ? 0 : stop, s.trailing() > 0 ? s.trailing() : 0, "s" + now), now);
                }
            }
            checkInvariants(engine, accounts);
        }
    }

    private static void checkInvariants(MatchingEngine engine, List<Account> accounts) {
        EngineQueries q = engine.queries();
        assertThat(q.isCrossed(SYMBOL)).as("book crossed").isFalse();
        for (String asset : List.of("USDT", "BTC")) {
            int id = q.assetId(asset);
            long total = q.houseUnits(asset) + q.feeUnits(asset);
            for (Account a : accounts) {
                assertThat(a.free(id)).as("free %s", asset).isNotNegative();
                assertThat(a.locked(id)).as("locked %s", asset).isNotNegative();
                total += a.free(id) + a.locked(id);
            }
            assertThat(total).as("units of %s conserved", asset).isZero();
            assertThat(q.feeUnits(asset)).isNotNegative();
        }
        for (Account a : accounts) {
            long[] held = new long[engine.queries().assetNames().size()];
            Set<LockHolder> seen = new HashSet<>();
            for (Order o : a.openOrders(null)) {
                if (seen.add(o.lock)) {
                    held[o.lock.asset] += o.lock.remaining;
                }
            }
            for (int i = 0; i < held.length; i++) {
                assertThat(a.locked(i)).as("locked equals what open orders hold").isEqualTo(held[i]);
            }
            for (OrderView o : q.orders(a)) {
                assertThat(o.executedQty()).as("fills within quantity").isLessThanOrEqualTo(o.origQty());
                assertThat(o.status() == OrderStatus.FILLED).isEqualTo(o.origQty() > 0 && o.executedQty() == o.origQty());
            }
        }
    }
}
