package io.tradeguard.core.ledger;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The zero-skipping sums of PositionMath give exactly what add and subtract give: the same value at the same scale. */
class PositionMathSumsTest {

    private static final List<BigDecimal> VALUES = List.of(BigDecimal.ZERO, new BigDecimal("0.000"),
            new BigDecimal("0E-20"), new BigDecimal("0E+3"), new BigDecimal("1"), new BigDecimal("-2.5"),
            new BigDecimal("0.001"), new BigDecimal("50023.000000000000000001"), new BigDecimal("-7.10"),
            new BigDecimal("1E+5"), new BigDecimal("123456789012345678901234567890.123"));

    @Test
    void plusAndMinusEqualAddAndSubtractInValueAndScaleForEveryPairIncludingZerosOfAnyScale() {
        for (BigDecimal a : VALUES) {
            for (BigDecimal b : VALUES) {
                BigDecimal sum = PositionMath.plus(a, b);
                BigDecimal difference = PositionMath.minus(a, b);
                assertThat(sum).as(a + " + " + b).isEqualTo(a.add(b)); // BigDecimal.equals compares the scale too
                assertThat(sum.scale()).isEqualTo(a.add(b).scale());
                assertThat(difference).as(a + " - " + b).isEqualTo(a.subtract(b));
                assertThat(difference.scale()).isEqualTo(a.subtract(b).scale());
            }
        }
    }
}
