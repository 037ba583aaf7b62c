package io.tradeguard.core.state;

import io.tradeguard.core.ledger.DailyStats;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A snapshot copies what it is given, unless it is its own frozen copy, which nobody can change. */
class TradingSnapshotCopyTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");

    private static TradingSnapshot snapshot(Map<Market, Map<Symbol, BigDecimal>> prices) {
        return new TradingSnapshot(List.of(), List.of(), List.of(), prices, Map.of(Market.SPOT, Map.of()), Map.of(),
                Market.SPOT, DailyStats.start(LocalDate.of(2026, 1, 5), BigDecimal.TEN, 0), Asset.USDT, BigDecimal.TEN,
                false, null, 0, Instant.EPOCH);
    }

    @Test
    void aMutableMapIsCopiedSoLaterChangesDoNotReachTheSnapshot() {
        Map<Symbol, BigDecimal> spot = new HashMap<>(Map.of(BTC, new BigDecimal("50000")));
        Map<Market, Map<Symbol, BigDecimal>> prices = new EnumMap<>(Market.class);
        prices.put(Market.SPOT, spot);
        TradingSnapshot s = snapshot(prices);
        spot.put(BTC, new BigDecimal("1"));
        prices.put(Market.FUTURES, Map.of(BTC, BigDecimal.ONE));
        assertThat(s.price(Market.SPOT, BTC)).contains(new BigDecimal("50000"));
        assertThat(s.marketPrices()).containsOnlyKeys(Market.SPOT);
    }

    @Test
    void aFrozenCopyIsKeptAsItIsAndCannotBeChanged() {
        Map<Market, Map<Symbol, BigDecimal>> source = new EnumMap<>(Market.class);
        source.put(Market.SPOT, new HashMap<>(Map.of(BTC, new BigDecimal("50000"))));
        Map<Market, Map<Symbol, BigDecimal>> frozen = TradingSnapshot.frozen(source);
        source.get(Market.SPOT).put(BTC, BigDecimal.ONE); // the frozen copy was taken before
        TradingSnapshot s = snapshot(frozen);
        assertThat(s.marketPrices()).isSameAs(frozen);
        assertThat(s.price(Market.SPOT, BTC)).contains(new BigDecimal("50000"));
        assertThatThrownBy(() -> frozen.put(Market.FUTURES, Map.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> frozen.get(Market.SPOT).put(BTC, BigDecimal.ONE))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> frozen.entrySet().iterator().next().setValue(Map.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(frozen).isEqualTo(Map.of(Market.SPOT, Map.of(BTC, new BigDecimal("50000"))));
        assertThat(frozen.toString()).isEqualTo("{SPOT={BTCUSDT=50000}}");
    }

    @Test
    void aMissingMarketMapFailsAsBefore() {
        Map<Market, Map<Symbol, BigDecimal>> prices = new HashMap<>();
        prices.put(Market.SPOT, null);
        assertThatThrownBy(() -> snapshot(prices)).isInstanceOf(NullPointerException.class);
    }
}
