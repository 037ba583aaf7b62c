package io.tradeguard.sim.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeguard.sim.futures.AlgoOrder;
import io.tradeguard.sim.futures.FOrder;
import io.tradeguard.sim.futures.FuturesEngine;
import io.tradeguard.sim.futures.FuturesEvent;
import java.math.BigDecimal;

/** USDⓈ-M wire shapes (binance-api.md §6.2, §6.3, §6.7, §9.2): order and algo objects, user-data events. */
public final class FuturesJson {
    private FuturesJson() {
    }

    /** The order object of new/cancel/query/openOrders; {@code withTime} adds {@code time} (query, openOrders). */
    public static ObjectNode order(FOrder.View o, boolean withTime) {
        ObjectNode n = Json.object();
        n.put("orderId", o.orderId());
        n.put("symbol", o.symbol());
        n.put("status", o.status());
        n.put("clientOrderId", o.clientOrderId());
        n.put("price", o.price());
        n.put("avgPrice", o.avgPrice());
        n.put("origQty", o.origQty());
        n.put("executedQty", o.executedQty());
        n.put("cumQty", o.executedQty());
        n.put("cumQuote", o.cumQuote());
        n.put("timeInForce", o.timeInForce());
        n.put("type", o.type());
        n.put("reduceOnly", o.reduceOnly());
        n.put("closePosition", o.closePosition());
        n.put("side", o.side());
        n.put("positionSide", "BOTH");
        n.put("stopPrice", o.stopPrice());
        n.put("workingType", o.workingType());
        n.put("priceProtect", false);
        n.put("origType", o.origType());
        n.put("priceMatch", "NONE");
        n.put("selfTradePreventionMode", "EXPIRE_MAKER");
        n.put("goodTillDate", 0);
        if (withTime) {
            n.put("time", o.time());
        }
        n.put("updateTime", o.updateTime());
        return n;
    }

    /** The algo order object (§6.3). */
    public static ObjectNode algo(AlgoOrder.View a) {
        ObjectNode n = Json.object();
        n.put("algoId", a.algoId());
        n.put("clientAlgoId", a.clientAlgoId());
        n.put("algoType", "CONDITIONAL");
        n.put("orderType", a.orderType());
        n.put("symbol", a.symbol());
        n.put("side", a.side());
        n.put("positionSide", "BOTH");
        n.put("timeInForce", a.timeInForce() == null ? "GTC" : a.timeInForce());
        n.put("quantity", a.quantity());
        n.put("algoStatus", a.algoStatus());
        n.put("triggerPrice", a.triggerPrice());
        n.put("price", a.price());
        n.put("icebergQuantity", (String) null);
        n.put("selfTradePreventionMode", "EXPIRE_MAKER");
        n.put("workingType", a.workingType());
        n.put("priceMatch", "NONE");
        n.put("closePosition", a.closePosition());
        n.put("priceProtect", false);
        n.put("reduceOnly", a.reduceOnly());
        n.put("activatePrice", a.activatePrice());
        n.put("callbackRate", a.callbackRate());
        n.put("createTime", a.createTime());
        n.put("updateTime", a.updateTime());
        n.put("triggerTime", a.triggerTime());
        n.put("goodTillDate", 0);
        n.put("actualOrderId", a.orderId() == 0 ? "" : String.valueOf(a.orderId()));
        n.put("actualPrice", a.avgPrice());
        n.put("executedQty", a.executedQty());
        return n;
    }

    public static ObjectNode orderTradeUpdate(FuturesEvent.OrderUpdate u) {
        FOrder.View o = u.order();
        ObjectNode n = Json.object();
        n.put("e", "ORDER_TRADE_UPDATE");
        n.put("E", u.time());
        n.put("T", u.time());
        ObjectNode x = n.putObject("o");
        x.put("s", o.symbol());
        x.put("c", o.clientOrderId());
        x.put("S", o.side());
        x.put("o", o.type());
        x.put("f", o.timeInForce());
        x.put("q", o.origQty());
        x.put("p", o.price());
        x.put("ap", o.avgPrice());
        x.put("sp", o.stopPrice());
        x.put("x", u.execType());
        x.put("X", o.status());
        x.put("i", o.orderId());
        x.put("l", u.lastQty());
        x.put("z", o.executedQty());
        x.put("L", u.lastPrice());
        if (u.commission() != null) {
            x.put("N", "USDT");
            x.put("n", u.commission());
        }
        x.put("T", u.time());
        x.put("t", u.tradeId());
        x.put("b", "0");
        x.put("a", "0");
        x.put("m", u.maker());
        x.put("R", o.reduceOnly());
        x.put("wt", o.workingType());
        x.put("ot", o.origType());
        x.put("ps", "BOTH");
        x.put("cp", o.closePosition());
        x.put("rp", u.realizedProfit());
        x.put("pP", false);
        x.put("si", 0);
        x.put("ss", 0);
        x.put("V", "EXPIRE_MAKER");
        x.put("pm", "NONE");
        x.put("gtd", 0);
        x.put("er", "0");
        return n;
    }

    public static ObjectNode accountUpdate(FuturesEvent.AccountUpdate u) {
        ObjectNode n = Json.object();
        n.put("e", "ACCOUNT_UPDATE");
        n.put("E", u.time());
        n.put("T", u.time());
        ObjectNode a = n.putObject("a");
        a.put("m", u.reason());
        ArrayNode b = a.putArray("B");
        for (FuturesEvent.BalanceRow r : u.balances()) {
            ObjectNode bn = b.addObject();
            bn.put("a", r.asset());
            bn.put("wb", r.walletBalance());
            bn.put("cw", r.crossWallet());
            bn.put("bc", r.balanceChange());
        }
        ArrayNode p = a.putArray("P");
        for (FuturesEvent.PositionRow r : u.positions()) {
            ObjectNode pn = p.addObject();
            pn.put("s", r.symbol());
            pn.put("pa", r.positionAmt());
            pn.put("ep", r.entryPrice());
            pn.put("bep", r.breakEvenPrice());
            pn.put("cr", r.accumulatedRealized());
            pn.put("up", r.unrealizedPnl());
            pn.put("mt", r.marginType());
            pn.put("iw", r.isolatedWallet());
            pn.put("ps", "BOTH");
        }
        return n;
    }

