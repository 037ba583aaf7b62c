package io.tradeguard.app.service;

import io.tradeguard.binance.futures.BinanceFuturesVenue;
import io.tradeguard.binance.spot.BinanceSpotVenue;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.Candle;
import io.tradeguard.core.venue.VenueError;
import io.tradeguard.core.venue.VenueException;
import io.tradeguard.server.api.CandleInterval;
import io.tradeguard.server.api.CandleView;
import io.tradeguard.server.api.InstrumentView;
import io.tradeguard.server.api.MarketDataApi;
import io.tradeguard.server.api.Outcome;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /api/market/…} from the venue's own REST market data. Klines are cached for a second per request shape:
 * every open dashboard polls the newest candles every few seconds, and N browsers should cost the venue's rate
 * limit one request per second, not N. A market without a source (futures until the engine trades it) answers
 * 409 saying so.
 */
final class MarketData implements MarketDataApi {
    /** What one market's venue offers; {@link BinanceSpotVenue} and {@link BinanceFuturesVenue} both do. */
    interface Source {
        List<Candle> klines(Symbol symbol, String interval, int limit) throws VenueException;

        /** The tradable instruments, from the venue's cached exchangeInfo. */
        List<Instrument> instruments() throws VenueException;
    }

    static final Duration CACHE_TTL = Duration.ofSeconds(1);
    private static final int CACHE_ENTRIES = 512;

    private record Key(Market market, Symbol symbol, CandleInterval interval, int limit) {
    }

    private record Cached(Instant at, List<CandleView> candles) {
    }

    private final Map<Market, Source> sources;
    private final InstantSource clock;
    private final Map<Key, Cached> cache = new ConcurrentHashMap<>();

    MarketData(Map<Market, Source> sources, InstantSource clock) {
        this.sources = sources.isEmpty() ? Map.of() : new EnumMap<>(sources);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    static Source of(BinanceSpotVenue venue) {
        return new Source() {
            @Override
            public List<Candle> klines(Symbol symbol, String interval, int limit) throws VenueException {
                return venue.klines(symbol, interval, null, null, limit);
            }

            @Override
            public List<Instrument> instruments() throws VenueException {
                return venue.instruments();
            }
        };
    }

    static Source of(BinanceFuturesVenue venue) {
        return new Source() {
            @Override
            public List<Candle> klines(Symbol symbol, String interval, int limit) throws VenueException {
                return venue.klines(symbol, interval, null, null, limit);
            }

            @Override
            public List<Instrument> instruments() throws VenueException {
                return venue.instruments();
            }
        };
    }

    @Override
    public Outcome<List<CandleView>> candles(Symbol symbol, Market market, CandleInterval interval, int limit) {
        if (limit < 1 || limit > MAX_CANDLES) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_CANDLES + ", was " + limit);
        }
        Source source = sources.get(market);
        if (source == null) {
            return notConnected(market);
        }
        Key key = new Key(market, symbol, interval, limit);
        Instant now = clock.instant();
        Cached hit = cache.get(key);
        if (hit != null && hit.at().plus(CACHE_TTL).isAfter(now)) {
            return Outcome.done(hit.candles());
        }
        try {
            // an unknown symbol is a 404 of ours, not a venue error passed through
            if (find(source, symbol).isEmpty()) {
                return unknown(symbol, market);
            }
            List<CandleView> candles = source.klines(symbol, interval.wire(), limit).stream().map(MarketData::view).toList();
            remember(key, new Cached(now, candles), now);
            return Outcome.done(candles);
        } catch (VenueException e) {
            return failed(e, "klines of " + symbol);
        }
    }

    @Override
    public Outcome<InstrumentView> instrument(Symbol symbol, Market market) {
        Source source = sources.get(market);
        if (source == null) {
            return notConnected(market);
        }
        try {
            Optional<Instrument> found = find(source, symbol);
            return found.<Outcome<InstrumentView>>map(i -> Outcome.done(view(i))).orElseGet(() -> unknown(symbol, market));
        } catch (VenueException e) {
            return failed(e, "the filters of " + symbol);
        }
    }

    private void remember(Key key, Cached value, Instant now) {
        if (cache.size() >= CACHE_ENTRIES) {
            cache.values().removeIf(c -> !c.at().plus(CACHE_TTL).isAfter(now));
            if (cache.size() >= CACHE_ENTRIES) {
                cache.clear();
            }
        }
        cache.put(key, value);
    }

    private static Optional<Instrument> find(Source source, Symbol symbol) throws VenueException {
        return source.instruments().stream().filter(i -> i.symbol().equals(symbol)).findFirst();
    }

    static CandleView view(Candle c) {
        return new CandleView(c.openTime(), c.closeTime(), c.open(), c.high(), c.low(), c.close(), c.volume(),
                c.quoteVolume(), c.trades());
    }

    static InstrumentView view(Instrument i) {
        // market orders may have their own step; the display uses the finer of the two so no quantity is cut
        BigDecimal tick = i.priceFilter().tickSize();
        BigDecimal step = i.lotSize().stepSize();
        BigDecimal marketStep = i.marketLotSize().stepSize();
        int qtyDecimals = Math.max(InstrumentView.decimalsOf(step),
                marketStep.signum() == 0 ? 0 : InstrumentView.decimalsOf(marketStep));
        // exchangeInfo pads every filter to eight decimals; 0.01 says the same as 0.01000000 and reads better
        return new InstrumentView(i.symbol(), i.market(), i.baseAsset(), i.quoteAsset(), plain(tick), plain(step),
                plain(i.lotSize().minQty()), plain(i.minNotional()), InstrumentView.decimalsOf(tick), qtyDecimals);
    }

    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static <T> Outcome<T> notConnected(Market market) {
        return new Outcome.Conflict<>(market.wireName() + "_not_connected", "market data of the " + market.wireName()
                + " market is not connected in this service" + (market == Market.FUTURES
                ? " (the engine trades spot here); ask for market=spot" : ""));
    }

    private static <T> Outcome<T> unknown(Symbol symbol, Market market) {
        return new Outcome.NotFound<>("the venue lists no tradable " + symbol + " on the " + market.wireName() + " market");
    }

    private static <T> Outcome<T> failed(VenueException e, String what) {
        VenueError error = e.error();
        if (error.kind() == VenueError.Kind.REJECTED) {
            return new Outcome.Conflict<>("venue_refused", "the venue refused the request for " + what + ": " + error.message());
        }
        return new Outcome.Unavailable<>("the venue did not answer the request for " + what + ": " + error);
    }
}
