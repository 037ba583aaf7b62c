package io.tradeguard.sim.engine;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** The real book and the naive one see the same seeded order stream and must trade identically. */
class OracleMatchingProperties {
    private static final String SYMBOL = "ETHUSDT";

    record Step(boolean cancel, int account, Side side, int priceOffset, int qty, TimeInForce tif, int pick) {
    }

    Gen<Step> steps() {
        Gen<Boolean> cancel = pick(List.of(false, false, false, false, true));
        Gen<Integer> account = integers().between(0, 2);
        Gen<Side> side = pick(List.of(Side.values()));
        Gen<Integer> priceOffset = integers().between(-10, 10);
        Gen<Integer> qty = integers().between(20, 500);
        Gen<TimeInForce> tif = pick(List.of(TimeInForce.GTC, TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK));
        Gen<Integer> pickIndex = integers().between(0, 99);
        return in -> new Step(cancel.generate(in), account.generate(in), side.generate(in), priceOffset.generate(in),
                qty.generate(in), tif.generate(in), pickIndex.generate(in));
    }

    @Test
    void sameTradesAndSameRestingOrdersAsTheNaiveBook() {
        qt().withExamples(200).forAll(lists().of(steps()).ofSizeBetween(0, 150))
                .checkAssert(this::sameTradesAndSameRestingOrdersAsTheNaiveBook);
    }

    void sameTradesAndSameRestingOrdersAsTheNaiveBook(List<Step> steps) {
        List<long[]> engineTrades = new ArrayList<>();
        EngineListener recorder = e -> {
            if (e instanceof EngineEvent.OrderUpdate u && u.execType() == ExecutionType.TRADE) {
                if (!u.maker()) {
                    engineTrades.add(new long[]{u.order().orderId(), -1, u.lastPrice(), u.lastQty(), u.tradeId()});
                } else {
                    long[] last = engineTrades.get(engineTrades.size() - 1);
                    assertThat(last[4]).as("maker report follows its taker report").isEqualTo(u.tradeId());
                    last[1] = u.order().orderId();
                }
            }
        };
        MatchingEngine engine = new MatchingEngine(SymbolSpec.defaults(), Liquidity.none(), 100_000, recorder);
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            accounts.add(engine.openAccount("k" + i, Map.of("USDT", new BigDecimal("100000000"), "ETH", new BigDecimal("100000")),
                    BigDecimal.ZERO, BigDecimal.ZERO, 1));
        }
        NaiveBook naive = new NaiveBook();
        long base = engine.instrument(SYMBOL).price(new BigDecimal("3000"));
        long now = 1;
        for (Step s : steps) {
            now++;
            Account acct = accounts.get(s.account());
            if (s.cancel()) {
                List<OrderView> open = engine.queries().openOrders(acct, SYMBOL);
                if (!open.isEmpty()) {
                    long id = open.get(s.pick() % open.size()).orderId();
                    engine.cancel(acct, SYMBOL, id, null, "x" + now, null, now);
                    naive.cancel(id);
                }
                continue;
            }
            long price = base + s.priceOffset() * 100L;
            engineTrades.clear();
            Outcome out = engine.place(acct, new NewOrder(SYMBOL, s.side(), OrderType.LIMIT, s.tif(), price, s.qty(), 0, 0, 0, "c" + now), now);
            assertThat(out).isInstanceOf(Outcome.Placed.class);
            long id = ((Outcome.Placed) out).order().orderId();
            List<NaiveBook.Trade> expected = naive.submit(id, s.side(), price, s.qty(), s.tif());
            assertThat(engineTrades.stream().map(t -> new NaiveBook.Trade(t[0], t[1], t[2], t[3])).toList()).isEqualTo(expected);
        }
        List<long[]> open = new ArrayList<>();
        for (Account a : accounts) {
            for (OrderView o : engine.queries().openOrders(a, SYMBOL)) {
                open.add(new long[]{o.orderId(), o.origQty() - o.executedQty()});
            }
        }
        open.sort(Comparator.comparingLong(x -> x[0]));
        assertThat(open).usingRecursiveComparison().isEqualTo(naive.openOrders());
    }
}