    public static ObjectNode algoUpdate(FuturesEvent.AlgoUpdate u) {
        AlgoOrder.View a = u.algo();
        ObjectNode n = Json.object();
        n.put("e", "ALGO_UPDATE");
        n.put("T", u.time());
        n.put("E", u.time());
        ObjectNode o = n.putObject("o");
        o.put("caid", a.clientAlgoId());
        o.put("aid", a.algoId());
        o.put("at", "CONDITIONAL");
        o.put("o", a.orderType());
        o.put("s", a.symbol());
        o.put("S", a.side());
        o.put("ps", "BOTH");
        o.put("f", a.timeInForce() == null ? "GTC" : a.timeInForce());
        o.put("q", a.quantity());
        o.put("X", a.algoStatus());
        o.put("ai", a.orderId() == 0 ? "" : String.valueOf(a.orderId()));
        o.put("ap", a.avgPrice());
        o.put("aq", a.executedQty());
        o.put("act", a.actualOrderType());
        o.put("tp", a.triggerPrice());
        o.put("p", a.price());
        o.put("V", "EXPIRE_MAKER");
        o.put("wt", a.workingType());
        o.put("pm", "NONE");
        o.put("cp", a.closePosition());
        o.put("pP", false);
        o.put("R", a.reduceOnly());
        o.put("tt", a.triggerTime());
        o.put("gtd", 0);
        o.put("rm", a.failure());
        return n;
    }

    public static ObjectNode marginCall(FuturesEvent.MarginCall m) {
        ObjectNode n = Json.object();
        n.put("e", "MARGIN_CALL");
        n.put("E", m.time());
        n.put("cw", m.crossWallet());
        ArrayNode p = n.putArray("p");
        for (FuturesEvent.PositionRow r : m.positions()) {
            ObjectNode pn = p.addObject();
            pn.put("s", r.symbol());
            pn.put("ps", "BOTH");
            pn.put("pa", r.positionAmt());
            pn.put("mt", r.marginType().toUpperCase(java.util.Locale.ROOT));
            pn.put("iw", r.isolatedWallet());
            pn.put("mp", r.markPrice());
            pn.put("up", r.unrealizedPnl());
            pn.put("mm", r.maintMargin());
        }
        return n;
    }

    public static ObjectNode configUpdate(FuturesEvent.ConfigUpdate c) {
        ObjectNode n = Json.object();
        n.put("e", "ACCOUNT_CONFIG_UPDATE");
        n.put("E", c.time());
        n.put("T", c.time());
        ObjectNode ac = n.putObject("ac");
        ac.put("s", c.symbol());
        ac.put("l", c.leverage());
        return n;
    }

    public static ObjectNode markPrice(FuturesEvent.MarkPrice m) {
        ObjectNode n = Json.object();
        n.put("e", "markPriceUpdate");
        n.put("E", m.time());
        n.put("s", m.symbol());
        n.put("p", m.markPrice());
        n.put("i", m.indexPrice());
        n.put("P", m.markPrice());
        n.put("r", m.fundingRate());
        n.put("T", m.nextFundingTime());
        return n;
    }

    public static ObjectNode aggTrade(FuturesEvent.Trade t, long eventTime) {
        ObjectNode n = Json.object();
        n.put("e", "aggTrade");
        n.put("E", eventTime);
        n.put("s", t.symbol());
        n.put("a", t.id());
        n.put("p", t.price());
        n.put("q", t.qty());
        n.put("f", t.id());
        n.put("l", t.id());
        n.put("T", t.time());
        n.put("m", t.buyerMaker());
        return n;
    }

    public static ObjectNode bookTicker(FuturesEvent.BookTicker b) {
        ObjectNode n = Json.object();
        n.put("e", "bookTicker");
        n.put("u", b.updateId());
        n.put("E", b.time());
        n.put("T", b.time());
        n.put("s", b.symbol());
        n.put("b", b.bid());
        n.put("B", b.bidQty());
        n.put("a", b.ask());
        n.put("A", b.askQty());
        return n;
    }

    /**
     * A futures partial depth message (binance-api.md §9.2, USDⓈ-M "Partial Book Depth Streams"): the top {@code levels}
     * of each side as {@code b}/{@code a}, with the update ids of the book ({@code pu} = the previous one).
     */
    public static ObjectNode partialDepth(FuturesEngine f, FuturesEvent.BookTicker top, int levels) {
        ObjectNode n = Json.object();
        n.put("e", "depthUpdate");
        n.put("E", top.time());
        n.put("T", top.time());
        n.put("s", top.symbol());
        n.put("U", top.updateId());
        n.put("u", top.updateId());
        n.put("pu", Math.max(0, top.updateId() - 1));
        depthSide(n.putArray("b"), f, top.symbol(), FOrder.Side.BUY, levels);
        depthSide(n.putArray("a"), f, top.symbol(), FOrder.Side.SELL, levels);
        return n;
    }

    private static void depthSide(ArrayNode side, FuturesEngine f, String symbol, FOrder.Side which, int levels) {
        var contract = f.contract(symbol);
        for (BigDecimal[] level : f.depth(symbol, which, levels)) {
            side.addArray().add(contract.priceText(level[0])).add(contract.qtyText(level[1]));
        }
    }
}
