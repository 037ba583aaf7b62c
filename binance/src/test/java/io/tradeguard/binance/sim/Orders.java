package io.tradeguard.binance.sim;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.venue.OrderRequest;

import java.math.BigDecimal;
import java.util.concurrent.atomic.AtomicInteger;

/** Spot order requests for tests, each with a fresh engine-style clientOrderId. */
final class Orders {
    static final Symbol BTC = Symbol.of("BTCUSDT");
    static final Symbol ETH = Symbol.of("ETHUSDT");
    private static final AtomicInteger SEQ = new AtomicInteger();

    private Orders() {
    }

    static ClientOrderId id() {
        return ClientOrderId.of("tg-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet());
    }

    static OrderRequest limit(Symbol symbol, Side side, String qty, String price) {
        return OrderRequest.simple(Market.SPOT, symbol, side, OrderType.LIMIT, d(qty), d(price), id());
    }

    static OrderRequest market(Symbol symbol, Side side, String qty) {
        return OrderRequest.simple(Market.SPOT, symbol, side, OrderType.MARKET, d(qty), null, id());
    }

    static OrderRequest of(OrderType type, Side side, TimeInForce tif, String qty, String price, String stop, Integer trailing) {
        return new OrderRequest(Market.SPOT, BTC, side, type, tif, d(qty), null, d(price), d(stop), trailing,
                null, null, false, false, id());
    }

    static BigDecimal d(String text) {
        return text == null ? null : new BigDecimal(text);
    }
}
