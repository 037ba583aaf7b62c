package io.tradeguard.server;

import io.javalin.http.Context;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.server.api.CandleInterval;
import io.tradeguard.server.api.MarketDataApi;
import io.tradeguard.server.auth.Principal;
import io.tradeguard.server.http.Access;
import io.tradeguard.server.http.Answers;
import io.tradeguard.server.http.ApiException;
import io.tradeguard.server.http.QueryParams;
import io.tradeguard.server.http.RouteTable;

/** {@code /api/market/…}: the venue's klines and instrument filters, for the dashboard's chart and number formats. */
final class MarketRoutes {
    private static final String BASE = "/api/market";
    static final int DEFAULT_CANDLES = 200;

    private final MarketDataApi market;
    private final Answers answers;

    MarketRoutes(MarketDataApi market, Answers answers) {
        this.market = market;
        this.answers = answers;
    }

    void addTo(RouteTable table) {
        table.get(BASE + "/klines", Access.VIEWER,
                "Klines of a symbol from the venue (symbol, market=spot|futures, interval like 1m, limit 1-1000, default 200), oldest first",
                this::klines);
        table.get(BASE + "/instrument", Access.VIEWER,
                "A symbol's tick size, step size and minimums (symbol, market=spot|futures)", this::instrument);
    }

    private void klines(Context ctx, Principal who) {
        Symbol symbol = symbol(ctx);
        Market m = market(ctx);
        CandleInterval interval = QueryParams.parsed(ctx, "interval", CandleInterval::parse)
                .orElseThrow(() -> ApiException.badField("interval", "interval is required, e.g. 1m"));
        if (!interval.servedOn(m)) {
            throw ApiException.badField("interval", "interval " + interval.wire() + " exists on spot only");
        }
        int limit = QueryParams.integer(ctx, "limit", DEFAULT_CANDLES, 1, MarketDataApi.MAX_CANDLES);
        answers.outcome(ctx, market.candles(symbol, m, interval, limit));
    }

    private void instrument(Context ctx, Principal who) {
        answers.outcome(ctx, market.instrument(symbol(ctx), market(ctx)));
    }

    private static Symbol symbol(Context ctx) {
        return QueryParams.parsed(ctx, "symbol", Symbol::of)
                .orElseThrow(() -> ApiException.badField("symbol", "symbol is required, e.g. BTCUSDT"));
    }

    private static Market market(Context ctx) {
        return QueryParams.parsed(ctx, "market", Market::parse).orElse(Market.SPOT);
    }
}
