package io.tradeguard.core.risk;

import io.tradeguard.core.model.MarginType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FuturesMarginTest {

    private static MarginPosition position(String symbol) {
        return new MarginPosition(Symbol.of(symbol), Side.BUY, new BigDecimal("0.1"), new BigDecimal("100"),
                new BigDecimal("101"), 10, MarginType.CROSSED, null, List.of());
    }

    @Test
    void oneWayModeHoldsOnePositionPerSymbolAndFindsEach() {
        List<MarginPosition> positions = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            positions.add(position("S" + i + "USDT"));
        }
        FuturesMargin margin = new FuturesMargin(MarginType.CROSSED, new BigDecimal("1000"), positions);
        assertThat(margin.position(Symbol.of("S57USDT"))).isEqualTo(positions.get(57));
        assertThat(margin.position(Symbol.of("BTCUSDT"))).isNull();

        positions.add(position("S3USDT"));
        assertThatThrownBy(() -> new FuturesMargin(MarginType.CROSSED, new BigDecimal("1000"), positions))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("S3USDT was given twice");
    }
}
