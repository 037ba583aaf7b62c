package io.tradeguard.core.risk;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.tradeguard.core.risk.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;

class PositionSizerTest {
    private final PositionSizer sizer = new PositionSizer(RiskConfig.defaults(), d("2"));

    private static PositionSizer.Request request(String atr, String held) {
        return new PositionSizer.Request(d("10000"), null, d("0.01"), d("100"), d("98"), atr == null ? null : d(atr), d(held), d("0.001"));
    }

    @Test
    void riskOverStopDistance() {
        // 1 % of 10,000 = 100 at risk over a 2 stop distance = 50 units = 5,000 > the 1,000 size cap → 10
        PositionSizer.Size size = new PositionSizer(RiskConfig.defaults().without(Limit.MAX_POSITION_SIZE_PCT)
                .without(Limit.MAX_POSITION_SIZE_USD), d("2")).size(request(null, "0"));
        assertThat(size.quantity()).isEqualByComparingTo("20");
        assertThat(size.boundBy()).contains("room left on the symbol");
        assertThat(sizer.size(request(null, "0")).quantity()).isEqualByComparingTo("10");
    }

    @Test
    void higherVolatilityGivesASmallerSize() {
        PositionSizer free = new PositionSizer(RiskConfig.defaults().without(Limit.MAX_POSITION_SIZE_PCT)
                .without(Limit.MAX_POSITION_SIZE_USD).without(Limit.MAX_SYMBOL_EXPOSURE_PCT), d("2"));
        BigDecimal calm = free.size(request("0.5", "0")).quantity();
        BigDecimal wild = free.size(request("2.5", "0")).quantity();
        assertThat(calm).isEqualByComparingTo("50");
        assertThat(wild).isEqualByComparingTo("20");
        assertThat(free.size(request("2.5", "0")).boundBy()).contains("ATR");
    }

    @Test
    void whatIsAlreadyHeldOnTheSymbolIsSubtracted() {
        assertThat(sizer.size(request(null, "1500")).quantity()).isEqualByComparingTo("5");
        assertThat(sizer.size(request(null, "2500")).quantity()).isZero();
    }

    @Test
    void averageTrueRangeUsesThePreviousClose() {
        List<Kline> klines = new ArrayList<>();
        Instant t = Instant.parse("2026-03-02T00:00:00Z");
        klines.add(new Kline(t, d("100"), d("101"), d("99"), d("100")));
        klines.add(new Kline(t.plusSeconds(60), d("104"), d("106"), d("103"), d("105")));   // gap up: TR = 106 - 100 = 6
        klines.add(new Kline(t.plusSeconds(120), d("105"), d("106"), d("104"), d("104"))); // TR = 2
        assertThat(AverageTrueRange.of(klines, 2)).isEqualByComparingTo("4");
        assertThat(AverageTrueRange.of(klines, 1)).isEqualByComparingTo("2");
    }
}
