package io.tradeguard.core.signal;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.signal.SignalPlan.OpenPosition;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;

import static io.tradeguard.core.signal.SignalFixtures.BTC;
import static io.tradeguard.core.signal.SignalFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class SignalDeciderPropertiesTest {

    private final SignalDecider decider = new SignalDecider(SignalConfig.defaults());

    @Property(tries = 300)
    void anAcceptedEntryNeverExceedsItsNotionalAndIsProtectedOnBothSides(
            @ForAll("prices") BigDecimal last, @ForAll("sizes") BigDecimal sizeUsd, @ForAll boolean isLong,
            @ForAll("confidences") BigDecimal confidence) {
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

    @Provide
    Arbitrary<BigDecimal> prices() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.00001"), new BigDecimal("200000")).ofScale(5);
    }

    @Provide
    Arbitrary<BigDecimal> sizes() {
        return Arbitraries.bigDecimals().between(new BigDecimal("1"), new BigDecimal("100000")).ofScale(2);
    }

    @Provide
    Arbitrary<BigDecimal> confidences() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.ONE).ofScale(3);
    }
}
