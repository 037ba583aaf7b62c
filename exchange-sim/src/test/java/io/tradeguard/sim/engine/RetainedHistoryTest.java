package io.tradeguard.sim.engine;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closed orders and trades are retained as primitive rows ({@link ClosedOrders}, {@link TradeHistory}) and rebuilt
 * when queried: every kind of order (market without a time in force, quote-order-quantity, IOC expiry, OCO legs,
 * a fired trailing stop) and every trade (both sides, two symbols, commission in the asset received) must come
 * back exactly as the engine's last event about it showed it, and only the newest {@code limit} of them.
 */
class RetainedHistoryTest {
    private static final int LIMIT = 6;

    private final Map<Long, OrderView> lastView = new LinkedHashMap<>();
    private final List<Fill> fillsOfA = new ArrayList<>();
    private long accountA;

    private final MatchingEngine engine = new MatchingEngine(SymbolSpec.defaults(), Liquidity.defaults(), LIMIT, e -> {
        if (e instanceof EngineEvent.OrderUpdate u && u.accountId() == accountA) {
            lastView.put(u.order().orderId(), u.order());
            if (u.execType() == ExecutionType.TRADE) {
                fillsOfA.add(new Fill(u.order().inst(), u.tradeId(), u.order().orderId(), u.order().orderListId(), u.lastPrice(),
                        u.lastQty(), u.lastQuote(), u.commission(), u.commissionAsset(), u.time(), u.order().side() == Side.BUY,
                        u.maker()));
            }
        }
    });

