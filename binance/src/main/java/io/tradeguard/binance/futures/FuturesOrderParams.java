package io.tradeguard.binance.futures;

import io.tradeguard.binance.rest.Params;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.venue.OrderRequest;

import java.math.BigDecimal;

/**
 * An {@link OrderRequest} as the futures wire wants it: LIMIT and MARKET for {@code POST /fapi/v1/order},
 * the conditional types for {@code POST /fapi/v1/algoOrder} (binance-api.md §6.2, §6.3). Anything the
 * venue would refuse for its shape is refused here, with the reason, before a request exists.
 */
final class FuturesOrderParams {
    static final BigDecimal MIN_CALLBACK = new BigDecimal("0.1");
    static final BigDecimal MAX_CALLBACK = BigDecimal.TEN;

    private FuturesOrderParams() {
    }

    static Params newOrder(OrderRequest r) {
        common(r);
        if (FuturesEnums.isAlgo(r.type())) {
            throw new IllegalArgumentException(r.type() + " is a conditional type: it goes to the algo service, not /fapi/v1/order");
        }
        if (r.closePosition()) {
            throw new IllegalArgumentException("closePosition exists only on STOP_MARKET / TAKE_PROFIT_MARKET");
        }
        if (r.quantity() == null) {
            throw new IllegalArgumentException(r.type() + " needs a quantity");
        }
        Params p = Params.of().add("symbol", r.symbol().value()).add("side", FuturesEnums.side(r.side()))
                .add("type", FuturesEnums.orderType(r.type()));
        if (r.type() == OrderType.LIMIT) {
            TimeInForce tif = r.timeInForce() == null ? TimeInForce.GTC : r.timeInForce();
            p.add("timeInForce", FuturesEnums.timeInForce(tif)).add("quantity", r.quantity()).add("price", r.price());
        } else {
            if (r.price() != null) {
                throw new IllegalArgumentException("a MARKET order takes no price");
            }
            p.add("quantity", r.quantity());
        }
        if (r.reduceOnly()) {
            p.add("reduceOnly", "true");
        }
        return p.add("newClientOrderId", r.clientOrderId().value()).add("newOrderRespType", "RESULT");
    }

    /** Triggers work on the mark price: the price liquidations use, and one a single trade cannot spike. */
    static Params algoOrder(OrderRequest r) {
        common(r);
        if (!FuturesEnums.isAlgo(r.type())) {
            throw new IllegalArgumentException(r.type() + " is not a conditional type");
        }
        Params p = Params.of().add("algoType", "CONDITIONAL").add("symbol", r.symbol().value())
                .add("side", FuturesEnums.side(r.side())).add("type", FuturesEnums.orderType(r.type()));
        boolean limit = r.type() == OrderType.STOP || r.type() == OrderType.TAKE_PROFIT;
        if (limit) {
            TimeInForce tif = r.timeInForce() == null ? TimeInForce.GTC : r.timeInForce();
            p.add("timeInForce", FuturesEnums.timeInForce(tif)).add("price", r.price());
        } else if (r.price() != null) {
            throw new IllegalArgumentException(r.type() + " takes no limit price");
        }
        if (r.closePosition()) {
            if (r.type() != OrderType.STOP_MARKET && r.type() != OrderType.TAKE_PROFIT_MARKET) {
                throw new IllegalArgumentException("closePosition exists only on STOP_MARKET / TAKE_PROFIT_MARKET");
            }
            if (r.quantity() != null || r.reduceOnly()) {
                throw new IllegalArgumentException("closePosition closes the whole position: no quantity, no reduceOnly");
            }
            p.add("closePosition", "true");
        } else {
            if (r.quantity() == null) {
                throw new IllegalArgumentException(r.type() + " needs a quantity (or closePosition)");
            }
            p.add("quantity", r.quantity());
        }
        if (r.type() == OrderType.TRAILING_STOP_MARKET) {
            BigDecimal rate = r.callbackRate();
            if (rate == null || rate.compareTo(MIN_CALLBACK) < 0 || rate.compareTo(MAX_CALLBACK) > 0) {
                throw new IllegalArgumentException("TRAILING_STOP_MARKET needs a callbackRate within 0.1..10 (percent)");
            }
            if (r.stopPrice() != null) {
                throw new IllegalArgumentException("TRAILING_STOP_MARKET has no trigger price; use activationPrice");
            }
            p.add("callbackRate", rate).addIfPresent("activatePrice", r.activationPrice());
        } else {
            if (r.stopPrice() == null) {
                throw new IllegalArgumentException(r.type() + " needs a trigger price (stopPrice)");
            }
            if (r.callbackRate() != null || r.activationPrice() != null) {
                throw new IllegalArgumentException("callbackRate / activationPrice belong to TRAILING_STOP_MARKET only");
            }
            p.add("triggerPrice", r.stopPrice());
        }
        p.add("workingType", "MARK_PRICE");
        if (r.reduceOnly()) {
            p.add("reduceOnly", "true");
        }
        return p.add("clientAlgoId", r.clientOrderId().value());
    }

    private static void common(OrderRequest r) {
        if (r.market() != Market.FUTURES) {
            throw new IllegalArgumentException("a " + r.market() + " order sent to the futures venue");
        }
        if (r.quoteQuantity() != null) {
            throw new IllegalArgumentException("futures orders take a base quantity, not a quote quantity");
        }
        if (r.trailingDelta() != null) {
            throw new IllegalArgumentException("trailingDelta is spot; futures trailing stops use callbackRate");
        }
        if (r.type() == OrderType.LIMIT && r.timeInForce() == null && r.price() == null) {
            throw new IllegalArgumentException("LIMIT needs a price");
        }
        FuturesEnums.orderType(r.type()); // refuses spot-only types
    }
}
