package io.tradeguard.binance.spot;

import io.tradeguard.binance.rest.Params;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.venue.OcoRequest;
import io.tradeguard.core.venue.OrderRequest;

/**
 * Core order requests into spot wire parameters (binance-api.md §3.4, §3.6). Decimals are written by
 * {@link Params} as plain strings. Fields spot does not have are refused here, not dropped silently.
 */
public final class SpotOrderParams {
    private SpotOrderParams() {
    }

    public static Params newOrder(OrderRequest r) {
        if (r.market() != Market.SPOT) {
            throw new IllegalArgumentException("a " + r.market().wireName() + " order cannot be placed on spot");
        }
        if (r.reduceOnly() || r.closePosition() || r.callbackRate() != null || r.activationPrice() != null) {
            throw new IllegalArgumentException("reduce-only, close-position, callback rate and activation price are futures-only; spot has none");
        }
        Params p = Params.of()
                .add("symbol", r.symbol().value())
                .add("side", SpotEnums.side(r.side()))
                .add("type", SpotEnums.orderType(r.type()));
        TimeInForce tif = timeInForce(r.type(), r.timeInForce());
        if (tif != null) {
            p.add("timeInForce", SpotEnums.timeInForce(tif));
        }
        p.addIfPresent("quantity", r.quantity())
                .addIfPresent("quoteOrderQty", r.quoteQuantity())
                .addIfPresent("price", r.price())
                .addIfPresent("stopPrice", r.stopPrice())
                .addIfPresent("trailingDelta", r.trailingDelta())
                .add("newClientOrderId", r.clientOrderId().value())
                .add("newOrderRespType", "RESULT");
        return p;
    }

    /** Spot sends timeInForce only with a limit price; GTC when the caller left it open. */
    private static TimeInForce timeInForce(OrderType type, TimeInForce asked) {
        return switch (type) {
            case LIMIT, STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT -> asked == null ? TimeInForce.GTC : asked;
            case MARKET, STOP_LOSS, TAKE_PROFIT, LIMIT_MAKER -> {
                if (asked != null && type != OrderType.MARKET) {
                    throw new IllegalArgumentException(type + " takes no time in force on spot");
                }
                yield null;
            }
            case STOP, STOP_MARKET, TAKE_PROFIT_MARKET, TRAILING_STOP_MARKET, LIQUIDATION ->
                    throw new IllegalArgumentException(type + " is a futures order type; spot has no such order");
        };
    }

    public static Params oco(OcoRequest r) {
        Params p = Params.of()
                .add("symbol", r.symbol().value())
                .add("side", SpotEnums.side(r.side()))
                .add("quantity", r.quantity())
                .add("listClientOrderId", r.listClientOrderId().value());
        leg(p, "above", r.above());
        leg(p, "below", r.below());
        return p.add("newOrderRespType", "RESULT");
    }

    private static void leg(Params p, String prefix, OcoRequest.Leg leg) {
        p.add(prefix + "Type", SpotEnums.orderType(leg.type()))
                .add(prefix + "ClientOrderId", leg.clientOrderId().value())
                .addIfPresent(prefix + "Price", leg.price())
                .addIfPresent(prefix + "StopPrice", leg.stopPrice())
                .addIfPresent(prefix + "TrailingDelta", leg.trailingDelta());
        if (leg.type() == OrderType.STOP_LOSS_LIMIT || leg.type() == OrderType.TAKE_PROFIT_LIMIT) {
            p.add(prefix + "TimeInForce", SpotEnums.timeInForce(leg.timeInForce() == null ? TimeInForce.GTC : leg.timeInForce()));
        }
    }
}