    @Test
    void closedOrdersAndTradesComeBackAsTheirLastEventShowedThem() {
        Account a = engine.openAccount("a", Map.of("USDT", new BigDecimal("1000000"), "BTC", new BigDecimal("10"),
                "ETH", new BigDecimal("100")), new BigDecimal("0.001"), new BigDecimal("0.002"), 1);
        accountA = a.id;
        Account b = engine.openAccount("b", Map.of("USDT", new BigDecimal("1000000"), "ETH", new BigDecimal("100")),
                new BigDecimal("0.001"), new BigDecimal("0.001"), 1);
        Instrument btc = engine.instrument("BTCUSDT");
        Instrument eth = engine.instrument("ETHUSDT");
        long now = 10;
        List<Long> closedOfA = new ArrayList<>();

        // a market BUY (no time in force) through three levels of the house depth: taker fills, commission in BTC
        closedOfA.add(placed(engine.place(a, NewOrder.market("BTCUSDT", Side.BUY, btc.qty(new BigDecimal("2")), "m1"), ++now)));
        // a market SELL by quote amount
        closedOfA.add(placed(engine.place(a, new NewOrder("BTCUSDT", Side.SELL, OrderType.MARKET, null, 0, 0,
                Units.toUnits(new BigDecimal("1000"), Units.ASSET_SCALE), 0, 0, "q1"), ++now)));
        // an IOC far from the market expires unfilled
        closedOfA.add(placed(engine.place(a, new NewOrder("BTCUSDT", Side.BUY, OrderType.LIMIT, TimeInForce.IOC,
                btc.price(new BigDecimal("50000")), btc.qty(new BigDecimal("0.01")), 0, 0, 0, "ioc"), ++now)));
        // A rests on ETH, B takes it in two trades: A is the maker, paid in USDT
        long ethPrice = eth.price(new BigDecimal("3000"));
        long rest = placed(engine.place(a, NewOrder.limit("ETHUSDT", Side.SELL, ethPrice, eth.qty(new BigDecimal("2")), "rest"), ++now));
        engine.place(b, new NewOrder("ETHUSDT", Side.BUY, OrderType.LIMIT, TimeInForce.IOC, ethPrice, eth.qty(new BigDecimal("0.5")),
                0, 0, 0, "t1"), ++now);
        engine.place(b, new NewOrder("ETHUSDT", Side.BUY, OrderType.LIMIT, TimeInForce.IOC, ethPrice, eth.qty(new BigDecimal("1.5")),
                0, 0, 0, "t2"), ++now);
        closedOfA.add(rest);
        // an OCO whose legs are canceled together: both carry the list id
        long last = engine.lastPrice("BTCUSDT");
        Outcome oco = engine.placeOco(a, new OcoRequest("BTCUSDT", Side.SELL, "list1",
                new NewOrder("BTCUSDT", Side.SELL, OrderType.LIMIT_MAKER, null, last + btc.price(new BigDecimal("1000")),
                        btc.qty(new BigDecimal("0.1")), 0, 0, 0, "above"),
                new NewOrder("BTCUSDT", Side.SELL, OrderType.STOP_LOSS_LIMIT, TimeInForce.GTC, last - btc.price(new BigDecimal("2000")),
                        btc.qty(new BigDecimal("0.1")), 0, last - btc.price(new BigDecimal("1000")), 0, "below")), ++now);
        OrderListView list = ((Outcome.ListPlaced) oco).list();
        engine.cancelOrderList(a, "BTCUSDT", list.orderListId(), null, "undo", ++now);
        list.legs().forEach(o -> closedOfA.add(o.orderId()));
        // a trailing stop: starts tracking on the next trade, fires 1 % below the high, sells to the house
        long trailing = placed(engine.place(a, new NewOrder("BTCUSDT", Side.SELL, OrderType.STOP_LOSS, null, 0,
                btc.qty(new BigDecimal("0.2")), 0, 0, 100, "trail"), ++now));
        long high = engine.lastPrice("BTCUSDT") + btc.price(new BigDecimal("500"));
        engine.marketTrade("BTCUSDT", high, btc.step, ++now);
        engine.marketTrade("BTCUSDT", high - high / 50 / btc.tick * btc.tick, btc.step, ++now);
        closedOfA.add(trailing);
        assertThat(lastView.get(trailing).status()).isEqualTo(OrderStatus.FILLED);
        assertThat(lastView.get(trailing).trailingTime()).isPositive();

        EngineQueries q = engine.queries();
        assertThat(closedOfA).hasSizeGreaterThan(LIMIT);
        for (int i = 0; i < closedOfA.size(); i++) {
            OrderView expected = lastView.get(closedOfA.get(i));
            assertThat(expected.status().isOpen()).isFalse();
            Outcome byId = q.order(a, expected.symbol(), expected.orderId(), null);
            Outcome byClientId = q.order(a, expected.symbol(), -1, expected.clientOrderId());
            if (i < closedOfA.size() - LIMIT) {
                assertThat(byId).as("evicted %s", expected.clientOrderId()).isEqualTo(new Outcome.Rejected(Reject.NO_SUCH_ORDER));
                assertThat(byClientId).isEqualTo(new Outcome.Rejected(Reject.NO_SUCH_ORDER));
            } else {
                assertThat(((Outcome.Placed) byId).order()).as(expected.clientOrderId()).isEqualTo(offBook(expected));
                assertThat(((Outcome.Placed) byClientId).order()).isEqualTo(offBook(expected));
            }
        }
        List<Long> retainedIds = closedOfA.subList(closedOfA.size() - LIMIT, closedOfA.size()).stream().sorted().toList();
        assertThat(q.orders(a)).extracting(OrderView::orderId).isEqualTo(retainedIds);
        assertThat(q.orders(a)).containsExactlyElementsOf(retainedIds.stream().map(id -> offBook(lastView.get(id))).toList());

        // trades: the newest LIMIT of the account, per symbol as the events showed them
        assertThat(fillsOfA).hasSizeGreaterThan(LIMIT);
        List<Fill> retainedFills = fillsOfA.subList(fillsOfA.size() - LIMIT, fillsOfA.size());
        for (String symbol : List.of("BTCUSDT", "ETHUSDT")) {
            List<Fill> expected = retainedFills.stream().filter(f -> f.inst().symbol.equals(symbol)).toList();
            assertThat(q.trades(a, symbol, -1, -1, 0, Long.MAX_VALUE, 1000)).as(symbol).isEqualTo(expected);
        }
        assertThat(retainedFills).anyMatch(f -> f.maker() && !f.buyer() && f.commissionAsset().equals("USDT"));
        assertThat(fillsOfA).anyMatch(f -> !f.maker() && f.buyer() && f.commissionAsset().equals("BTC"));
    }

    private static long placed(Outcome out) {
        assertThat(out).isInstanceOf(Outcome.Placed.class);
        return ((Outcome.Placed) out).order().orderId();
    }

    /** A resting order leaves the book after its last event, so {@code onBook} is the one field not compared. */
    private static OrderView offBook(OrderView v) {
        return new OrderView(v.inst(), v.orderId(), v.orderListId(), v.clientOrderId(), v.price(), v.origQty(), v.executedQty(),
                v.cumQuote(), v.origQuoteOrderQty(), v.status(), v.tif(), v.type(), v.side(), v.stopPrice(), v.trailingDelta(),
                v.trailingTime(), v.time(), v.updateTime(), v.workingTime(), false, v.expiry());
    }
}
