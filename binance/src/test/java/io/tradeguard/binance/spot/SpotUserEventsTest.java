package io.tradeguard.binance.spot;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ExecutionType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.venue.BookTicker;
import io.tradeguard.core.venue.VenueEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SpotUserEventsTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static JsonNode event(String fixture) {
        return Fixtures.json(fixture).get("event");
    }

    @Test
    void every_key_of_an_execution_report_is_read() {
        ExecutionReport r = ExecutionReport.parse(event("execution-report-trade.json"));
        assertThat(r.eventTime()).isEqualTo(Instant.ofEpochMilli(1499405658700L));
        assertThat(r.symbol()).isEqualTo(Symbol.of("ETHBTC"));
        assertThat(r.clientOrderId()).isEqualTo("mUvoqJxFIILMdfAW5iGSOW");
        assertThat(r.side()).isEqualTo(Side.BUY);
        assertThat(r.type()).isEqualTo(OrderType.LIMIT);
        assertThat(r.timeInForce()).isEqualTo(TimeInForce.GTC);
        assertThat(r.quantity()).isEqualTo(new BigDecimal("1.00000000"));
        assertThat(r.price()).isEqualTo(new BigDecimal("0.10264410"));
        assertThat(r.stopPrice()).isZero();
        assertThat(r.icebergQuantity()).isZero();
        assertThat(r.orderListId()).isEqualTo(-1);
        assertThat(r.originalClientOrderId()).isEmpty();
        assertThat(r.executionType()).isEqualTo(ExecutionType.TRADE);
        assertThat(r.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(r.rejectReason()).isEqualTo("NONE");
        assertThat(r.orderId()).isEqualTo(4293153);
        assertThat(r.lastQuantity()).isEqualTo(new BigDecimal("0.40000000"));
        assertThat(r.cumulativeQuantity()).isEqualTo(new BigDecimal("0.40000000"));
        assertThat(r.lastPrice()).isEqualTo(new BigDecimal("0.10264400"));
        assertThat(r.commission()).isEqualTo(new BigDecimal("0.00004000"));
        assertThat(r.commissionAsset()).isEqualTo("ETH");
        assertThat(r.transactionTime()).isEqualTo(Instant.ofEpochMilli(1499405658699L));
        assertThat(r.tradeId()).isEqualTo(2001);
        assertThat(r.preventedMatchId()).isEqualTo(-1);
        assertThat(r.executionId()).isEqualTo(8641990);
        assertThat(r.onBook()).isFalse();
        assertThat(r.maker()).isTrue();
        assertThat(r.creationTime()).isEqualTo(Instant.ofEpochMilli(1499405658657L));
        assertThat(r.cumulativeQuote()).isEqualTo(new BigDecimal("0.04105760"));
        assertThat(r.lastQuote()).isEqualTo(new BigDecimal("0.04105760"));
        assertThat(r.quoteOrderQuantity()).isZero();
        assertThat(r.workingTime()).isEqualTo(Instant.ofEpochMilli(1499405658657L));
        assertThat(r.selfTradePreventionMode()).isEqualTo("NONE");
        assertThat(r.trailingDelta()).isNull();
        assertThat(r.expiryReason()).isNull();
    }

    @Test
    void conditional_keys_of_a_trailing_stop_are_read() {
        ExecutionReport r = ExecutionReport.parse(event("execution-report-trailing-expired.json"));
        assertThat(r.trailingDelta()).isEqualTo(500);
        assertThat(r.trailingTime()).isEqualTo(Instant.ofEpochMilli(1499405655000L));
        assertThat(r.strategyId()).isEqualTo(1);
        assertThat(r.strategyType()).isEqualTo(1000000);
        assertThat(r.expiryReason()).isEqualTo("INSUFFICIENT_LIQUIDITY");
        assertThat(r.selfTradePreventionMode()).isEqualTo("EXPIRE_MAKER");
        var update = r.toOrderUpdate(NOW);
        assertThat(update.status()).isEqualTo(OrderStatus.EXPIRED);
        assertThat(update.rejectReason()).isEqualTo("INSUFFICIENT_LIQUIDITY");
        assertThat(update.price()).isNull();
    }

    @Test
    void a_trade_report_carries_its_fill() {
        var event = SpotUserEvents.parse(event("execution-report-trade.json"), NOW).orElseThrow();
        var update = ((VenueEvent.OrderUpdated) event).update();
        assertThat(update.market()).isEqualTo(Market.SPOT);
        assertThat(update.executionType()).isEqualTo(ExecutionType.TRADE);
        var fill = update.fill().orElseThrow();
        assertThat(fill.tradeId()).isEqualTo(2001);
        assertThat(fill.price()).isEqualTo(new BigDecimal("0.10264400"));
        assertThat(fill.quantity()).isEqualTo(new BigDecimal("0.40000000"));
        assertThat(fill.commission()).isEqualTo(new BigDecimal("0.00004000"));
        assertThat(fill.commissionAsset()).isEqualTo(Asset.of("ETH"));
        assertThat(fill.maker()).isTrue();
        assertThat(update.venueTime()).isEqualTo(Instant.ofEpochMilli(1499405658699L));
        assertThat(update.receivedAt()).isEqualTo(NOW);
        assertThat(update.rejectReason()).isNull();
    }

    @Test
    void a_new_report_has_no_fill_and_a_null_commission_asset_is_accepted() {
        var update = ((VenueEvent.OrderUpdated) SpotUserEvents.parse(event("execution-report-new.json"), NOW).orElseThrow()).update();
        assertThat(update.fill()).isEmpty();
        assertThat(update.status()).isEqualTo(OrderStatus.NEW);
        assertThat(ExecutionReport.parse(event("execution-report-new.json")).preventedMatchId()).isEqualTo(3);
    }

    @Test
    void a_cancel_report_names_the_order_not_the_cancel_request() {
        var update = ((VenueEvent.OrderUpdated) SpotUserEvents.parse(event("execution-report-canceled.json"), NOW).orElseThrow()).update();
        assertThat(update.clientOrderId().value()).isEqualTo("mUvoqJxFIILMdfAW5iGSOW");
        assertThat(update.status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(update.filledQuantity()).isEqualByComparingTo("0.4");
    }

    @Test
    void balance_events() {
        var position = (VenueEvent.BalancesUpdated) SpotUserEvents.parse(event("outbound-account-position.json"), NOW).orElseThrow();
        assertThat(position.venueTime()).isEqualTo(Instant.ofEpochMilli(1564034571073L));
        assertThat(position.balances()).singleElement().satisfies(b -> {
            assertThat(b.asset()).isEqualTo(Asset.of("ETH"));
            assertThat(b.free()).isEqualTo(new BigDecimal("10000.000000"));
            assertThat(b.locked()).isZero();
        });
        var delta = (VenueEvent.BalanceDelta) SpotUserEvents.parse(event("balance-update.json"), NOW).orElseThrow();
        assertThat(delta.asset()).isEqualTo(Asset.of("BTC"));
        assertThat(delta.delta()).isEqualTo(new BigDecimal("100.00000000"));
        assertThat(delta.venueTime()).isEqualTo(Instant.ofEpochMilli(1573200697068L));
    }

    @Test
    void list_status() {
        var list = (VenueEvent.OrderListUpdated) SpotUserEvents.parse(event("list-status.json"), NOW).orElseThrow();
        assertThat(list.orderListId()).isEqualTo(2);
        assertThat(list.listClientOrderId()).isEqualTo("F4QN4G8DlFATFlIUQ0cjdD");
        assertThat(list.listStatusType()).isEqualTo("EXEC_STARTED");
        assertThat(list.listOrderStatus()).isEqualTo("EXECUTING");
        assertThat(list.symbol()).isEqualTo(Symbol.of("ETHBTC"));
    }

    @Test
    void market_stream_messages() {
        List<VenueEvent> events = new ArrayList<>();
        List<BookTicker> quotes = new ArrayList<>();
        SpotMarketStreams.read(Fixtures.json("trade-stream.json"), NOW, events::add, quotes::add);
        SpotMarketStreams.read(Fixtures.json("kline-stream.json"), NOW, events::add, quotes::add);
        SpotMarketStreams.read(Fixtures.json("book-ticker-stream.json"), NOW, events::add, quotes::add);
        assertThat(events).containsExactly(
                new VenueEvent.PriceTick(Market.SPOT, Symbol.of("BNBBTC"), new BigDecimal("0.001"), false, Instant.ofEpochMilli(1672515782136L), NOW),
                new VenueEvent.PriceTick(Market.SPOT, Symbol.of("BNBBTC"), new BigDecimal("0.0020"), false, Instant.ofEpochMilli(1672515782136L), NOW));
        assertThat(quotes).containsExactly(new BookTicker(Symbol.of("BNBUSDT"), new BigDecimal("25.35190000"),
                new BigDecimal("31.21000000"), new BigDecimal("25.36520000"), new BigDecimal("40.66000000")));
        assertThat(SpotMarketStreams.read(io.tradeguard.binance.rest.Json.parse("{\"result\":null,\"id\":1}"), NOW, events::add, quotes::add)).isEmpty();
        assertThat(SpotMarketStreams.read(io.tradeguard.binance.rest.Json.parse("{\"e\":\"serverShutdown\",\"E\":1}"), NOW, events::add, quotes::add)).isPresent();
    }
}
