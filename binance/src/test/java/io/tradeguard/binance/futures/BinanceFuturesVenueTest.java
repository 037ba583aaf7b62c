package io.tradeguard.binance.futures;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.ExecutionType;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.MarginType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.venue.FuturesAccountEvent;
import io.tradeguard.core.venue.FuturesPosition;
import io.tradeguard.core.venue.OrderRequest;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.SubmitResult;
import io.tradeguard.core.venue.VenueError.Kind;
import io.tradeguard.core.venue.VenueEvent;
import io.tradeguard.core.venue.VenueException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The futures venue against the real simulator over loopback; a fresh simulator per test (liquidations react to prices). */
class BinanceFuturesVenueTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Symbol ETH = Symbol.of("ETHUSDT");
    private static final AtomicInteger ids = new AtomicInteger();

    private FuturesSim sim;
    private BinanceFuturesVenue venue;
    private final List<VenueEvent> events = new CopyOnWriteArrayList<>();
    private final List<FuturesAccountEvent> futuresEvents = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        sim = new FuturesSim("10000");
        sim.price("BTCUSDT", "60000", "60000");
        sim.price("ETHUSDT", "3000", "3000");
        venue = BinanceFuturesVenue.connect(sim.config());
    }

    @AfterEach
    void stop() {
        venue.close();
        sim.close();
    }

    private static ClientOrderId id() {
        return ClientOrderId.of("tg-f-" + ids.incrementAndGet());
    }

    private static OrderRequest market(Symbol symbol, Side side, String qty, boolean reduceOnly) {
        return new OrderRequest(Market.FUTURES, symbol, side, OrderType.MARKET, null, new BigDecimal(qty), null, null, null,
                null, null, null, reduceOnly, false, id());
    }

    private static OrderRequest limit(Symbol symbol, Side side, String qty, String price) {
        return new OrderRequest(Market.FUTURES, symbol, side, OrderType.LIMIT, TimeInForce.GTC, new BigDecimal(qty), null,
                new BigDecimal(price), null, null, null, null, false, false, id());
    }

    private static OrderRequest stopMarket(Symbol symbol, Side side, String qty, String trigger) {
        return new OrderRequest(Market.FUTURES, symbol, side, OrderType.STOP_MARKET, null, new BigDecimal(qty), null, null,
                new BigDecimal(trigger), null, null, null, true, false, id());
    }

    private static OrderUpdate accepted(SubmitResult result) {
        assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
        return ((SubmitResult.Accepted) result).order();
    }

    private BinanceFuturesVenue.UserDataStream userStream() throws VenueException {
        return venue.subscribeUserData(events::add, futuresEvents::add);
    }

    @Test
    void market_data_instruments_and_settings() throws Exception {
        Instrument btc = venue.instrument(BTC).orElseThrow();
        assertThat(btc.market()).isEqualTo(Market.FUTURES);
        assertThat(btc.minNotional()).isPositive();
        assertThat(btc.priceFilter().tickSize()).isPositive();
        assertThat(venue.markPrice(BTC)).isEqualByComparingTo("60000");
        assertThat(venue.lastPrice(BTC)).isEqualByComparingTo("60000");
        assertThat(venue.fundingRate(BTC)).isNotNull();
        assertThat(venue.bookTicker(BTC).askPrice()).isPositive();
        assertThat(venue.depth(BTC, 5).asks()).isNotEmpty();
        assertThat(venue.klines(BTC, "1m", null, null, 10)).isNotNull();
        assertThat(venue.rest().leverageBracket("BTCUSDT").get(0).path("brackets")).isNotEmpty();
        assertThat(venue.isHedgeMode()).isFalse();
        assertThat(venue.setHedgeMode(false)).isFalse(); // already one-way: -4059 is not an error
        assertThat(venue.setMarginType(BTC, MarginType.ISOLATED)).isTrue();
        assertThat(venue.setMarginType(BTC, MarginType.ISOLATED)).isFalse(); // -4046: already isolated
        assertThat(venue.setLeverage(BTC, 10, 20)).isEqualTo(10);
        FuturesPosition flat = venue.position(BTC);
        assertThat(flat.isFlat()).isTrue();
        assertThat(flat.leverage()).isEqualTo(10);
        assertThat(flat.marginType()).isEqualTo(MarginType.ISOLATED);
        assertThat(venue.serverTime()).isNotNull();
    }

    @Test
    void leverage_above_the_hard_cap_is_refused_before_any_call() {
        long before = sim.sent.size();
        assertThatThrownBy(() -> venue.setLeverage(BTC, 25, 20)).isInstanceOfSatisfying(VenueException.class, e -> {
            assertThat(e.error().kind()).isEqualTo(Kind.REJECTED);
            assertThat(e.error().message()).contains("25x").contains("hard cap of 20x").contains("BTCUSDT");
        });
        assertThat(sim.sent).hasSize((int) before);
    }

    @Test
    void long_and_short_at_10x_show_entry_mark_pnl_and_liquidation() throws Exception {
        venue.setMarginType(BTC, MarginType.ISOLATED); // isolated: a 10x position has a liquidation price of its own
        venue.setMarginType(ETH, MarginType.ISOLATED);
        venue.setLeverage(BTC, 10, 20);
        venue.setLeverage(ETH, 10, 20);
        OrderUpdate buy = accepted(venue.submit(market(BTC, Side.BUY, "0.010", false)));
        assertThat(buy.status()).isEqualTo(OrderStatus.FILLED);
        OrderUpdate sell = accepted(venue.submit(market(ETH, Side.SELL, "0.100", false)));
        assertThat(sell.status()).isEqualTo(OrderStatus.FILLED);
        sim.price("BTCUSDT", "61000", "61000");
        sim.price("ETHUSDT", "2900", "2900");

        List<FuturesPosition> positions = venue.positions();
        assertThat(positions).hasSize(2);
        FuturesPosition lng = venue.position(BTC);
        assertThat(lng.isLong()).isTrue();
        assertThat(lng.amount()).isEqualByComparingTo("0.010");
        assertThat(lng.leverage()).isEqualTo(10);
        assertThat(lng.markPrice()).isEqualByComparingTo("61000");
        // uPnL = size × (mark − entry)
        assertThat(lng.unrealizedPnl()).isEqualByComparingTo(new BigDecimal("0.010").multiply(new BigDecimal("61000").subtract(lng.entryPrice())));
        assertThat(lng.liquidation()).hasValueSatisfying(p -> assertThat(p).isLessThan(lng.entryPrice()));
        FuturesPosition shrt = venue.position(ETH);
        assertThat(shrt.isShort()).isTrue();
        assertThat(shrt.unrealizedPnl()).isPositive(); // short gains when the mark falls
        assertThat(shrt.liquidation()).hasValueSatisfying(p -> assertThat(p).isGreaterThan(shrt.entryPrice()));

        // reduce-only exits flatten both
        accepted(venue.submit(market(BTC, Side.SELL, "0.010", true)));
        accepted(venue.submit(market(ETH, Side.BUY, "0.100", true)));
        assertThat(venue.positions()).isEmpty();
        assertThat(venue.trades(BTC, Instant.EPOCH)).hasSize(2);
        assertThat(venue.balances()).singleElement().satisfies(b -> assertThat(b.asset().toString()).contains("USDT"));
    }

    @Test
    void orders_and_algo_orders_are_queried_listed_and_canceled_by_client_id() throws Exception {
        OrderRequest resting = limit(BTC, Side.BUY, "0.010", "55000");
        accepted(venue.submit(resting));
        accepted(venue.submit(market(BTC, Side.BUY, "0.010", false)));
        OrderRequest stop = stopMarket(BTC, Side.SELL, "0.010", "58000");
        OrderUpdate placed = accepted(venue.submit(stop));
        assertThat(placed.type()).isEqualTo(OrderType.STOP_MARKET);
        assertThat(placed.status()).isEqualTo(OrderStatus.NEW);

        assertThat(venue.query(BTC, resting.clientOrderId())).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(OrderStatus.NEW));
        assertThat(venue.query(BTC, stop.clientOrderId())).hasValueSatisfying(o -> assertThat(o.stopPrice()).isEqualByComparingTo("58000"));
        assertThat(venue.query(BTC, ClientOrderId.of("never-sent"))).isEmpty();
        assertThat(venue.openOrders()).extracting(OrderUpdate::clientOrderId)
                .containsExactlyInAnyOrder(resting.clientOrderId(), stop.clientOrderId());
        assertThat(venue.openAlgoOrders(BTC)).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo(FuturesAccountEvent.AlgoStatus.NEW));

        assertThat(venue.cancel(BTC, resting.clientOrderId()).status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(venue.cancel(BTC, stop.clientOrderId()).status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(venue.cancel(BTC, stop.clientOrderId()).status()).isEqualTo(OrderStatus.CANCELED); // already closed: reported
        assertThat(venue.openOrders()).isEmpty();
        assertThat(venue.allOrders(BTC, null, null, 50)).hasSizeGreaterThanOrEqualTo(2);

        accepted(venue.submit(limit(BTC, Side.BUY, "0.010", "55000")));
        accepted(venue.submit(stopMarket(BTC, Side.SELL, "0.010", "58000")));
        venue.cancelAll(BTC);
        assertThat(venue.openOrders()).isEmpty();
    }

    @Test
    void conditional_types_never_reach_the_order_endpoint() throws Exception {
        accepted(venue.submit(market(BTC, Side.BUY, "0.020", false)));
        accepted(venue.submit(stopMarket(BTC, Side.SELL, "0.010", "58000")));
        accepted(venue.submit(new OrderRequest(Market.FUTURES, BTC, Side.SELL, OrderType.TAKE_PROFIT_MARKET, null,
                new BigDecimal("0.010"), null, null, new BigDecimal("65000"), null, null, null, true, false, id())));
        accepted(venue.submit(new OrderRequest(Market.FUTURES, BTC, Side.SELL, OrderType.TRAILING_STOP_MARKET, null,
                new BigDecimal("0.010"), null, null, null, null, new BigDecimal("1"), new BigDecimal("61000"), true, false, id())));
        accepted(venue.submit(new OrderRequest(Market.FUTURES, BTC, Side.SELL, OrderType.STOP_MARKET, null,
                null, null, null, new BigDecimal("50000"), null, null, null, false, true, id())));
        assertThat(sim.posts("/fapi/v1/algoOrder")).isEqualTo(4);
        assertThat(sim.sent).filteredOn(r -> r.path().equals("/fapi/v1/order"))
                .allSatisfy(r -> assertThat(r.body()).contains("type=MARKET"));
        // a trailing stop outside Binance's 0.1..10 % is refused here, never sent
        SubmitResult bad = venue.submit(new OrderRequest(Market.FUTURES, BTC, Side.SELL, OrderType.TRAILING_STOP_MARKET, null,
                new BigDecimal("0.010"), null, null, null, null, new BigDecimal("12"), null, true, false, id()));
        assertThat(bad).isInstanceOfSatisfying(SubmitResult.Rejected.class, r -> assertThat(r.error().message()).contains("callbackRate"));
        assertThat(sim.posts("/fapi/v1/algoOrder")).isEqualTo(4);
    }

    @Test
    void a_reduce_only_stop_market_triggers_on_the_mark_price_through_the_algo_service() throws Exception {
        try (var stream = userStream()) {
            accepted(venue.submit(market(BTC, Side.BUY, "0.010", false)));
            OrderRequest stop = stopMarket(BTC, Side.SELL, "0.010", "59000");
            accepted(venue.submit(stop));
            sim.price("BTCUSDT", "59500", "58900"); // the last price stays above the trigger, the mark crosses it
            await().atMost(Duration.ofSeconds(10)).until(() -> venue.position(BTC).isFlat());
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(futuresEvents).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(FuturesAccountEvent.AlgoOrderUpdated.class,
                        a -> {
                            assertThat(a.order().clientAlgoId()).isEqualTo(stop.clientOrderId());
                            assertThat(a.order().status()).isIn(FuturesAccountEvent.AlgoStatus.TRIGGERED, FuturesAccountEvent.AlgoStatus.FINISHED);
                        }));
                assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(VenueEvent.OrderUpdated.class, u -> {
                    assertThat(u.update().clientOrderId()).isEqualTo(stop.clientOrderId());
                    assertThat(u.update().status()).isEqualTo(OrderStatus.FILLED);
                    assertThat(u.update().type()).isEqualTo(OrderType.STOP_MARKET);
                    assertThat(u.update().reduceOnly()).isTrue();
                }));
                assertThat(futuresEvents).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(FuturesAccountEvent.OrderDetail.class, d -> {
                    assertThat(d.update().clientOrderId()).isEqualTo(stop.clientOrderId());
                    assertThat(d.realizedProfit()).isNegative(); // sold below the entry
                }));
            });
        }
    }

    @Test
    void margin_insufficient_is_rejected_with_the_venue_message() {
        SubmitResult result = venue.submit(market(BTC, Side.BUY, "5.000", false)); // 300k notional on a 10k wallet
        assertThat(result).isInstanceOfSatisfying(SubmitResult.Rejected.class, r -> {
            assertThat(r.error().code()).isEqualTo(-2019);
            assertThat(r.error().kind()).isEqualTo(Kind.REJECTED);
            assertThat(r.error().message()).contains("Margin is insufficient");
        });
    }

    @Test
    void a_lost_order_answer_is_settled_by_client_id_without_a_duplicate() throws Exception {
        OrderRequest order = limit(BTC, Side.BUY, "0.010", "55000");
        venue.close(); // recvWindow 5 s: the late order is still inside its window when the venue reads it
        venue = BinanceFuturesVenue.connect(sim.config().withRest(new io.tradeguard.binance.rest.RestTransport.Settings(
                Duration.ofSeconds(2), Duration.ofSeconds(5), 3, Duration.ofMillis(300), Duration.ofSeconds(2))));
        sim.faults("{\"latency_ms\":2500}");
        CompletableFuture<SubmitResult> pending = CompletableFuture.supplyAsync(() -> venue.submit(order));
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.posts("/fapi/v1/order") == 1);
        Thread.sleep(2_200); // past the client's 2 s timeout, before the venue answers
        sim.faults("{}");
        assertThat(pending.get()).isInstanceOfSatisfying(SubmitResult.Accepted.class,
                a -> assertThat(a.order().clientOrderId()).isEqualTo(order.clientOrderId()));
        assertThat(sim.posts("/fapi/v1/order")).isEqualTo(1);
        assertThat(venue.openOrders()).filteredOn(o -> o.clientOrderId().equals(order.clientOrderId())).hasSize(1);
    }

    @Test
    void a_lost_algo_answer_is_settled_by_client_algo_id_without_a_duplicate() throws Exception {
        accepted(venue.submit(market(BTC, Side.BUY, "0.010", false)));
        OrderRequest stop = stopMarket(BTC, Side.SELL, "0.010", "58000");
        venue.close(); // recvWindow 5 s: the late order is still inside its window when the venue reads it
        venue = BinanceFuturesVenue.connect(sim.config().withRest(new io.tradeguard.binance.rest.RestTransport.Settings(
                Duration.ofSeconds(2), Duration.ofSeconds(5), 3, Duration.ofMillis(300), Duration.ofSeconds(2))));
        sim.faults("{\"latency_ms\":2500}");
        CompletableFuture<SubmitResult> pending = CompletableFuture.supplyAsync(() -> venue.submit(stop));
        await().atMost(Duration.ofSeconds(5)).until(() -> sim.posts("/fapi/v1/algoOrder") == 1);
        Thread.sleep(2_200);
        sim.faults("{}");
        assertThat(pending.get()).isInstanceOfSatisfying(SubmitResult.Accepted.class,
                a -> assertThat(a.order().clientOrderId()).isEqualTo(stop.clientOrderId()));
        assertThat(sim.posts("/fapi/v1/algoOrder")).isEqualTo(1);
        assertThat(venue.openAlgoOrders(BTC)).hasSize(1);
    }

    @Test
    void the_listen_key_is_kept_alive_and_recreated_after_minus_1125() throws Exception {
        venue.close();
        venue = BinanceFuturesVenue.connect(sim.config().withListenKeyKeepAlive(Duration.ofMillis(300)));
        try (var stream = userStream()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> sim.sent.stream().filter(r -> r.method().equals("PUT")).count() >= 2);
            assertThat(events).noneMatch(e -> e instanceof VenueEvent.ConnectionLost);
            venue.rest().closeListenKey(); // the venue forgets the key: the next PUT answers -1125
            await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(e -> e instanceof VenueEvent.ConnectionRestored));
            assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(VenueEvent.ConnectionLost.class,
                    l -> assertThat(l.reason()).contains("keep-alive failed")));
            assertThat(sim.posts("/fapi/v1/listenKey")).isEqualTo(2);
            // the new stream delivers
            OrderRequest order = limit(BTC, Side.BUY, "0.010", "55000");
            accepted(venue.submit(order));
            await().atMost(Duration.ofSeconds(5)).until(() -> events.stream().anyMatch(e -> e instanceof VenueEvent.OrderUpdated u
                    && u.update().clientOrderId().equals(order.clientOrderId())));
        }
    }

    @Test
    void an_expired_listen_key_is_replaced_and_the_new_stream_delivers() throws Exception {
        try (var stream = userStream()) {
            // first an event through the stream: the simulator registers the session a moment after the client sees
            // the socket open (under load, later), and whatever it pushes before that — an order's report, an expiry —
            // reaches nobody; so probe with a new order every half second until one report arrives
            java.util.List<io.tradeguard.core.model.ClientOrderId> probes = new java.util.concurrent.CopyOnWriteArrayList<>();
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (events.stream().anyMatch(e -> e instanceof VenueEvent.OrderUpdated u && probes.contains(u.update().clientOrderId()))) {
                    return true;
                }
                OrderRequest probe = limit(BTC, Side.BUY, "0.010", "55000");
                accepted(venue.submit(probe));
                probes.add(probe.clientOrderId());
                return false;
            });
            // the simulator's clock runs 61 minutes ahead: the key (60 minutes) expires and listenKeyExpired is pushed
            sim.clockOffset.set(Duration.ofMinutes(61).toMillis());
            await().atMost(Duration.ofSeconds(10)).until(() -> events.stream().anyMatch(e -> e instanceof VenueEvent.ConnectionRestored));
            assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(VenueEvent.ConnectionLost.class,
                    l -> assertThat(l.reason()).contains("listenKeyExpired")));
            assertThat(sim.posts("/fapi/v1/listenKey")).isEqualTo(2);
            assertThat(stream.hasListenKey()).isTrue();
            // back to the client's time (signed requests carry it); the new key lives until then + 121 minutes
            sim.clockOffset.set(0);
            OrderRequest order = limit(BTC, Side.BUY, "0.010", "55000");
            accepted(venue.submit(order));
            await().atMost(Duration.ofSeconds(5)).until(() -> events.stream().anyMatch(e -> e instanceof VenueEvent.OrderUpdated u
                    && u.update().clientOrderId().equals(order.clientOrderId())));
        }
    }

    @Test
    void a_liquidation_arrives_as_events_that_say_so() throws Exception {
        // isolated long 1 BTC @ 60000 at 10x with 6000 of margin: liquidated a little above 54000
        sim.seedPosition("BTCUSDT", "1", "60000", 10, "ISOLATED", "6000");
        try (var stream = userStream()) {
            FuturesPosition seeded = venue.position(BTC);
            assertThat(seeded.liquidation()).isPresent();
            sim.price("BTCUSDT", "53000", "53000");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(futuresEvents).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(FuturesAccountEvent.OrderDetail.class, d -> {
                    assertThat(d.isLiquidation()).isTrue();
                    assertThat(d.update().type()).isEqualTo(OrderType.LIQUIDATION);
                    assertThat(d.update().clientOrderId().value()).startsWith("autoclose-");
                }));
                assertThat(events).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(VenueEvent.OrderUpdated.class, u -> {
                    assertThat(u.update().type()).isEqualTo(OrderType.LIQUIDATION);
                    assertThat(u.update().status()).isEqualTo(OrderStatus.FILLED);
                    assertThat(u.update().fill()).isPresent();
                }));
                assertThat(futuresEvents).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(FuturesAccountEvent.AccountUpdated.class,
                        a -> assertThat(a.positions()).anySatisfy(p -> assertThat(p.amount()).isEqualByComparingTo("0"))));
            });
            assertThat(venue.position(BTC).isFlat()).isTrue();
        }
    }

    @Test
    void the_contracts_book_streams_from_public_depth_and_survives_a_dropped_connection() throws Exception {
        // the spot pair of the same name trades elsewhere: its book must never show up here
        sim.sim.setPrice("BTCUSDT", new BigDecimal("50000"));
        List<io.tradeguard.core.venue.OrderBook> books = new CopyOnWriteArrayList<>();
        try (AutoCloseable stream = venue.subscribeBooks(List.of(BTC), books::add).orElseThrow()) {
            // the first book is the current one (GET /fapi/v1/depth): the house depth around 60,000, 20 levels a side
            io.tradeguard.core.venue.OrderBook first = books.getFirst();
            assertThat(first.symbol()).isEqualTo(BTC);
            assertThat(first.bids()).hasSize(20);
            assertThat(first.asks()).hasSize(20);
            assertThat(first.asks().getFirst().price()).isBetween(new BigDecimal("60000"), new BigDecimal("60100"));
            assertThat(first.bids().getFirst().price()).isBetween(new BigDecimal("59900"), new BigDecimal("60000"));

            // when an ask rests inside the house spread, the stream (@depth20@100ms on /public) brings the new top
            accepted(venue.submit(limit(BTC, Side.SELL, "0.250", "60005")));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(books.getLast().asks().getFirst())
                    .satisfies(top -> {
                        assertThat(top.price()).isEqualByComparingTo("60005");
                        assertThat(top.quantity()).isEqualByComparingTo("0.25");
                    }));
            assertThat(books).allSatisfy(b -> assertThat(b.asks().getFirst().price()).isGreaterThan(new BigDecimal("59000")));

            // when the connection drops, the stream reconnects and the next change still arrives
            sim.faults("{\"drop_streams\":true}");
            int before = books.size();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
                sim.price("BTCUSDT", "60001", "60001");
                return books.size() > before && books.getLast().lastUpdateId() > first.lastUpdateId();
            });
        }
    }

    @Test
    void the_maintenance_brackets_come_from_leverage_bracket_lowest_notional_first() throws Exception {
        List<io.tradeguard.core.venue.MaintenanceBracket> brackets = venue.maintenanceBrackets(BTC);
        assertThat(brackets).hasSizeGreaterThanOrEqualTo(5);
        assertThat(brackets.getFirst()).satisfies(b -> {
            assertThat(b.bracket()).isEqualTo(1);
            assertThat(b.initialLeverage()).isEqualTo(125);
            assertThat(b.notionalFloor()).isEqualByComparingTo("0");
            assertThat(b.notionalCap()).isEqualByComparingTo("50000");
            assertThat(b.maintMarginRatio()).isEqualByComparingTo("0.004");
            assertThat(b.maintAmount()).isEqualByComparingTo("0");
        });
        assertThat(brackets.get(1).maintAmount()).isEqualByComparingTo("50");
        for (int i = 1; i < brackets.size(); i++) {
            assertThat(brackets.get(i).notionalFloor()).isEqualByComparingTo(brackets.get(i - 1).notionalCap());
        }
        assertThat(venue.maintenanceBrackets(ETH).get(2).maintMarginRatio()).isEqualByComparingTo("0.0065");
    }

    @Test
    void the_accounts_own_futures_commission_is_read_from_commission_rate() throws Exception {
        // the simulator's defaults are Binance's: 0.02 % maker, 0.05 % taker
        assertThat(venue.commissionRates(BTC)).hasValueSatisfying(r -> {
            assertThat(r.maker()).isEqualByComparingTo("0.0002");
            assertThat(r.taker()).isEqualByComparingTo("0.0005");
        });
        sim.post("/sim/v1/fees", "{\"market\":\"futures\",\"maker\":\"0.00018\",\"taker\":\"0.00045\"}");
        io.tradeguard.core.venue.CommissionRates rates = venue.commissionRates(BTC).orElseThrow();
        assertThat(rates.maker()).isEqualByComparingTo("0.00018");
        assertThat(rates.taker()).isEqualByComparingTo("0.00045");
        assertThat(sim.sent).anyMatch(r -> r.path().equals("/fapi/v1/commissionRate"));
        // an unknown contract is the venue's -1121, not a rate
        assertThatThrownBy(() -> venue.commissionRates(Symbol.of("NOPEUSDT"))).isInstanceOf(VenueException.class);
    }

    @Test
    void mark_prices_arrive_as_mark_price_ticks() throws Exception {
        List<VenueEvent> ticks = new CopyOnWriteArrayList<>();
        try (AutoCloseable s = venue.subscribeMarkPrices(List.of(BTC), true, ticks::add)) {
            sim.price("BTCUSDT", "60100", "60123.4");
            await().atMost(Duration.ofSeconds(6)).untilAsserted(() -> assertThat(ticks).anySatisfy(e ->
                    assertThat(e).isInstanceOfSatisfying(VenueEvent.PriceTick.class, t -> {
                        assertThat(t.markPrice()).isTrue();
                        assertThat(t.market()).isEqualTo(Market.FUTURES);
                        assertThat(t.price()).isEqualByComparingTo("60123.4");
                    })));
        }
    }

    @Test
    void order_reports_carry_realized_profit_and_funding_shows_as_its_reason() throws Exception {
        try (var stream = userStream()) {
            accepted(venue.submit(market(BTC, Side.BUY, "0.010", false)));
            sim.price("BTCUSDT", "61000", "61000");
            accepted(venue.submit(market(BTC, Side.SELL, "0.010", true)));
            sim.seedPosition("ETHUSDT", "1", "3000", 10, "CROSSED", "0");
            sim.post("/sim/v1/funding", "{\"symbol\":\"ETHUSDT\",\"rate\":\"0.001\",\"apply\":true}");
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(futuresEvents).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(FuturesAccountEvent.OrderDetail.class,
                        d -> {
                            assertThat(d.update().executionType()).isEqualTo(ExecutionType.TRADE);
                            assertThat(d.realizedProfit()).isPositive();
                            assertThat(d.forcedClose()).isEqualTo(FuturesAccountEvent.ForcedClose.NONE);
                        }));
                assertThat(futuresEvents).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(FuturesAccountEvent.AccountUpdated.class,
                        a -> {
                            assertThat(a.reason()).isEqualTo(FuturesAccountEvent.UpdateReason.FUNDING_FEE);
                            assertThat(a.wallets()).anySatisfy(w -> assertThat(w.balanceChange()).isNegative()); // a long pays positive funding
                        }));
            });
        }
    }

    @Test
    void cross_funding_of_several_positions_is_named_per_symbol_from_the_income_history() throws Exception {
        sim.seedPosition("BTCUSDT", "0.1", "60000", 10, "CROSSED", "0");
        sim.seedPosition("ETHUSDT", "-2", "3000", 10, "CROSSED", "0");
        try (var stream = userStream()) {
            // the long pays 0.1 × 60,000 × 0.001 = 6, the short at a negative rate pays 2 × 3,000 × 0.001 = 6: equal
            // amounts of two symbols, one update each that names neither
            sim.post("/sim/v1/funding", "{\"symbol\":\"BTCUSDT\",\"rate\":\"0.001\",\"apply\":true}");
            sim.post("/sim/v1/funding", "{\"symbol\":\"ETHUSDT\",\"rate\":\"-0.001\",\"apply\":true}");
            await().atMost(Duration.ofSeconds(5)).until(() -> fundings().size() >= 2);
            List<FuturesAccountEvent.AccountUpdated> fundings = fundings();
            assertThat(fundings).hasSize(2);
            assertThat(fundings).allSatisfy(f -> assertThat(f.positions()).hasSize(1));
            assertThat(fundings.get(0).positions().getFirst().symbol()).isEqualTo(BTC);
            assertThat(fundings.get(0).positions().getFirst().amount()).isEqualByComparingTo("0.1");
            assertThat(fundings.get(0).wallets().getFirst().balanceChange()).isEqualByComparingTo("-6");
            assertThat(fundings.get(1).positions().getFirst().symbol()).isEqualTo(ETH);
            assertThat(fundings.get(1).positions().getFirst().amount()).isEqualByComparingTo("-2");
            assertThat(fundings.get(1).wallets().getFirst().balanceChange()).isEqualByComparingTo("-6");
        }
        // the history itself: GET /fapi/v1/income, oldest first, filtered by symbol and type
        var rows = venue.rest().income("ETHUSDT", "FUNDING_FEE", null, null, 10);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("income").asText()).isEqualTo("-6.00000000");
        assertThat(rows.get(0).path("asset").asText()).isEqualTo("USDT");
        assertThat(venue.rest().income(null, "FUNDING_FEE", null, null, 10)).hasSize(2);
        assertThatThrownBy(() -> venue.rest().income(null, "NOT_A_TYPE", null, null, 10)).isInstanceOf(VenueException.class);
    }

    @Test
    void a_funding_attribution_waiting_on_rest_neither_stops_the_stream_nor_reorders_its_events() throws Exception {
        sim.seedPosition("BTCUSDT", "0.1", "60000", 10, "CROSSED", "0");
        sim.seedPosition("ETHUSDT", "-2", "3000", 10, "CROSSED", "0");
        List<Object> seen = new CopyOnWriteArrayList<>(); // what both listeners got, in the order they got it
        AtomicReference<BinanceFuturesVenue.UserDataStream> handle = new AtomicReference<>();
        AtomicLong decodedWhenFundingArrived = new AtomicLong(-1);
        try (var stream = venue.subscribeUserData(seen::add, event -> {
            if (event instanceof FuturesAccountEvent.AccountUpdated a && a.reason() == FuturesAccountEvent.UpdateReason.FUNDING_FEE) {
                decodedWhenFundingArrived.compareAndSet(-1, handle.get().decoded());
            }
            seen.add(event);
        })) {
            handle.set(stream);
            long before = stream.decoded();
            // every REST answer now takes a second: the attribution's income and position reads wait on it
            sim.faults("{\"latency_ms\":1000}");
            // a cross payment that names no symbol, then a fill of another contract pushed right after it
            sim.post("/sim/v1/funding", "{\"symbol\":\"BTCUSDT\",\"rate\":\"0.001\",\"apply\":true}");
            sim.post("/sim/v1/external-order", "{\"api_key\":\"" + sim.account.apiKey()
                    + "\",\"market\":\"futures\",\"symbol\":\"ETHUSDT\",\"side\":\"BUY\",\"type\":\"MARKET\",\"quantity\":\"0.5\"}");

            // the socket is read on: the fill (its report and its detail) is decoded while the funding is being attributed
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.decoded() >= before + 3);
            sim.faults("{}");

            await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream().anyMatch(BinanceFuturesVenueTest::isEthFill));
            // when the attributed funding reached the listener, the fill pushed after it had been read off the socket already
            assertThat(decodedWhenFundingArrived.get()).isGreaterThanOrEqualTo(before + 3);
            int funding = -1;
            for (int i = 0; i < seen.size(); i++) {
                if (seen.get(i) instanceof FuturesAccountEvent.AccountUpdated a && a.reason() == FuturesAccountEvent.UpdateReason.FUNDING_FEE) {
                    funding = i;
                    // attributed from the income history, not passed on unnamed
                    assertThat(a.positions()).singleElement().satisfies(p -> assertThat(p.symbol()).isEqualTo(BTC));
                    assertThat(a.wallets().getFirst().balanceChange()).isEqualByComparingTo("-6");
                }
            }
            assertThat(funding).as("the funding payment reached the listener").isGreaterThanOrEqualTo(0);
            int firstFill = -1;
            for (int i = 0; i < seen.size() && firstFill < 0; i++) {
                if (isEthFill(seen.get(i))) {
                    firstFill = i;
                }
            }
            assertThat(funding).as("the funding pushed first reaches the listeners first").isLessThan(firstFill);
        }
    }

    private static boolean isEthFill(Object event) {
        return event instanceof VenueEvent.OrderUpdated u && u.update().symbol().equals(ETH)
                || event instanceof FuturesAccountEvent.OrderDetail d && d.update().symbol().equals(ETH);
    }

    private List<FuturesAccountEvent.AccountUpdated> fundings() {
        return futuresEvents.stream().filter(FuturesAccountEvent.AccountUpdated.class::isInstance)
                .map(FuturesAccountEvent.AccountUpdated.class::cast)
                .filter(a -> a.reason() == FuturesAccountEvent.UpdateReason.FUNDING_FEE).toList();
    }
}
