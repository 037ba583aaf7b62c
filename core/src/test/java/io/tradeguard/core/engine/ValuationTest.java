package io.tradeguard.core.engine;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ValuationTest {

    private static Instrument listed(String symbol, String base, String quote) {
        return new Instrument(Symbol.of(symbol), Market.SPOT, Asset.of(base), Asset.of(quote),
                new Instrument.PriceFilter(new BigDecimal("0.01"), new BigDecimal("1000000"), new BigDecimal("0.01")),
                new Instrument.LotSize(new BigDecimal("0.001"), new BigDecimal("9000"), new BigDecimal("0.001")),
                new Instrument.LotSize(BigDecimal.ZERO, new BigDecimal("9000"), BigDecimal.ZERO),
                new BigDecimal("5"), BigDecimal.ZERO, true, 200);
    }

    @Test
    void assetsOfASymbolComeFromItsInstrumentAndFollowTheInstrumentsWhenTheyChange() {
        Map<Market, Map<Symbol, Instrument>> instruments = new EnumMap<>(Market.class);
        Map<Symbol, Instrument> spot = new HashMap<>();
        spot.put(Symbol.of("ETHBTC"), listed("ETHBTC", "ETH", "BTC"));
        instruments.put(Market.SPOT, spot);
        Valuation valuation = new Valuation(new TradingState(), instruments, Asset.USDT, Set.of(Market.SPOT));
        valuation.reindex();

        Asset[] ethBtc = valuation.assetsOf(Market.SPOT, Symbol.of("ETHBTC")).orElseThrow();
        assertThat(ethBtc).containsExactly(Asset.of("ETH"), Asset.of("BTC"));
        // not listed: by the quote suffix; on a market without instruments likewise; otherwise unknown
        assertThat(valuation.assetsOf(Market.SPOT, Symbol.of("SOLUSDT")).orElseThrow())
                .containsExactly(Asset.of("SOL"), Asset.USDT);
        assertThat(valuation.assetsOf(Market.FUTURES, Symbol.of("ETHBTC"))).isEmpty();
        assertThat(valuation.assetsOf(Market.SPOT, Symbol.of("SOLEUR"))).isEmpty();

        // the venue's instruments reloaded: a delisted symbol is no longer known by its instrument
        instruments.put(Market.SPOT, Map.of(Symbol.of("SOLEUR"), listed("SOLEUR", "SOL", "EUR")));
        valuation.reindex();
        assertThat(valuation.assetsOf(Market.SPOT, Symbol.of("SOLEUR")).orElseThrow())
                .containsExactly(Asset.of("SOL"), Asset.of("EUR"));
        assertThat(valuation.assetsOf(Market.SPOT, Symbol.of("ETHBTC"))).isEmpty();
    }
}
