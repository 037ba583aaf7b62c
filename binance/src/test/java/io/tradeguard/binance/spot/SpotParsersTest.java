package io.tradeguard.binance.spot;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.binance.rest.Json;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ExecutionType;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.venue.Balance;
import io.tradeguard.core.venue.OrderListReport;
import io.tradeguard.core.venue.OrderUpdate;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpotParsersTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void exchange_info_filters_become_the_instrument() {
        JsonNode btc = Fixtures.json("exchange-info.json").path("symbols").get(0);
        Instrument i = SpotParsers.instrument(btc);
        assertThat(i.symbol()).isEqualTo(Symbol.of("BTCUSDT"));
        assertThat(i.baseAsset()).isEqualTo(Asset.of("BTC"));
        assertThat(i.priceFilter().tickSize()).isEqualByComparingTo("0.01");
        assertThat(i.priceFilter().maxPrice()).isEqualByComparingTo("1000000");
        assertThat(i.lotSize().stepSize()).isEqualByComparingTo("0.00001");
        assertThat(i.lotSize().maxQty()).isEqualByComparingTo("9000");
        assertThat(i.marketLotSize().maxQty()).isEqualByComparingTo("123.45");
        assertThat(i.marketLotSize().stepSize()).isZero();
        assertThat(i.minNotional()).isEqualByComparingTo("5");
        assertThat(i.maxNotional()).isEqualByComparingTo("9000000");
        assertThat(i.applyMinToMarket()).isTrue();
        assertThat(i.maxNumOrders()).isEqualTo(200);
        assertThat(SpotParsers.isTrading(btc)).isTrue();
    }

    @Test
    void legacy_min_notional_filter_and_non_trading_status() {
        JsonNode ltc = Fixtures.json("exchange-info.json").path("symbols").get(1);
        Instrument i = SpotParsers.instrument(ltc);
        assertThat(i.minNotional()).isEqualByComparingTo("0.0001");
        assertThat(i.maxNotional()).isZero();
        assertThat(i.applyMinToMarket()).isTrue();
        assertThat(SpotParsers.isTrading(ltc)).isFalse();
    }

    @Test
    void order_result_is_a_snapshot_with_the_quote_total_and_no_zero_price() {
        OrderUpdate o = SpotParsers.order(Fixtures.json("order-result.json"), NOW);
        assertThat(o.venueOrderId()).isEqualTo(28);
        assertThat(o.clientOrderId().value()).isEqualTo("6gCrw2kRUAF9CvJDGP16IP");
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.type()).isEqualTo(OrderType.MARKET);
        assertThat(o.side()).isEqualTo(Side.SELL);
        assertThat(o.executionType()).isEqualTo(ExecutionType.SNAPSHOT);
        assertThat(o.price()).isNull(); // "0.00000000" means none
        assertThat(o.filledQuantity()).isEqualByComparingTo("10");
        assertThat(o.cumulativeQuote()).isEqualByComparingTo("10");
        assertThat(o.orderListId()).isEqualTo(-1);
        assertThat(o.venueTime()).isEqualTo(Instant.ofEpochMilli(1507725176595L));
        assertThat(o.receivedAt()).isEqualTo(NOW);
        // FULL has the same order fields
        assertThat(SpotParsers.order(Fixtures.json("order-full.json"), NOW)).isEqualTo(o);
    }

    @Test
    void query_answer_keeps_exact_decimals() {
        OrderUpdate o = SpotParsers.order(Fixtures.json("order-query.json"), NOW);
        assertThat(o.price()).isEqualTo(new BigDecimal("0.1"));
        assertThat(o.quantity()).isEqualTo(new BigDecimal("1.0"));
        assertThat(o.stopPrice()).isNull();
        assertThat(o.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(o.status()).isEqualTo(OrderStatus.NEW);
        assertThat(o.venueTime()).isEqualTo(Instant.ofEpochMilli(1499827319559L));
    }

    @Test
    void cancel_answer_names_the_order_by_its_own_client_id_not_the_cancels() {
        OrderUpdate o = SpotParsers.order(Fixtures.json("order-cancel.json"), NOW);
        assertThat(o.clientOrderId().value()).isEqualTo("myOrder1");
        assertThat(o.status()).isEqualTo(OrderStatus.CANCELED);
    }

    @Test
    void oco_answer_carries_both_legs() {
        OrderListReport list = SpotParsers.orderList(Fixtures.json("oco-result.json"), NOW);
        assertThat(list.orderListId()).isEqualTo(1);
        assertThat(list.listClientOrderId()).isEqualTo("lH1YDkuQKWiXVXHPSKYEIp");
        assertThat(list.listStatusType()).isEqualTo("EXEC_STARTED");
        assertThat(list.listOrderStatus()).isEqualTo("EXECUTING");
        assertThat(list.orders()).extracting(OrderUpdate::type).containsExactly(OrderType.STOP_LOSS_LIMIT, OrderType.LIMIT_MAKER);
        assertThat(list.orders().get(0).stopPrice()).isEqualByComparingTo("1");
        assertThat(list.orders()).allSatisfy(o -> assertThat(o.orderListId()).isEqualTo(1));
    }

    @Test
    void account_balances_and_trades() {
        assertThat(SpotParsers.balances(Fixtures.json("account.json"))).extracting(Balance::asset, Balance::free)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Asset.of("BTC"), new BigDecimal("4723846.89208129")),
                        org.assertj.core.groups.Tuple.tuple(Asset.of("LTC"), new BigDecimal("4763368.68006011")));
        var trade = SpotParsers.trade(Fixtures.json("my-trades.json").get(0));
        assertThat(trade.venueOrderId()).isEqualTo(100234);
        assertThat(trade.side()).isEqualTo(Side.BUY);
        assertThat(trade.fill().tradeId()).isEqualTo(28457);
        assertThat(trade.fill().price()).isEqualTo(new BigDecimal("4.00000100"));
        assertThat(trade.fill().commissionAsset()).isEqualTo(Asset.of("BNB"));
        assertThat(trade.fill().maker()).isFalse();
    }

    @Test
    void market_data() {
        var candle = SpotParsers.candle(Fixtures.json("klines.json").get(0));
        assertThat(candle.open()).isEqualTo(new BigDecimal("0.01634790"));
        assertThat(candle.close()).isEqualTo(new BigDecimal("0.01577100"));
        assertThat(candle.closeTime()).isEqualTo(Instant.ofEpochMilli(1499644799999L));
        assertThat(candle.trades()).isEqualTo(308);
        var book = SpotParsers.depth(Symbol.of("LTCBTC"), Fixtures.json("depth.json"));
        assertThat(book.lastUpdateId()).isEqualTo(1027024);
        assertThat(book.bids().getFirst().price()).isEqualTo(new BigDecimal("4.00000000"));
        assertThat(book.asks().getFirst().quantity()).isEqualTo(new BigDecimal("12.00000000"));
        var ticker = SpotParsers.bookTicker(Fixtures.json("book-ticker.json"));
        assertThat(ticker.askPrice()).isEqualTo(new BigDecimal("4.00000200"));
    }

    @Test
    void unknown_enum_values_and_missing_fields_fail_at_the_boundary() {
        JsonNode odd = Json.parse(Fixtures.text("order-query.json").replace("\"NEW\"", "\"HALF_NEW\""));
        assertThatThrownBy(() -> SpotParsers.order(odd, NOW)).hasMessage("unknown Binance order status 'HALF_NEW'");
        JsonNode missing = Json.parse(Fixtures.text("order-query.json").replace("\"executedQty\"", "\"executedQuantity\""));
        assertThatThrownBy(() -> SpotParsers.order(missing, NOW)).hasMessage("field 'executedQty' is missing");
    }
}
