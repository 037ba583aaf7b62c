package io.tradeguard.core.instrument;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Instrument.LotSize;
import io.tradeguard.core.model.Instrument.PriceFilter;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.venue.OrderRequest;

import java.math.BigDecimal;

/** BTCUSDT with the filters Binance spot publishes for it (tick 0.01, step 0.00001, min notional 5). */
final class Instruments {
    static final Symbol BTCUSDT = Symbol.of("BTCUSDT");

    static Instrument btcusdt() {
        return new Instrument(BTCUSDT, Market.SPOT, Asset.of("BTC"), Asset.USDT,
                new PriceFilter(d("0.01"), d("1000000.00"), d("0.01")),
                new LotSize(d("0.00001"), d("9000.00000"), d("0.00001")),
                new LotSize(d("0.00000"), d("100.00000"), d("0.00000")),
                d("5.00"), d("9000000.00"), true, 200);
    }

    static OrderRequest limit(Side side, String qty, String price) {
        return OrderRequest.simple(Market.SPOT, BTCUSDT, side, OrderType.LIMIT, d(qty), d(price), ClientOrderId.of("t-1"));
    }

    static OrderRequest market(Side side, String qty) {
        return OrderRequest.simple(Market.SPOT, BTCUSDT, side, OrderType.MARKET, d(qty), null, ClientOrderId.of("t-1"));
    }

    static OrderRequest stop(OrderType type, Side side, String qty, String price, String stop) {
        TimeInForce tif = price == null ? null : TimeInForce.GTC;
        return new OrderRequest(Market.SPOT, BTCUSDT, side, type, tif, d(qty), null, price == null ? null : d(price),
                d(stop), null, null, null, false, false, ClientOrderId.of("t-1"));
    }

    static BigDecimal d(String text) {
        return new BigDecimal(text);
    }

    private Instruments() {
    }
}
