package io.tradeguard.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.tradeguard.sim.engine.Account;
import io.tradeguard.sim.engine.CancelRestriction;
import io.tradeguard.sim.engine.Instrument;
import io.tradeguard.sim.engine.NewOrder;
import io.tradeguard.sim.engine.OcoRequest;
import io.tradeguard.sim.engine.OrderType;
import io.tradeguard.sim.engine.Outcome;
import io.tradeguard.sim.engine.Side;
import io.tradeguard.sim.engine.TimeInForce;

import java.math.BigDecimal;
import java.util.List;

/** The TRADE endpoints: place, test, cancel orders and OCO lists (binance-api.md §3.4-§3.6). */
public final class TradeRoutes {
    private final Http http;
    private final Venue venue;

    public TradeRoutes(Http http) {
        this.http = http;
        this.venue = http.venue();
    }

    public void register(Javalin app) {
        app.post("/api/v3/order", http.signedEndpoint(p -> 1, this::newOrder));
        app.post("/api/v3/order/test", http.signedEndpoint(
                p -> "true".equals(p.has("computeCommissionRates") ? peek(p, "computeCommissionRates") : null) ? 20 : 1,
                this::testOrder));
        app.delete("/api/v3/order", http.signedEndpoint(p -> 1, this::cancelOrder));
        app.delete("/api/v3/openOrders", http.signedEndpoint(p -> 1, this::cancelOpenOrders));
        app.post("/api/v3/orderList/oco", http.signedEndpoint(p -> 1, this::newOco));
        app.post("/api/v3/order/oco", http.signedEndpoint(p -> 1, this::legacyOco));
        app.delete("/api/v3/orderList", http.signedEndpoint(p -> 1, this::cancelList));
    }

    private static String peek(Params p, String name) {
        return p.optional(name);
    }

    Instrument instrument(Params p) {
        String symbol = p.symbol("symbol", true);
        Instrument inst = venue.locked(e -> e.instrument(symbol));
        if (inst == null) {
            throw new ApiError(400, -1121, "Invalid symbol.");
        }
        return inst;
    }

    private String clientId(Params p, String name) {
        String id = p.clientId(name);
        return id != null ? id : venue.randomKey(22);
    }

    private NewOrder parse(Http.Call call, Instrument inst) {
        Params p = call.params;
        Side side = OrderParser.side(p, "side");
        OrderType type = OrderParser.type(p, "type");
        TimeInForce tif = OrderParser.tif(p, "timeInForce", type);
        NewOrder cmd = OrderParser.numbers(p, inst, "", side, type, tif, null, clientId(p, "newClientOrderId"));
        OrderParser.unsupportedExtras(p, "");
        OrderParser.selfTradePrevention(p);
        return cmd;
    }

    private JsonNode newOrder(Http.Call call) {
        Instrument inst = instrument(call.params);
        NewOrder cmd = parse(call, inst);
        OrderJson.RespType rt = OrderParser.respType(call.params, cmd.type());
        call.params.requireAllRead();
        Account a = call.account();
        int[] counts = http.limiter().countOrders(a.id, 1, call.receivedAt);
        orderCountHeaders(call, counts);
        if (venue.faults.takeOrderRejection()) {
            throw ApiError.of(io.tradeguard.sim.engine.Reject.DISABLED);
        }
        Outcome out = venue.locked(e -> {
            http.recheck(call);
            return e.place(a, cmd, venue.now());
        });
        return switch (out) {
            case Outcome.Placed placed -> {
                http.limiter().refund(call.ip, 1, call.receivedAt);
                yield OrderJson.placed(placed.order(), placed.fills(), placed.transactTime(), rt);
            }
            case Outcome.Rejected r -> throw ApiError.of(r.reject());
            default -> throw new IllegalStateException("unexpected outcome " + out);
        };
    }

    private static void orderCountHeaders(Http.Call call, int[] counts) {
        call.ctx.header("X-MBX-ORDER-COUNT-10S", String.valueOf(counts[0]));
        call.ctx.header("X-MBX-ORDER-COUNT-1D", String.valueOf(counts[1]));
    }

