package io.tradeguard.core.engine;

import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.OrderInstructions;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FuturesLeverageTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private final FuturesLeverage leverage = new FuturesLeverage(10, 20);

    @Test
    void theOrdersLeverageElseTheConfiguredDefault() {
        assertThat(leverage.decide(entry(null), null).intent().instructions().leverage()).isEqualTo(10);
        assertThat(leverage.decide(entry(3), null).intent().instructions().leverage()).isEqualTo(3);
    }

    @Test
    void atJustUnderAndOverTheCap() {
        assertThat(leverage.decide(entry(20), null).refusal()).isNull();
        assertThat(leverage.decide(entry(19), null).refusal()).isNull();
        FuturesLeverage.Decision over = leverage.decide(entry(21), null);
        assertThat(over.intent()).isNull();
        assertThat(over.refusal()).contains("leverage 21x for BTCUSDT is above the cap of 20x");
    }

    @Test
    void anOpenPositionKeepsItsLeverage() {
        Position open = new Position("futures:BTCUSDT:1", Market.FUTURES, BTC, Asset.of("BTC"), Asset.USDT,
                new BigDecimal("0.01"), new BigDecimal("500"), new BigDecimal("0.2"), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 5, Instant.EPOCH, Instant.EPOCH);
        assertThat(leverage.decide(entry(null), open).intent().instructions().leverage()).isEqualTo(5);
        assertThat(leverage.decide(entry(5), open).refusal()).isNull();
        assertThat(leverage.decide(entry(10), open).refusal()).contains("open at 5x", "re-lever");
    }

    @Test
    void theCapItselfNeverExceedsTheHardCap() {
        assertThatThrownBy(() -> new FuturesLeverage(10, 21)).hasMessageContaining("1..20x");
        assertThatThrownBy(() -> new FuturesLeverage(11, 10)).hasMessageContaining("the cap");
    }

    private static OrderIntent entry(Integer wanted) {
        return OrderIntent.limit(Market.FUTURES, BTC, Side.BUY, new BigDecimal("0.01"), new BigDecimal("50000"),
                OrderOrigin.MANUAL).withInstructions(OrderInstructions.DEFAULTS.withLeverage(wanted));
    }
}
