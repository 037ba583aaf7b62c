package io.tradeguard.core.engine;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class TradingStateKeysTest {

    @Test
    void keysAreEqualByValueAndLookUpsWithAMissingPartFindNothing() {
        assertThat(new TradingState.PositionKey(Market.SPOT, Symbol.of("BTCUSDT")))
                .isEqualTo(new TradingState.PositionKey(Market.SPOT, Symbol.of("btcusdt")))
                .hasSameHashCodeAs(new TradingState.PositionKey(Market.SPOT, Symbol.of("BTCUSDT")))
                .isNotEqualTo(new TradingState.PositionKey(Market.FUTURES, Symbol.of("BTCUSDT")))
                .isNotEqualTo(new TradingState.PositionKey(Market.SPOT, null));
        assertThat(new TradingState.BalanceKey(Market.SPOT, Asset.of("BTC")))
                .isEqualTo(new TradingState.BalanceKey(Market.SPOT, Asset.of("BTC")))
                .isNotEqualTo(new TradingState.BalanceKey(Market.FUTURES, Asset.of("BTC")))
                .isNotEqualTo(new TradingState.BalanceKey(Market.SPOT, null));

        TradingState state = new TradingState();
        state.mark(Market.SPOT, Symbol.of("BTCUSDT"), new BigDecimal("50000"));
        state.mark(Market.FUTURES, Symbol.of("BTCUSDT"), new BigDecimal("50010"));
        assertThat(state.price(Market.SPOT, Symbol.of("BTCUSDT"))).isEqualByComparingTo("50000");
        assertThat(state.price(Market.FUTURES, Symbol.of("BTCUSDT"))).isEqualByComparingTo("50010");
        assertThat(state.prices(Market.SPOT)).containsOnlyKeys(Symbol.of("BTCUSDT"));
        assertThat(state.position(Market.SPOT, null)).isNull();
        assertThat(state.balance(Market.SPOT, null)).isNull();
        assertThat(state.price(Market.SPOT, Symbol.of("ETHUSDT"))).isNull();
    }
}
