package io.tradeguard.sim.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeguard.sim.engine.EngineEvent;
import io.tradeguard.sim.engine.EngineQueries;
import io.tradeguard.sim.engine.Instrument;
import io.tradeguard.sim.engine.Units;
import io.tradeguard.sim.feed.Bar;
import io.tradeguard.sim.feed.KlineInterval;

/** Market data payloads: klines rows, book tickers and the stream events of binance-api.md §9.2. */
public final class StreamJson {
    private StreamJson() {
    }

    /** A kline as the 12-element REST array (§3.3). */
    public static ArrayNode klineRow(Instrument inst, Bar b) {
        ArrayNode row = Json.array();
        row.add(b.openTime);
        row.add(inst.priceText(b.open));
        row.add(inst.priceText(b.high));
        row.add(inst.priceText(b.low));
        row.add(inst.priceText(b.close));
        row.add(inst.qtyText(b.volume));
        row.add(b.closeTime);
        row.add(Units.asset(b.quoteVolume));
        row.add(b.trades);
        row.add(inst.qtyText(b.takerBuyVolume));
        row.add(Units.asset(b.takerBuyQuote));
        row.add("0");
        return row;
    }

    public static ObjectNode bookTickerRest(Instrument inst, EngineQueries.Depth d) {
        ObjectNode n = Json.object();
        n.put("symbol", inst.symbol);
        n.put("bidPrice", inst.priceText(d.bids().isEmpty() ? 0 : d.bids().get(0)[0]));
        n.put("bidQty", inst.qtyText(d.bids().isEmpty() ? 0 : d.bids().get(0)[1]));
        n.put("askPrice", inst.priceText(d.asks().isEmpty() ? 0 : d.asks().get(0)[0]));
        n.put("askQty", inst.qtyText(d.asks().isEmpty() ? 0 : d.asks().get(0)[1]));
        return n;
    }

    public static ObjectNode trade(EngineEvent.PublicTrade t, long eventTime) {
        Instrument inst = t.inst();
        ObjectNode n = Json.object();
        n.put("e", "trade");
        n.put("E", eventTime);
        n.put("s", inst.symbol);
        n.put("t", t.tradeId());
        n.put("p", inst.priceText(t.price()));
        n.put("q", inst.qtyText(t.qty()));
        n.put("T", t.time());
        n.put("m", t.buyerMaker());
        n.put("M", true);
        return n;
    }

    /** Each simulated trade is its own aggregate (one taker fill at one price). */
    public static ObjectNode aggTrade(EngineEvent.PublicTrade t, long eventTime) {
        Instrument inst = t.inst();
        ObjectNode n = Json.object();
        n.put("e", "aggTrade");
        n.put("E", eventTime);
        n.put("s", inst.symbol);
        n.put("a", t.tradeId());
        n.put("p", inst.priceText(t.price()));
        n.put("q", inst.qtyText(t.qty()));
        n.put("f", t.tradeId());
        n.put("l", t.tradeId());
        n.put("T", t.time());
        n.put("m", t.buyerMaker());
        n.put("M", true);
        return n;
    }

    public static ObjectNode bookTicker(EngineEvent.TopOfBook top) {
        Instrument inst = top.inst();
        ObjectNode n = Json.object();
        n.put("u", top.updateId());
        n.put("s", inst.symbol);
        n.put("b", inst.priceText(top.bidPrice()));
        n.put("B", inst.qtyText(top.bidQty()));
        n.put("a", inst.priceText(top.askPrice()));
        n.put("A", inst.qtyText(top.askQty()));
        return n;
    }

    /** A partial depth stream's payload: {@code {lastUpdateId, bids, asks}}, levels as [price, qty] strings. */
    public static ObjectNode partialDepth(Instrument inst, EngineQueries.Depth d) {
        ObjectNode n = Json.object();
        n.put("lastUpdateId", d.lastUpdateId());
        com.fasterxml.jackson.databind.node.ArrayNode bids = n.putArray("bids");
        for (long[] l : d.bids()) {
            bids.addArray().add(inst.priceText(l[0])).add(inst.qtyText(l[1]));
        }
        com.fasterxml.jackson.databind.node.ArrayNode asks = n.putArray("asks");
        for (long[] l : d.asks()) {
            asks.addArray().add(inst.priceText(l[0])).add(inst.qtyText(l[1]));
        }
        return n;
    }

    public static ObjectNode kline(Instrument inst, KlineInterval iv, Bar b, boolean closed, long eventTime) {
        ObjectNode n = Json.object();
        n.put("e", "kline");
        n.put("E", eventTime);
        n.put("s", inst.symbol);
        ObjectNode k = n.putObject("k");
        k.put("t", b.openTime);
        k.put("T", b.closeTime);
        k.put("s", inst.symbol);
        k.put("i", iv.wire());
        k.put("f", b.firstTradeId);
        k.put("L", b.lastTradeId);
        k.put("o", inst.priceText(b.open));
        k.put("c", inst.priceText(b.close));
        k.put("h", inst.priceText(b.high));
        k.put("l", inst.priceText(b.low));
        k.put("v", inst.qtyText(b.volume));
        k.put("n", b.trades);
        k.put("x", closed);
        k.put("q", Units.asset(b.quoteVolume));
        k.put("V", inst.qtyText(b.takerBuyVolume));
        k.put("Q", Units.asset(b.takerBuyQuote));
        k.put("B", "0");
        return n;
    }
}
