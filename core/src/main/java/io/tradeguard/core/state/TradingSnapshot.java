package io.tradeguard.core.state;

import io.tradeguard.core.ledger.AssetBalance;
import io.tradeguard.core.ledger.DailyStats;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.venue.FuturesPosition;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A consistent, immutable copy of the engine's trading state at one moment: what pre-trade gates decide
 * on and what the API shows. An engine may trade spot and futures at once, and one symbol (BTCUSDT) exists
 * on both at different prices with different filters, so prices and instruments are kept per market.
 *
 * @param orders           every order not yet settled on the venue
 * @param marketPrices     latest trade (spot) or mark (futures) price per market and symbol (not journaled)
 * @param marketInstruments the instruments of every market the engine trades
 * @param futuresPositions the venue's view of the open futures positions (liquidation price, margin type,
 *                         mark, unrealized P&L), as last fetched; not journaled
 * @param market           the engine's first market: what the market-less lookups ({@link #price(Symbol)},
 *                         {@link #instrument(Symbol)}, {@link #prices()}, {@link #instruments()}) answer for
 * @param equity           spot balances valued in the quote asset plus the futures wallet and unrealized P&L;
 *                         null when some asset with a balance has no known price
 */
public record TradingSnapshot(List<Order> orders, List<Position> positions, List<AssetBalance> balances,
                              Map<Market, Map<Symbol, BigDecimal>> marketPrices,
                              Map<Market, Map<Symbol, Instrument>> marketInstruments,
                              Map<Symbol, FuturesPosition> futuresPositions, Market market,
                              DailyStats daily, Asset quoteAsset, BigDecimal equity, boolean halted,
                              String haltReason, long lastSequence, Instant now) {
    public TradingSnapshot {
        orders = List.copyOf(orders);
        positions = List.copyOf(positions);
        balances = List.copyOf(balances);
        marketPrices = copy(marketPrices);
        marketInstruments = copy(marketInstruments);
        futuresPositions = Map.copyOf(futuresPositions);
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(daily, "daily");
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        Objects.requireNonNull(now, "now");
    }

    private static final Market[] MARKETS = Market.values();

    /**
     * An immutable copy per market, as a snapshot keeps it: a caller that builds many snapshots from the same
     * unchanging map (the engine's instruments) copies it once with this, and each snapshot then keeps it as it is.
     */
    public static <V> Map<Market, Map<Symbol, V>> frozen(Map<Market, Map<Symbol, V>> byMarket) {
        return copy(byMarket);
    }

    /** What {@link #copy} makes: immutable all the way down, so a snapshot given one need not copy it again. */
    private static final class ByMarket<V> extends java.util.AbstractMap<Market, Map<Symbol, V>> {
        private final Map<Market, Map<Symbol, V>> values;

        ByMarket(EnumMap<Market, Map<Symbol, V>> values) {
            this.values = Collections.unmodifiableMap(values);
        }

        @Override
        public Set<Entry<Market, Map<Symbol, V>>> entrySet() {
            return values.entrySet();
        }

        @Override
        public Map<Symbol, V> get(Object key) {
            return values.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return values.containsKey(key);
        }

        @Override
        public int size() {
            return values.size();
        }
    }

    private static <V> Map<Market, Map<Symbol, V>> copy(Map<Market, Map<Symbol, V>> byMarket) {
        if (byMarket instanceof ByMarket<V>) {
            return byMarket;
        }
        EnumMap<Market, Map<Symbol, V>> out = new EnumMap<>(Market.class);
        // by key, not forEach: an EnumMap's forEach makes an iterator and an entry per market, twice per snapshot
        for (Market m : MARKETS) {
            Map<Symbol, V> values = byMarket.get(m);
            if (values != null) {
                out.put(m, Map.copyOf(values));
            }
        }
        if (out.size() != byMarket.size()) { // a null key or value: the copy fails as it always did
            out.clear();
            byMarket.forEach((m, values) -> out.put(m, Map.copyOf(values)));
        }
        return new ByMarket<>(out);
    }

    /** The markets this engine trades. */
    public Set<Market> markets() {
        return marketInstruments.keySet();
    }

    /** Latest prices of the first market's symbols. */
    public Map<Symbol, BigDecimal> prices() {
        return prices(market);
    }

    public Map<Symbol, BigDecimal> prices(Market m) {
        return marketPrices.getOrDefault(m, Map.of());
    }

    /** Instruments of the first market. */
    public Map<Symbol, Instrument> instruments() {
        return instruments(market);
    }

    public Map<Symbol, Instrument> instruments(Market m) {
        return marketInstruments.getOrDefault(m, Map.of());
    }

    // plain loops, not streams: the gates look positions and balances up several times for every order

    public Optional<Position> position(Market market, Symbol symbol) {
        for (int i = 0; i < positions.size(); i++) {
            Position p = positions.get(i);
            if (p.market() == market && p.symbol().equals(symbol)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public Optional<Order> order(ClientOrderId id) {
        for (int i = 0; i < orders.size(); i++) {
            Order o = orders.get(i);
            if (o.clientOrderId().equals(id)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    /** The first market's price of the symbol. */
    public Optional<BigDecimal> price(Symbol symbol) {
        return price(market, symbol);
    }

    public Optional<BigDecimal> price(Market m, Symbol symbol) {
        return Optional.ofNullable(prices(m).get(symbol));
    }

    public Optional<AssetBalance> balance(Market market, Asset asset) {
        for (int i = 0; i < balances.size(); i++) {
            AssetBalance b = balances.get(i);
            if (b.market() == market && b.asset().equals(asset)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** The first market's instrument of the symbol. */
    public Optional<Instrument> instrument(Symbol symbol) {
        return instrument(market, symbol);
    }

    public Optional<Instrument> instrument(Market m, Symbol symbol) {
        return Optional.ofNullable(instruments(m).get(symbol));
    }

    /** The venue's view of an open futures position (liquidation price, margin type), when fetched. */
    public Optional<FuturesPosition> futuresPosition(Symbol symbol) {
        return Optional.ofNullable(futuresPositions.get(symbol));
    }
}
