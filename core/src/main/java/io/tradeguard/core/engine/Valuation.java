package io.tradeguard.core.engine;

import io.tradeguard.core.ledger.AssetBalance;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Prices assets in the quote asset from the latest ticks, and values the account: spot balances at spot
 * prices, the futures wallet as it is plus the unrealized P&L of the futures positions at their marks.
 */
final class Valuation {
    private final TradingState state;
    private final Map<Market, Map<Symbol, Instrument>> instruments;
    private final Asset quote;
    private final Set<Market> markets;
    private Map<Asset, Symbol> byBase = Map.of();
    /** per market, symbol name → base and quote of the listed instruments: looked up once per fill */
    private final Map<Market, Map<String, Optional<Asset[]>>> listedAssets = new java.util.EnumMap<>(Market.class);

    Valuation(TradingState state, Map<Market, Map<Symbol, Instrument>> instruments, Asset quote, Set<Market> markets) {
        this.state = state;
        this.instruments = instruments;
        this.quote = quote;
        this.markets = Set.copyOf(markets);
    }

    /** The asset's price in quote: the spot price where the engine trades spot, else the futures mark. */
    Optional<BigDecimal> priceInQuote(Asset asset) {
        return Optional.ofNullable(quotePrice(asset));
    }

    /** {@link #priceInQuote} without the Optional (equity runs on every snapshot); null when unknown. */
    private BigDecimal quotePrice(Asset asset) {
        if (asset.equals(quote)) {
            return BigDecimal.ONE;
        }
        Symbol listed = byBase.get(asset);
        if (listed == null) {
            try {
                listed = Symbol.of(asset.code() + quote.code());
            } catch (IllegalArgumentException notASymbol) {
                return null;
            }
        }
        BigDecimal price = state.price(Market.SPOT, listed);
        return price != null ? price : state.price(Market.FUTURES, listed);
    }

    /** base asset → its symbol against our quote asset; call after the instruments changed */
    void reindex() {
        Map<Asset, Symbol> index = new java.util.HashMap<>();
        for (Market market : List.of(Market.FUTURES, Market.SPOT)) { // spot's entries win
            for (Instrument instrument : instruments.getOrDefault(market, Map.of()).values()) {
                if (instrument.quoteAsset().equals(quote)) {
                    index.put(instrument.baseAsset(), instrument.symbol());
                }
            }
        }
        byBase = index;
        listedAssets.clear();
        instruments.forEach((market, listed) -> {
            Map<String, Optional<Asset[]>> assets = new java.util.HashMap<>();
            listed.values().forEach(i -> assets.put(i.symbol().value(),
                    Optional.of(new Asset[] {i.baseAsset(), i.quoteAsset()})));
            listedAssets.put(market, assets);
        });
    }

    /**
     * Balances of the engine's markets valued in quote, plus futures unrealized P&L; null when an asset
     * with a balance has no price yet (an equity that leaves something out would mislead the risk rules).
     */
    BigDecimal equity() {
        return equity(state.balances(), state.positions());
    }

    /** {@link #equity()} of these balances and positions: the state's, read once by the caller. */
    BigDecimal equity(List<AssetBalance> balances, List<Position> positions) {
        BigDecimal total = BigDecimal.ZERO;
        for (AssetBalance balance : balances) {
            if (!markets.contains(balance.market())) {
                continue;
            }
            // free + a zero locked of no larger scale is free itself, digit for digit: no new BigDecimal for it
            BigDecimal amount = balance.locked().signum() == 0 && balance.locked().scale() <= balance.free().scale()
                    ? balance.free() : balance.total();
            if (amount.signum() == 0) {
                continue;
            }
            BigDecimal price = quotePrice(balance.asset());
            if (price == null) {
                return null;
            }
            // the quote asset is worth itself: x times ONE is x with x's scale, so skipping it changes nothing
            total = total.add(price == BigDecimal.ONE ? amount : amount.multiply(price));
        }
        if (markets.contains(Market.FUTURES)) {
            for (Position position : positions) {
                if (position.market() != Market.FUTURES) {
                    continue;
                }
                BigDecimal mark = state.price(Market.FUTURES, position.symbol());
                if (mark == null) {
                    return null;
                }
                // the wallet already paid the entry fees: only the price move is still open
                total = total.add(position.unrealizedPnl(mark).add(position.openFees()));
            }
        }
        return total;
    }

    /** Base and quote of a symbol: from the instrument, else by the configured quote suffix. The array is shared: read only. */
    Optional<Asset[]> assetsOf(Market market, Symbol symbol) {
        Optional<Asset[]> listed = listedAssets.getOrDefault(market, Map.of()).get(symbol.value());
        if (listed != null) {
            return listed;
        }
        String name = symbol.value();
        if (name.endsWith(quote.code()) && name.length() > quote.code().length()) {
            return Optional.of(new Asset[] {Asset.of(name.substring(0, name.length() - quote.code().length())), quote});
        }
        return Optional.empty();
    }
}
