package io.tradeguard.binance.spot;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.venue.OcoRequest;
import io.tradeguard.core.venue.OrderRequest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpotOrderParamsTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");

    private static OrderRequest order(OrderType type, TimeInForce tif, String qty, String price, String stop, Integer trailing) {
        return new OrderRequest(Market.SPOT, BTC, Side.SELL, type, tif, qty == null ? null : new BigDecimal(qty), null,
                price == null ? null : new BigDecimal(price), stop == null ? null : new BigDecimal(stop), trailing,
                null, null, false, false, ClientOrderId.of("tg-1"));
    }

    @Test
    void limit_order_in_binance_parameter_order_with_plain_decimals() {
        var p = SpotOrderParams.newOrder(order(OrderType.LIMIT, TimeInForce.IOC, "0.00001", "1E+5", null, null));
        assertThat(p.encoded()).isEqualTo("symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=IOC&quantity=0.00001"
                + "&price=100000&newClientOrderId=tg-1&newOrderRespType=RESULT");
    }

    @Test
    void every_spot_order_type() {
        assertThat(SpotOrderParams.newOrder(order(OrderType.MARKET, null, "1.5", null, null, null)).encoded())
                .isEqualTo("symbol=BTCUSDT&side=SELL&type=MARKET&quantity=1.5&newClientOrderId=tg-1&newOrderRespType=RESULT");
        assertThat(SpotOrderParams.newOrder(order(OrderType.LIMIT_MAKER, null, "1", "50000.10", null, null)).encoded())
                .isEqualTo("symbol=BTCUSDT&side=SELL&type=LIMIT_MAKER&quantity=1&price=50000.10&newClientOrderId=tg-1&newOrderRespType=RESULT");
        assertThat(SpotOrderParams.newOrder(order(OrderType.STOP_LOSS, null, "1", null, "45000", null)).encoded())
                .isEqualTo("symbol=BTCUSDT&side=SELL&type=STOP_LOSS&quantity=1&stopPrice=45000&newClientOrderId=tg-1&newOrderRespType=RESULT");
        assertThat(SpotOrderParams.newOrder(order(OrderType.STOP_LOSS_LIMIT, null, "1", "44900", "45000", null)).encoded())
                .isEqualTo("symbol=BTCUSDT&side=SELL&type=STOP_LOSS_LIMIT&timeInForce=GTC&quantity=1&price=44900&stopPrice=45000&newClientOrderId=tg-1&newOrderRespType=RESULT");
        assertThat(SpotOrderParams.newOrder(order(OrderType.TAKE_PROFIT, null, "1", null, "55000", null)).encoded())
                .contains("type=TAKE_PROFIT&quantity=1&stopPrice=55000");
        assertThat(SpotOrderParams.newOrder(order(OrderType.TAKE_PROFIT_LIMIT, TimeInForce.FOK, "1", "55100", "55000", null)).encoded())
                .contains("type=TAKE_PROFIT_LIMIT&timeInForce=FOK&quantity=1&price=55100&stopPrice=55000");
        // trailing stop: delta in BIPS, with or without a stop price
        assertThat(SpotOrderParams.newOrder(order(OrderType.STOP_LOSS, null, "1", null, null, 250)).encoded())
                .isEqualTo("symbol=BTCUSDT&side=SELL&type=STOP_LOSS&quantity=1&trailingDelta=250&newClientOrderId=tg-1&newOrderRespType=RESULT");
    }

    @Test
    void market_by_quote_amount() {
        var r = new OrderRequest(Market.SPOT, BTC, Side.BUY, OrderType.MARKET, null, null, new BigDecimal("100.5"), null, null,
                null, null, null, false, false, ClientOrderId.of("tg-2"));
        assertThat(SpotOrderParams.newOrder(r).encoded()).contains("type=MARKET&quoteOrderQty=100.5&newClientOrderId=tg-2");
    }

    @Test
    void futures_only_fields_are_refused_not_dropped() {
        var reduceOnly = new OrderRequest(Market.SPOT, BTC, Side.SELL, OrderType.MARKET, null, BigDecimal.ONE, null, null, null,
                null, null, null, true, false, ClientOrderId.of("tg-3"));
        assertThatThrownBy(() -> SpotOrderParams.newOrder(reduceOnly)).hasMessageContaining("futures-only");
        assertThatThrownBy(() -> SpotOrderParams.newOrder(order(OrderType.LIMIT_MAKER, TimeInForce.GTC, "1", "1", null, null)))
                .hasMessage("LIMIT_MAKER takes no time in force on spot");
        var futures = OrderRequest.simple(Market.FUTURES, BTC, Side.BUY, OrderType.MARKET, BigDecimal.ONE, null, ClientOrderId.of("tg-4"));
        assertThatThrownBy(() -> SpotOrderParams.newOrder(futures)).hasMessageContaining("cannot be placed on spot");
    }

    @Test
    void oco_uses_the_order_list_endpoint_parameters() {
        var oco = new OcoRequest(BTC, Side.SELL, new BigDecimal("0.5"),
                new OcoRequest.Leg(OrderType.LIMIT_MAKER, new BigDecimal("55000"), null, null, null, ClientOrderId.of("tp-1")),
                new OcoRequest.Leg(OrderType.STOP_LOSS_LIMIT, new BigDecimal("44900"), new BigDecimal("45000"), null, null, ClientOrderId.of("sl-1")),
                ClientOrderId.of("oco-1"));
        assertThat(SpotOrderParams.oco(oco).encoded()).isEqualTo("symbol=BTCUSDT&side=SELL&quantity=0.5&listClientOrderId=oco-1"
                + "&aboveType=LIMIT_MAKER&aboveClientOrderId=tp-1&abovePrice=55000"
                + "&belowType=STOP_LOSS_LIMIT&belowClientOrderId=sl-1&belowPrice=44900&belowStopPrice=45000&belowTimeInForce=GTC"
                + "&newOrderRespType=RESULT");
    }
}
