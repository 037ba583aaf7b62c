package io.tradeguard.sim.api;

import io.tradeguard.sim.engine.Instrument;
import io.tradeguard.sim.engine.NewOrder;
import io.tradeguard.sim.engine.OrderType;
import io.tradeguard.sim.engine.Reject;
import io.tradeguard.sim.engine.Side;
import io.tradeguard.sim.engine.TimeInForce;
import io.tradeguard.sim.engine.Units;

import java.math.BigDecimal;

/** Turns order parameters into a {@link NewOrder}, answering the -1100 family as Binance does. */
final class OrderParser {
    private OrderParser() {
    }

    static Side side(Params p, String name) {
        Side s = Side.fromWire(p.required(name));
        if (s == null) {
            throw new ApiError(400, -1117, "Invalid side.");
        }
        return s;
    }

    static OrderType type(Params p, String name) {
        OrderType t = OrderType.fromWire(p.required(name));
        if (t == null) {
            throw new ApiError(400, -1116, "Invalid orderType.");
        }
        return t;
    }

    static TimeInForce tif(Params p, String name, OrderType type) {
        String text = p.optional(name);
        if (!type.needsTimeInForce()) {
            if (text != null) {
                throw new ApiError(400, -1114, "TimeInForce parameter sent when not required.");
            }
            return null;
        }
        if (text == null) {
            throw ApiError.mandatory(name);
        }
        TimeInForce tif = TimeInForce.fromWire(text);
        if (tif == null) {
            throw new ApiError(400, -1115, "Invalid timeInForce.");
        }
        return tif;
    }

    static OrderJson.RespType respType(Params p, OrderType type) {
        String text = p.optional("newOrderRespType");
        if (text == null) {
            return type == OrderType.MARKET || type == OrderType.LIMIT ? OrderJson.RespType.FULL : OrderJson.RespType.ACK;
        }
        OrderJson.RespType rt = OrderJson.RespType.fromWire(text);
        if (rt == null) {
            throw ApiError.invalid("newOrderRespType");
        }
        return rt;
    }

    /** Parameters Binance accepts that the simulator only validates. */
    static void unsupportedExtras(Params p, String prefix) {
        if (p.optional(name(prefix, "icebergQty")) != null) {
            throw ApiError.of(new Reject(-2010, "Iceberg orders are not supported for this symbol."));
        }
        Long strategyType = p.longValue(name(prefix, "strategyType"), false);
        p.longValue(name(prefix, "strategyId"), false);
        if (strategyType != null && strategyType < 1_000_000) {
            throw new ApiError(400, -1134, "`strategyType` was less than 1000000.");
        }
    }

    static void selfTradePrevention(Params p) {
        String stp = p.optional("selfTradePreventionMode");
        if (stp != null && !stp.equals("NONE")) {
            throw ApiError.of(new Reject(-2010, "This symbol does not allow the specified self-trade prevention mode."));
        }
    }

    /**
     * The order-type specific numbers of one order (or one OCO leg: names get {@code prefix}); quantity
     * is passed in for OCO legs.
     */
    static NewOrder numbers(Params p, Instrument inst, String prefix, Side side, OrderType type, TimeInForce tif,
                            BigDecimal sharedQty, String clientOrderId) {
        String priceName = name(prefix, "price");
        String stopName = name(prefix, "stopPrice");
        String trailName = name(prefix, "trailingDelta");
        BigDecimal price = p.decimal(priceName, type.hasLimitPrice());
        if (!type.hasLimitPrice() && price != null) {
            throw ApiError.notRequired(priceName);
        }
        BigDecimal qty = sharedQty;
        BigDecimal quoteQty = null;
        if (sharedQty == null) {
            qty = p.decimal("quantity", false);
            quoteQty = p.decimal("quoteOrderQty", false);
            if (type == OrderType.MARKET) {
                if (qty == null && quoteQty == null) {
                    throw new ApiError(400, -1102, "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!");
                }
                if (qty != null && quoteQty != null) {
                    throw ApiError.notRequired("quoteOrderQty");
                }
            } else {
                if (qty == null) {
                    throw ApiError.mandatory("quantity");
                }
                if (quoteQty != null) {
                    throw ApiError.notRequired("quoteOrderQty");
                }
            }
        }
        BigDecimal stop = p.decimal(stopName, false);
        Long trailing = p.longValue(trailName, false);
        if (type.isConditional()) {
            if (stop == null && trailing == null) {
                throw new ApiError(400, -1102, "Param '" + stopName + "' or '" + trailName + "' must be sent, but both were empty/null!");
            }
        } else {
            if (stop != null) {
                throw ApiError.notRequired(stopName);
            }
            if (trailing != null) {
                throw ApiError.notRequired(trailName);
            }
        }
        if (trailing != null && trailing <= 0) {
            throw ApiError.of(Reject.filter("TRAILING_DELTA"));
        }
        long priceUnits = price == null ? 0 : units(price, inst.priceScale, "PRICE_FILTER");
        long stopUnits = stop == null ? 0 : units(stop, inst.priceScale, "PRICE_FILTER");
        String lot = type == OrderType.MARKET ? "MARKET_LOT_SIZE" : "LOT_SIZE";
        long qtyUnits = qty == null ? 0 : units(qty, inst.qtyScale, lot);
        if (qty != null && qtyUnits <= 0) {
            throw ApiError.of(Reject.filter("LOT_SIZE"));
        }
        long quoteUnits = quoteQty == null ? 0 : Units.toUnits(quoteQty, Units.ASSET_SCALE);
        if (quoteQty != null && quoteUnits <= 0) {
            throw ApiError.of(Reject.filter("NOTIONAL"));
        }
        return new NewOrder(inst.symbol, side, type, tif, priceUnits, qtyUnits, quoteUnits, stopUnits,
                trailing == null ? 0 : trailing, clientOrderId);
    }

    private static String name(String prefix, String base) {
        return prefix.isEmpty() ? base : prefix + Character.toUpperCase(base.charAt(0)) + base.substring(1);
    }

    /** More decimals than the tick or step allows is that filter's failure; too large, too. */
    private static long units(BigDecimal value, int scale, String filter) {
        try {
            return Units.toUnits(value, scale);
        } catch (ArithmeticException e) {
            throw ApiError.of(Reject.filter(filter));
        }
    }
}
