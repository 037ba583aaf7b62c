package io.tradeguard.binance.sim;

import io.tradeguard.binance.rest.SentRequest;
import io.tradeguard.binance.spot.BinanceSpotVenue;
import io.tradeguard.binance.spot.CancelOutcome;
import io.tradeguard.binance.spot.OcoOutcome;
import io.tradeguard.core.instrument.Conformance;
import io.tradeguard.core.instrument.OrderFilters;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.venue.Balance;
import io.tradeguard.core.venue.OcoRequest;
import io.tradeguard.core.venue.OrderRequest;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.SubmitResult;
import io.tradeguard.core.venue.VenueError.Kind;
import io.tradeguard.core.venue.VenueException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import static io.tradeguard.binance.sim.Orders.BTC;
import static io.tradeguard.binance.sim.Orders.ETH;
import static io.tradeguard.binance.sim.Orders.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every spot operation of the client against the real simulator over loopback. */
class SpotOperationsTest {
    private static SimHarness harness;
    private static BinanceSpotVenue venue;

    @BeforeAll
    static void start() throws Exception {
        harness = new SimHarness();
        venue = harness.venue();
    }

    @AfterAll
    static void stop() {
        venue.close();
        harness.close();
    }

    @BeforeEach
    void price() {
        harness.sim.setPrice("BTCUSDT", new BigDecimal("60000"));
        harness.sim.setPrice("ETHUSDT", new BigDecimal("3000"));
    }

    private static OrderUpdate accepted(SubmitResult result) {
        assertThat(result).isInstanceOf(SubmitResult.Accepted.class);
        return ((SubmitResult.Accepted) result).order();
    }

    @Test
    void clock_and_instruments() throws Exception {
        assertThat(venue.serverTime()).isBetween(Instant.now().minusSeconds(2), Instant.now().plusSeconds(2));
        var btc = venue.instrument(BTC).orElseThrow();
        assertThat(btc.priceFilter().tickSize()).isEqualByComparingTo("0.01");
        assertThat(btc.lotSize().stepSize()).isEqualByComparingTo("0.00001");
        assertThat(btc.minNotional()).isEqualByComparingTo("5");
        assertThat(venue.instruments()).extracting(i -> i.symbol().value()).contains("BTCUSDT", "ETHUSDT");
    }

    @Test
    void market_data() throws Exception {
        assertThat(venue.lastPrice(BTC)).isEqualByComparingTo("60000");
        var book = venue.bookTicker(BTC);
        assertThat(book.bidPrice()).isLessThan(book.askPrice());
        var depth = venue.depth(BTC, 10);
        assertThat(depth.bids()).isNotEmpty();
        assertThat(depth.asks()).isNotEmpty();
        assertThat(depth.bids().getFirst().price()).isLessThan(depth.asks().getFirst().price());
        assertThat(venue.klines(BTC, "1m", null, null, 5)).isNotEmpty().allSatisfy(c ->
                assertThat(c.high()).isGreaterThanOrEqualTo(c.low()));
        assertThat(venue.averagePrice(BTC)).isPositive();
    }

