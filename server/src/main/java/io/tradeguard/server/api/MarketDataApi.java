package io.tradeguard.server.api;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;

import java.util.List;

/** What {@code /api/market/…} needs: the venue's klines and instrument filters, read-only. */
public interface MarketDataApi {
    /** Most klines one request may ask for (Binance's own cap). */
    int MAX_CANDLES = 1000;

    /** The newest {@code limit} klines, oldest first; the last may still be open. */
    Outcome<List<CandleView>> candles(Symbol symbol, Market market, CandleInterval interval, int limit);

    Outcome<InstrumentView> instrument(Symbol symbol, Market market);

    /** For a server built without a market-data source: every call answers 409 saying so. */
    static MarketDataApi none() {
        String why = "this server was started without a market-data source";
        return new MarketDataApi() {
            @Override
            public Outcome<List<CandleView>> candles(Symbol symbol, Market market, CandleInterval interval, int limit) {
                return new Outcome.Conflict<>("market_data_not_connected", why);
            }

            @Override
            public Outcome<InstrumentView> instrument(Symbol symbol, Market market) {
                return new Outcome.Conflict<>("market_data_not_connected", why);
            }
        };
    }
}
