package io.tradeguard.core.risk;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.tradeguard.core.risk.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;

class MeasureTest {

    @Test
    void utilisationKeepsTheSideOfTheLimitExact() {
        assertThat(Measure.max(d("1000"), d("1000.00"), Measure.Unit.AMOUNT).utilisationBps()).isEqualTo(10_000);
        assertThat(Measure.max(d("1000"), d("999.99999999999999999"), Measure.Unit.AMOUNT).utilisationBps()).isEqualTo(9_999);
        assertThat(Measure.max(d("1000"), d("1000.00000000000000001"), Measure.Unit.AMOUNT).utilisationBps()).isEqualTo(10_001);
        assertThat(Measure.max(d("1000"), d("250"), Measure.Unit.AMOUNT).utilisationBps()).isEqualTo(2_500);
        assertThat(Measure.max(d("1000"), d("-5"), Measure.Unit.AMOUNT).utilisationBps()).isZero();
        assertThat(Measure.max(d("1000"), d("1e9"), Measure.Unit.AMOUNT).utilisationBps()).isEqualTo(Measure.MAX_BPS);
    }

    @Test
    void aMinimumIsUsedUpAsTheValueFallsTowardsIt() {
        assertThat(new Measure(d("100"), d("400"), Measure.Unit.AMOUNT, true).utilisationBps()).isEqualTo(2_500);
        assertThat(new Measure(d("100"), d("100"), Measure.Unit.AMOUNT, true).utilisationBps()).isEqualTo(10_000);
        assertThat(new Measure(d("100"), d("99.99"), Measure.Unit.AMOUNT, true).margin()).isEqualByComparingTo("-0.01");
    }

    @Test
    void marginAtLeverageIsNeverUnderstated() {
        BigDecimal value = d("1000");
        BigDecimal third = Leverage.margin(value, 3);
        assertThat(third.multiply(BigDecimal.valueOf(3))).isGreaterThanOrEqualTo(value);
        assertThat(third.subtract(d("333.3333333333333333"))).isLessThan(d("0.000000000000001"));
        assertThat(Leverage.margin(value, 125).multiply(BigDecimal.valueOf(125))).isGreaterThanOrEqualTo(value);
        assertThat(Leverage.margin(value, 1)).isSameAs(value);
    }
}
