package io.tradeguard.core.engine;

import io.tradeguard.core.ledger.AssetBalance;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** Prices assets in the quote asset from the latest ticks, and values the account. */
final class Valuation {
    private final TradingState state;
    private final Map<Symbol, Instrument> instruments;
    private final Asset quote;
    private final Market market;
    private Map<Asset, Symbol> byBase = Map.of();

    Valuation(TradingState state, Map<Symbol, Instrument> instruments, Asset quote, Market market) {
        this.state = state;
        this.instruments = instruments;
        this.quote = quote;
        this.market = market;
    }

    Optional<BigDecimal> priceInQuote(Asset asset) {
        if (asset.equals(quote)) {
            return Optional.of(BigDecimal.ONE);
        }
        Symbol listed = byBase.get(asset);
        if (listed != null) {
            return Optional.ofNullable(state.prices().get(listed));
        }
        try {
            return Optional.ofNullable(state.prices().get(Symbol.of(asset.code() + quote.code())));
        } catch (IllegalArgumentException notASymbol) {
            return Optional.empty();
        }
    }

    /** base asset → its symbol against our quote asset; call after the instruments changed */
    void reindex() {
        Map<Asset, Symbol> index = new java.util.HashMap<>();
        for (Instrument instrument : instruments.values()) {
            if (instrument.quoteAsset().equals(quote)) {
                index.put(instrument.baseAsset(), instrument.symbol());
            }
        }
        byBase = index;
    }

    /**
     * Balances of the engine's market valued in quote, plus futures unrealized P&L; null when an asset
     * with a balance has no price yet (an equity that leaves something out would mislead the risk rules).
     */
    BigDecimal equity() {
        BigDecimal total = BigDecimal.ZERO;
        for (AssetBalance balance : state.balances()) {
            if (balance.market() != market || balance.total().signum() == 0) {
                continue;
            }
            Optional<BigDecimal> price = priceInQuote(balance.asset());
            if (price.isEmpty()) {
                return null;
            }
            total = total.add(balance.total().multiply(price.get()));
        }
        if (market == Market.FUTURES) {
            for (Position position : state.positions()) {
                BigDecimal mark = state.prices().get(position.symbol());
                if (mark == null) {
                    return null;
                }
                total = total.add(position.unrealizedPnl(mark));
            }
        }
        return total;
    }

    /** Base and quote of a symbol: from the instrument, else by the configured quote suffix. */
    Optional<Asset[]> assetsOf(Symbol symbol) {
        Instrument instrument = instruments.get(symbol);
        if (instrument != null) {
            return Optional.of(new Asset[] {instrument.baseAsset(), instrument.quoteAsset()});
        }
        String name = symbol.value();
        if (name.endsWith(quote.code()) && name.length() > quote.code().length()) {
            return Optional.of(new Asset[] {Asset.of(name.substring(0, name.length() - quote.code().length())), quote});
        }
        return Optional.empty();
    }
}
