package io.tradeguard.sim.feed;

/** One kline being built from trades; prices at the symbol's scale, volumes in qty units and 1e-8 quote. */
public final class Bar {
    public final long openTime;
    public final long closeTime;
    public long open;
    public long high;
    public long low;
    public long close;
    public long volume;
    public long quoteVolume;
    public long takerBuyVolume;
    public long takerBuyQuote;
    public long trades;
    public long firstTradeId;
    public long lastTradeId;

    Bar(long openTime, long closeTime, long price, long tradeId) {
        this.openTime = openTime;
        this.closeTime = closeTime;
        this.open = price;
        this.high = price;
        this.low = price;
        this.close = price;
        this.firstTradeId = tradeId;
        this.lastTradeId = tradeId;
    }

    Bar copy() {
        Bar b = new Bar(openTime, closeTime, open, firstTradeId);
        b.high = high;
        b.low = low;
        b.close = close;
        b.volume = volume;
        b.quoteVolume = quoteVolume;
        b.takerBuyVolume = takerBuyVolume;
        b.takerBuyQuote = takerBuyQuote;
        b.trades = trades;
        b.lastTradeId = lastTradeId;
        return b;
    }

    void add(long price, long qty, long quote, boolean takerBuy, long tradeId) {
        high = Math.max(high, price);
        low = Math.min(low, price);
        close = price;
        volume += qty;
        quoteVolume += quote;
        if (takerBuy) {
            takerBuyVolume += qty;
            takerBuyQuote += quote;
        }
        trades++;
        lastTradeId = tradeId;
    }
}
