package io.tradeguard.core.signal;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.signal.SignalPlan.OpenPosition;
import io.tradeguard.core.testing.Decimals;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.math.BigDecimal;

import static io.tradeguard.core.signal.SignalFixtures.BTC;
import static io.tradeguard.core.signal.SignalFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;

class SignalDeciderPropertiesTest {

    private final SignalDecider decider = new SignalDecider(SignalConfig.defaults());

    @Test
    void anAcceptedEntryNeverExceedsItsNotionalAndIsProtectedOnBothSides() {
        qt().withExamples(300).forAll(prices(), sizes(), booleans().all(), confidences())
                .checkAssert(this::anAcceptedEntryNeverExceedsItsNotionalAndIsProtectedOnBothSides);
    }

    void anAcceptedEntryNeverExceedsItsNotionalAndIsProtectedOnBothSides(BigDecimal last, BigDecimal sizeUsd, boolean isLong,
                                                                         BigDecimal confidence) {
        var signal = new Signal(SignalId.of("p"), BTC, Market.FUTURES, isLong ? SignalDirection.LONG : SignalDirection.SHORT,
                confidence, null, null, null, null, sizeUsd, "prop", "test", NOW);

        SignalDecision decision = decider.decide(signal, TradingMode.AUTO, last, false, NOW);

        if (confidence.compareTo(new BigDecimal("0.7")) < 0) {
            assertThat(decision.outcome()).isEqualTo(SignalDecision.Outcome.SKIPPED_LOW_CONFIDENCE);
            return;
        }
        if (decision.plan().isEmpty()) {
            assertThat(decision.reason()).contains("buys no quantity");
            return;
        }
        var plan = (OpenPosition) decision.plan().get();
        assertThat(plan.quantity().multiply(last)).isLessThanOrEqualTo(sizeUsd);
        int up = plan.side().sign();
        assertThat(plan.stopLoss().compareTo(last) * up).isNegative();
        assertThat(plan.takeProfit().compareTo(last) * up).isPositive();
        // same inputs, same decision
        assertThat(decider.decide(signal, TradingMode.AUTO, last, false, NOW)).isEqualTo(decision);
    }

    Gen<BigDecimal> prices() {
        return Decimals.between(new BigDecimal("0.00001"), new BigDecimal("200000"), 5);
    }

    Gen<BigDecimal> sizes() {
        return Decimals.between(new BigDecimal("1"), new BigDecimal("100000"), 2);
    }

    Gen<BigDecimal> confidences() {
        return Decimals.between(BigDecimal.ZERO, BigDecimal.ONE, 3);
    }
}