    private JsonNode testOrder(Http.Call call) {
        Instrument inst = instrument(call.params);
        NewOrder cmd = parse(call, inst);
        OrderParser.respType(call.params, cmd.type());
        String computeText = call.params.optional("computeCommissionRates");
        boolean compute = "true".equals(computeText);
        if (computeText != null && !compute && !"false".equals(computeText)) {
            throw ApiError.invalid("computeCommissionRates");
        }
        call.params.requireAllRead();
        Account a = call.account();
        io.tradeguard.sim.engine.Reject r = venue.locked(e -> e.test(a, cmd));
        if (r != null) {
            throw ApiError.of(r);
        }
        if (!compute) {
            return Json.object();
        }
        ObjectNode n = Json.object();
        ObjectNode std = n.putObject("standardCommissionForOrder");
        std.put("maker", rate(a.makerRate()));
        std.put("taker", rate(a.takerRate()));
        ObjectNode special = n.putObject("specialCommissionForOrder");
        special.put("maker", "0.00000000");
        special.put("taker", "0.00000000");
        ObjectNode tax = n.putObject("taxCommissionForOrder");
        tax.put("maker", "0.00000000");
        tax.put("taker", "0.00000000");
        ObjectNode discount = n.putObject("discount");
        discount.put("enabledForAccount", false);
        discount.put("enabledForSymbol", false);
        discount.put("discountAsset", "BNB");
        discount.put("discount", "0.00000000");
        return n;
    }

    static String rate(long units) {
        return io.tradeguard.sim.engine.Units.asset(units);
    }

