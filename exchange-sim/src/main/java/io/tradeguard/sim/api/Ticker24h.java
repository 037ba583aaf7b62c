package io.tradeguard.sim.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeguard.sim.engine.EngineQueries;
import io.tradeguard.sim.engine.Instrument;
import io.tradeguard.sim.engine.Units;
import io.tradeguard.sim.feed.Bar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** GET /api/v3/ticker/24hr from the last day of 1m bars. */
final class Ticker24h {
    private Ticker24h() {
    }

    static ObjectNode of(Instrument inst, List<Bar> day, EngineQueries.Depth top, long lastPrice, long lastQty,
                         long now, boolean mini) {
        long open = day.isEmpty() ? lastPrice : day.get(0).open;
        long high = lastPrice;
        long low = lastPrice;
        long volume = 0;
        long quote = 0;
        long count = 0;
        for (Bar b : day) {
            high = Math.max(high, b.high);
            low = Math.min(low, b.low);
            volume += b.volume;
            quote += b.quoteVolume;
            count += b.trades;
        }
        ObjectNode n = Json.object();
        n.put("symbol", inst.symbol);
        if (!mini) {
            long change = lastPrice - open;
            n.put("priceChange", change < 0 ? "-" + inst.priceText(-change) : inst.priceText(change));
            BigDecimal pct = open == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(change).multiply(BigDecimal.valueOf(100))
                    .divide(BigDecimal.valueOf(open), 3, RoundingMode.HALF_UP);
            n.put("priceChangePercent", pct.toPlainString());
            BigDecimal wavg = volume == 0 ? inst.priceDecimal(lastPrice)
                    : Units.toDecimal(quote, 8).divide(Units.toDecimal(volume, inst.qtyScale), 8, RoundingMode.HALF_UP);
            n.put("weightedAvgPrice", wavg.setScale(8, RoundingMode.HALF_UP).toPlainString());
            n.put("prevClosePrice", inst.priceText(open));
        }
        n.put("lastPrice", inst.priceText(lastPrice));
        if (!mini) {
            n.put("lastQty", inst.qtyText(lastQty));
            n.put("bidPrice", inst.priceText(top.bids().isEmpty() ? 0 : top.bids().get(0)[0]));
            n.put("bidQty", inst.qtyText(top.bids().isEmpty() ? 0 : top.bids().get(0)[1]));
            n.put("askPrice", inst.priceText(top.asks().isEmpty() ? 0 : top.asks().get(0)[0]));
            n.put("askQty", inst.qtyText(top.asks().isEmpty() ? 0 : top.asks().get(0)[1]));
        }
        n.put("openPrice", inst.priceText(open));
        n.put("highPrice", inst.priceText(high));
        n.put("lowPrice", inst.priceText(low));
        n.put("volume", inst.qtyText(volume));
        n.put("quoteVolume", Units.asset(quote));
        n.put("openTime", now - 86_400_000L);
        n.put("closeTime", now);
        n.put("firstId", day.isEmpty() ? -1 : day.get(0).firstTradeId);
        n.put("lastId", day.isEmpty() ? -1 : day.get(day.size() - 1).lastTradeId);
        n.put("count", count);
        return n;
    }
}