    @Test
    void market_orders_fill_and_show_up_in_trades_and_balances() throws Exception {
        Instant before = venue.serverTime().minusSeconds(1);
        OrderUpdate bought = accepted(venue.submit(Orders.market(BTC, Side.BUY, "0.01")));
        assertThat(bought.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(bought.filledQuantity()).isEqualByComparingTo("0.01");
        assertThat(bought.cumulativeQuote()).isPositive();
        var byQuote = new OrderRequest(Market.SPOT, BTC, Side.BUY, OrderType.MARKET, null, null, d("100"), null, null,
                null, null, null, false, false, Orders.id());
        OrderUpdate spent = accepted(venue.submit(byQuote));
        assertThat(spent.cumulativeQuote()).isLessThanOrEqualTo(d("100"));
        assertThat(spent.filledQuantity()).isPositive();

        assertThat(venue.trades(BTC, before)).extracting(t -> t.venueOrderId()).contains(bought.venueOrderId(), spent.venueOrderId());
        assertThat(venue.orderTrades(BTC, bought.venueOrderId())).allSatisfy(t -> {
            assertThat(t.side()).isEqualTo(Side.BUY);
            assertThat(t.fill().commission()).isNotNegative();
        });
        List<Balance> balances = venue.balances();
        assertThat(balances).anySatisfy(b -> {
            assertThat(b.asset()).isEqualTo(Asset.of("BTC"));
            assertThat(b.total()).isPositive();
        });
        assertThat(balances).extracting(b -> b.asset().code()).contains("USDT", "BTC", "ETH");
    }

    @Test
    void limit_order_rests_is_queried_and_cancelled_and_a_second_cancel_reports_it_closed() throws Exception {
        OrderRequest request = Orders.limit(BTC, Side.BUY, "0.01", "50000");
        OrderUpdate placed = accepted(venue.submit(request));
        assertThat(placed.status()).isEqualTo(OrderStatus.NEW);
        assertThat(placed.price()).isEqualByComparingTo("50000");
        assertThat(venue.query(BTC, request.clientOrderId())).hasValueSatisfying(o -> assertThat(o.venueOrderId()).isEqualTo(placed.venueOrderId()));
        assertThat(venue.openOrders(BTC)).extracting(OrderUpdate::clientOrderId).contains(request.clientOrderId());
        assertThat(venue.openOrders()).extracting(OrderUpdate::clientOrderId).contains(request.clientOrderId());

        CancelOutcome first = venue.cancelOrder(BTC, request.clientOrderId());
        assertThat(first).isInstanceOf(CancelOutcome.Canceled.class);
        assertThat(first.order().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(first.order().clientOrderId()).isEqualTo(request.clientOrderId());

        CancelOutcome second = venue.cancelOrder(BTC, request.clientOrderId());
        assertThat(second).isInstanceOf(CancelOutcome.AlreadyClosed.class);
        assertThat(second.order().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(venue.cancel(BTC, request.clientOrderId()).status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void cancel_of_a_filled_order_is_already_closed_and_of_an_unknown_order_is_refused() throws Exception {
        OrderUpdate filled = accepted(venue.submit(Orders.market(BTC, Side.SELL, "0.001")));
        CancelOutcome outcome = venue.cancelOrder(BTC, filled.clientOrderId());
        assertThat(outcome).isInstanceOf(CancelOutcome.AlreadyClosed.class);
        assertThat(outcome.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThatThrownBy(() -> venue.cancelOrder(BTC, ClientOrderId.of("never-sent-1")))
                .isInstanceOfSatisfying(VenueException.class, e -> {
                    assertThat(e.error().kind()).isEqualTo(Kind.REJECTED);
                    assertThat(e.error().code()).isEqualTo(-2011);
                });
        assertThat(venue.query(BTC, ClientOrderId.of("never-sent-2"))).isEmpty();
    }

    @Test
    void cancel_by_order_id() throws Exception {
        OrderUpdate placed = accepted(venue.submit(Orders.limit(BTC, Side.SELL, "0.01", "70000")));
        CancelOutcome outcome = venue.cancelOrder(BTC, placed.venueOrderId());
        assertThat(outcome).isInstanceOf(CancelOutcome.Canceled.class);
        assertThat(venue.queryById(BTC, placed.venueOrderId())).hasValueSatisfying(o -> assertThat(o.status()).isEqualTo(OrderStatus.CANCELED));
    }

    @Test
    void every_order_type() throws Exception {
        assertThat(accepted(venue.submit(Orders.of(OrderType.LIMIT, Side.BUY, TimeInForce.IOC, "0.01", "50000", null, null))).status())
                .isEqualTo(OrderStatus.EXPIRED);
        assertThat(accepted(venue.submit(Orders.of(OrderType.LIMIT, Side.BUY, TimeInForce.FOK, "0.01", "50000", null, null))).status())
                .isEqualTo(OrderStatus.EXPIRED);
        assertThat(accepted(venue.submit(Orders.of(OrderType.LIMIT_MAKER, Side.SELL, null, "0.01", "70000", null, null))).status())
                .isEqualTo(OrderStatus.NEW);
        OrderUpdate stop = accepted(venue.submit(Orders.of(OrderType.STOP_LOSS, Side.SELL, null, "0.01", null, "55000", null)));
        assertThat(stop.type()).isEqualTo(OrderType.STOP_LOSS);
        assertThat(stop.stopPrice()).isEqualByComparingTo("55000");
        assertThat(accepted(venue.submit(Orders.of(OrderType.STOP_LOSS_LIMIT, Side.SELL, TimeInForce.GTC, "0.01", "54900", "55000", null))).type())
                .isEqualTo(OrderType.STOP_LOSS_LIMIT);
        assertThat(accepted(venue.submit(Orders.of(OrderType.TAKE_PROFIT, Side.SELL, null, "0.01", null, "65000", null))).type())
                .isEqualTo(OrderType.TAKE_PROFIT);
        assertThat(accepted(venue.submit(Orders.of(OrderType.TAKE_PROFIT_LIMIT, Side.SELL, TimeInForce.GTC, "0.01", "65100", "65000", null))).type())
                .isEqualTo(OrderType.TAKE_PROFIT_LIMIT);
        OrderUpdate trailing = accepted(venue.submit(Orders.of(OrderType.STOP_LOSS, Side.SELL, null, "0.01", null, null, 200)));
        assertThat(trailing.status()).isEqualTo(OrderStatus.NEW);
        // five stop orders is the symbol's MAX_NUM_ALGO_ORDERS; make room
        assertThat(venue.cancelAll(BTC)).hasSizeGreaterThanOrEqualTo(6);

        // a stop that would fire at once and a maker order that would take are refused by the venue
        var immediate = venue.submit(Orders.of(OrderType.STOP_LOSS, Side.SELL, null, "0.01", null, "65000", null));
        assertThat(immediate).isInstanceOfSatisfying(SubmitResult.Rejected.class, r -> assertThat(r.error().code()).as(r.error().toString()).isEqualTo(-2010));
        var taking = venue.submit(Orders.of(OrderType.LIMIT_MAKER, Side.BUY, null, "0.01", "70000", null, null));
        assertThat(taking).isInstanceOfSatisfying(SubmitResult.Rejected.class, r -> assertThat(r.error().code()).isEqualTo(-2010));
        venue.cancelAll(BTC);
    }

    @Test
    void rejections_keep_the_venues_code_and_message() {
        var tooBig = venue.submit(Orders.limit(BTC, Side.BUY, "100", "59000")); // 5.9M USDT, we have 100k
        assertThat(tooBig).isInstanceOfSatisfying(SubmitResult.Rejected.class, r -> {
            assertThat(r.error().kind()).isEqualTo(Kind.REJECTED);
            assertThat(r.error().code()).isEqualTo(-2010);
            assertThat(r.error().message()).isNotBlank();
        });
        var offGrid = venue.submit(Orders.limit(BTC, Side.BUY, "0.01", "50000.001"));
        assertThat(offGrid).isInstanceOfSatisfying(SubmitResult.Rejected.class, r -> assertThat(r.error().code()).isIn(-1013, -1111));
    }

    @Test
    void test_order_is_validated_but_never_placed() throws Exception {
        OrderRequest request = Orders.limit(BTC, Side.BUY, "0.01", "50000");
        venue.testOrder(request);
        assertThat(venue.query(BTC, request.clientOrderId())).isEmpty();
        assertThatThrownBy(() -> venue.testOrder(Orders.limit(BTC, Side.BUY, "0.000001", "50000")))
                .isInstanceOfSatisfying(VenueException.class, e -> assertThat(e.error().kind()).isEqualTo(Kind.REJECTED));
    }

    @Test
    void oco_bracket_is_placed_and_cancelled_as_a_list() throws Exception {
        var oco = new OcoRequest(BTC, Side.SELL, d("0.01"),
                new OcoRequest.Leg(OrderType.LIMIT_MAKER, d("70000"), null, null, null, Orders.id()),
                new OcoRequest.Leg(OrderType.STOP_LOSS_LIMIT, d("49900"), d("50000"), null, TimeInForce.GTC, Orders.id()),
                Orders.id());
        OcoOutcome outcome = venue.placeOco(oco);
        assertThat(outcome).isInstanceOf(OcoOutcome.Placed.class);
        var list = ((OcoOutcome.Placed) outcome).list();
        assertThat(list.listStatusType()).isEqualTo("EXEC_STARTED");
        assertThat(list.orders()).hasSize(2).allSatisfy(o -> assertThat(o.orderListId()).isEqualTo(list.orderListId()));
        var canceled = venue.cancelOco(BTC, oco.listClientOrderId().value());
        assertThat(canceled.listOrderStatus()).isEqualTo("ALL_DONE");
        assertThat(canceled.orders()).allSatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.CANCELED));

        var trailingBracket = new OcoRequest(BTC, Side.SELL, d("0.01"),
                new OcoRequest.Leg(OrderType.LIMIT_MAKER, d("70000"), null, null, null, Orders.id()),
                new OcoRequest.Leg(OrderType.STOP_LOSS, null, null, 300, null, Orders.id()), Orders.id());
        assertThat(venue.placeOco(trailingBracket)).isInstanceOf(OcoOutcome.Placed.class);
        venue.cancelAll(BTC);
    }

    @Test
    void cancel_all_and_all_orders() throws Exception {
        OrderUpdate a = accepted(venue.submit(Orders.limit(ETH, Side.BUY, "0.1", "2500")));
        OrderUpdate b = accepted(venue.submit(Orders.limit(ETH, Side.SELL, "0.1", "3500")));
        List<OrderUpdate> canceled = venue.cancelAll(ETH);
        assertThat(canceled).extracting(OrderUpdate::clientOrderId).containsExactlyInAnyOrder(a.clientOrderId(), b.clientOrderId());
        assertThat(canceled).allSatisfy(o -> assertThat(o.status()).isEqualTo(OrderStatus.CANCELED));
        assertThat(venue.cancelAll(ETH)).isEmpty();
        Instant now = venue.serverTime();
        assertThat(venue.allOrders(ETH, now.minus(Duration.ofHours(1)), now.plusSeconds(5), 500))
                .extracting(OrderUpdate::clientOrderId).contains(a.clientOrderId(), b.clientOrderId());
    }

    @Test
    void the_engines_filter_code_agrees_with_the_venue() throws Exception {
        var instrument = venue.instrument(BTC).orElseThrow();
        OrderRequest sloppy = Orders.limit(BTC, Side.BUY, "0.0123456789", "50000.019");
        var conformance = OrderFilters.conform(instrument, sloppy, venue.lastPrice(BTC));
        assertThat(conformance).isInstanceOf(Conformance.Conformed.class);
        OrderRequest rounded = ((Conformance.Conformed) conformance).order();
        OrderUpdate placed = accepted(venue.submit(rounded));
        assertThat(placed.quantity()).isEqualByComparingTo("0.01234");
        assertThat(placed.price()).isEqualByComparingTo("50000.01");
        var refused = OrderFilters.conform(instrument, Orders.limit(BTC, Side.BUY, "0.00001", "50000"), null);
        assertThat(refused).isInstanceOf(Conformance.Refused.class);
        // and the venue agrees that it would have been refused
        assertThat(venue.submit(Orders.limit(BTC, Side.BUY, "0.00001", "50000"))).isInstanceOf(SubmitResult.Rejected.class);
        venue.cancelAll(BTC);
    }

    private static final Pattern DOUBLE_LIKE = Pattern.compile("(?i)[0-9][eE][+-]?[0-9]|NaN|Infinity|=-?0\\.\\d{12,}");

    @Test
    void no_request_ever_carries_a_double_formatted_number() throws Exception {
        // decimals that a double would print as 1.0E-5, 1.0E8 or 0.30000000000000004
        accepted(venue.submit(Orders.limit(BTC, Side.BUY, "0.00010000", "50000")));
        accepted(venue.submit(new OrderRequest(Market.SPOT, BTC, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                new BigDecimal("1E-3"), null, new BigDecimal("5E+4"), null, null, null, null, false, false, Orders.id())));
        accepted(venue.submit(Orders.limit(ETH, Side.BUY, "0.3000", "0.1E+4")));
        venue.cancelAll(BTC);
        venue.cancelAll(ETH);
        List<SentRequest> requests = List.copyOf(harness.sent);
        assertThat(requests).hasSizeGreaterThan(5);
        for (SentRequest r : requests) {
            String payload = (r.query() + "&" + r.body()).replaceAll("signature=[0-9a-f]+", "");
            assertThat(payload).as(r.method() + " " + r.path()).doesNotContainPattern(DOUBLE_LIKE);
        }
        assertThat(requests).anySatisfy(r -> assertThat(r.body()).contains("quantity=0.001&price=50000&"));
        assertThat(requests).anySatisfy(r -> assertThat(r.body()).contains("quantity=0.00010000&price=50000&"));
    }
}