    private JsonNode cancelOrder(Http.Call call) {
        Params p = call.params;
        Instrument inst = instrument(p);
        Long orderId = p.longValue("orderId", false);
        String orig = p.optional("origClientOrderId");
        if (orderId == null && orig == null) {
            throw new ApiError(400, -1102, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }
        String cancelId = clientId(p, "newClientOrderId");
        CancelRestriction restriction = null;
        String restrictionText = p.optional("cancelRestrictions");
        if (restrictionText != null) {
            restriction = CancelRestriction.fromWire(restrictionText);
            if (restriction == null) {
                throw new ApiError(400, -1145, "Invalid cancelRestrictions");
            }
        }
        p.requireAllRead();
        CancelRestriction cr = restriction;
        Account a = call.account();
        Outcome out = venue.locked(e -> {
            http.recheck(call);
            return e.cancel(a, inst.symbol, orderId == null ? -1 : orderId, orig, cancelId, cr, venue.now());
        });
        return switch (out) {
            case Outcome.Canceled c -> {
                http.limiter().refund(call.ip, 1, call.receivedAt);
                yield OrderJson.canceled(c.order(), c.cancelClientOrderId(), c.transactTime());
            }
            case Outcome.Rejected r -> throw ApiError.of(r.reject());
            default -> throw new IllegalStateException("unexpected outcome " + out);
        };
    }

    private JsonNode cancelOpenOrders(Http.Call call) {
        Instrument inst = instrument(call.params);
        call.params.requireAllRead();
        Account a = call.account();
        String cancelId = venue.randomKey(22);
        List<Outcome> outs = venue.locked(e -> {
            http.recheck(call);
            return e.cancelAll(a, inst.symbol, cancelId, venue.now());
        });
        if (outs.isEmpty()) {
            throw ApiError.of(io.tradeguard.sim.engine.Reject.UNKNOWN_ORDER_CANCEL);
        }
        http.limiter().refund(call.ip, 1, call.receivedAt);
        ArrayNode arr = Json.array();
        for (Outcome o : outs) {
            switch (o) {
                case Outcome.Canceled c -> arr.add(OrderJson.canceled(c.order(), c.cancelClientOrderId(), c.transactTime()));
                case Outcome.ListCanceled l -> arr.add(OrderJson.list(l.list(), null, l.cancelClientOrderId(), l.transactTime()));
                default -> throw new IllegalStateException("unexpected outcome " + o);
            }
        }
        return arr;
    }

    // ---- OCO -------------------------------------------------------------------------------------

    private JsonNode newOco(Http.Call call) {
        Params p = call.params;
        Instrument inst = instrument(p);
        Side side = OrderParser.side(p, "side");
        BigDecimal qty = p.decimal("quantity", true);
        String listId = clientId(p, "listClientOrderId");
        NewOrder above = ocoLeg(p, inst, side, qty, "above", true);
        NewOrder below = ocoLeg(p, inst, side, qty, "below", false);
        OrderParser.selfTradePrevention(p);
        return placeOco(call, new OcoRequest(inst.symbol, side, listId, above, below));
    }

    private NewOrder ocoLeg(Params p, Instrument inst, Side side, BigDecimal qty, String prefix, boolean above) {
        OrderType type = OrderParser.type(p, prefix + "Type");
        boolean allowed = switch (type) {
            case STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT, TAKE_PROFIT_LIMIT -> true;
            case LIMIT_MAKER -> above;
            case LIMIT, MARKET -> false;
        };
        if (!allowed) {
            throw new ApiError(400, -1158, "Order type not supported in OCO.");
        }
        TimeInForce tif = OrderParser.tif(p, prefix + "TimeInForce", type);
        OrderParser.unsupportedExtras(p, prefix);
        return OrderParser.numbers(p, inst, prefix, side, type, tif, qty, clientId(p, prefix + "ClientOrderId"));
    }

    /** The deprecated POST /api/v3/order/oco: a LIMIT_MAKER at `price` and a stop at `stopPrice`. */
    private JsonNode legacyOco(Http.Call call) {
        Params p = call.params;
        Instrument inst = instrument(p);
        Side side = OrderParser.side(p, "side");
        BigDecimal qty = p.decimal("quantity", true);
        String listId = clientId(p, "listClientOrderId");
        BigDecimal price = p.decimal("price", true);
        BigDecimal stop = p.decimal("stopPrice", true);
        BigDecimal stopLimit = p.decimal("stopLimitPrice", false);
        String stopTifText = p.optional("stopLimitTimeInForce");
        Long trailing = p.longValue("trailingDelta", false);
        TimeInForce stopTif = null;
        if (stopLimit != null) {
            if (stopTifText == null) {
                throw ApiError.mandatory("stopLimitTimeInForce");
            }
            stopTif = TimeInForce.fromWire(stopTifText);
            if (stopTif == null) {
                throw new ApiError(400, -1115, "Invalid timeInForce.");
            }
        } else if (stopTifText != null) {
            throw new ApiError(400, -1114, "TimeInForce parameter sent when not required.");
        }
        OrderParser.unsupportedExtras(p, "limit");
        OrderParser.unsupportedExtras(p, "stop");
        OrderParser.selfTradePrevention(p);
        long q = units(qty, inst.qtyScale, "LOT_SIZE");
        NewOrder limitLeg = new NewOrder(inst.symbol, side, OrderType.LIMIT_MAKER, null, units(price, inst.priceScale, "PRICE_FILTER"),
                q, 0, 0, 0, clientId(p, "limitClientOrderId"));
        NewOrder stopLeg = new NewOrder(inst.symbol, side, stopLimit != null ? OrderType.STOP_LOSS_LIMIT : OrderType.STOP_LOSS,
                stopTif, stopLimit == null ? 0 : units(stopLimit, inst.priceScale, "PRICE_FILTER"), q, 0,
                units(stop, inst.priceScale, "PRICE_FILTER"), trailing == null ? 0 : trailing, clientId(p, "stopClientOrderId"));
        boolean sell = side == Side.SELL;
        return placeOco(call, new OcoRequest(inst.symbol, side, listId, sell ? limitLeg : stopLeg, sell ? stopLeg : limitLeg));
    }

    private static long units(BigDecimal v, int scale, String filter) {
        try {
            return io.tradeguard.sim.engine.Units.toUnits(v, scale);
        } catch (ArithmeticException e) {
            throw ApiError.of(io.tradeguard.sim.engine.Reject.filter(filter));
        }
    }

    private JsonNode placeOco(Http.Call call, OcoRequest req) {
        String rtText = call.params.optional("newOrderRespType");
        OrderJson.RespType rt = rtText == null ? OrderJson.RespType.RESULT : OrderJson.RespType.fromWire(rtText);
        if (rt == null) {
            throw ApiError.invalid("newOrderRespType");
        }
        call.params.requireAllRead();
        Account a = call.account();
        int[] counts = http.limiter().countOrders(a.id, 2, call.receivedAt);
        orderCountHeaders(call, counts);
        if (venue.faults.takeOrderRejection()) {
            throw ApiError.of(io.tradeguard.sim.engine.Reject.DISABLED);
        }
        Outcome out = venue.locked(e -> {
            http.recheck(call);
            return e.placeOco(a, req, venue.now());
        });
        return switch (out) {
            case Outcome.ListPlaced l -> {
                http.limiter().refund(call.ip, 1, call.receivedAt);
                yield OrderJson.list(l.list(), rt, null, l.transactTime());
            }
            case Outcome.Rejected r -> throw ApiError.of(r.reject());
            default -> throw new IllegalStateException("unexpected outcome " + out);
        };
    }

    private JsonNode cancelList(Http.Call call) {
        Params p = call.params;
        Instrument inst = instrument(p);
        Long listId = p.longValue("orderListId", false);
        String listClientId = p.optional("listClientOrderId");
        if (listId == null && listClientId == null) {
            throw new ApiError(400, -1102, "Param 'orderListId' or 'listClientOrderId' must be sent, but both were empty/null!");
        }
        String cancelId = clientId(p, "newClientOrderId");
        p.requireAllRead();
        Account a = call.account();
        Outcome out = venue.locked(e -> {
            http.recheck(call);
            return e.cancelOrderList(a, inst.symbol, listId == null ? -1 : listId, listClientId, cancelId, venue.now());
        });
        return switch (out) {
            case Outcome.ListCanceled l -> {
                http.limiter().refund(call.ip, 1, call.receivedAt);
                yield OrderJson.list(l.list(), null, l.cancelClientOrderId(), l.transactTime());
            }
            case Outcome.Rejected r -> throw ApiError.of(r.reject());
            default -> throw new IllegalStateException("unexpected outcome " + out);
        };
    }
}
