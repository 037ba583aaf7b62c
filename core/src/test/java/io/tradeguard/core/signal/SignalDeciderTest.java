package io.tradeguard.core.signal;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.signal.SignalDecision.Outcome;
import io.tradeguard.core.signal.SignalPlan.ClosePosition;
import io.tradeguard.core.signal.SignalPlan.OpenPosition;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.tradeguard.core.signal.SignalFixtures.NOW;
import static io.tradeguard.core.signal.SignalFixtures.at;
import static io.tradeguard.core.signal.SignalFixtures.d;
import static io.tradeguard.core.signal.SignalFixtures.longAtMarket;
import static io.tradeguard.core.signal.SignalFixtures.onMarket;
import static io.tradeguard.core.signal.SignalFixtures.with;
import static io.tradeguard.core.signal.SignalFixtures.withConfidence;
import static io.tradeguard.core.signal.SignalFixtures.withSizing;
import static org.assertj.core.api.Assertions.assertThat;

class SignalDeciderTest {

    private final SignalDecider decider = new SignalDecider(SignalConfig.defaults());
    private static final BigDecimal LAST = d("50000");

    private OpenPosition open(SignalDecision decision) {
        assertThat(decision.outcome()).as(decision.reason()).isEqualTo(Outcome.ACCEPTED);
        return (OpenPosition) decision.plan().orElseThrow();
    }

    @Test
    void aConfidentFuturesLongAtMarketGetsTheDefaultSizeLeverageAndProtection() {
        SignalDecision decision = decider.decide(longAtMarket(), TradingMode.HYBRID, LAST, false, NOW);

        OpenPosition plan = open(decision);
        assertThat(plan.side()).isEqualTo(Side.BUY);
        assertThat(plan.entryType()).isEqualTo(OrderType.MARKET);
        assertThat(plan.limitPrice()).isNull();
        assertThat(plan.notional()).isEqualByComparingTo("200");
        assertThat(plan.quantity()).isEqualByComparingTo("0.004");      // 200 / 50000
        assertThat(plan.leverage()).isEqualTo(10);
        assertThat(plan.stopLoss()).isEqualByComparingTo("49000");      // 2% below
        assertThat(plan.takeProfit()).isEqualByComparingTo("52500");    // 5% above
        assertThat(decision.reason()).isEqualTo("LONG BTCUSDT futures: buy 0.004 at market (last 50000), "
                + "200 USDT notional by fixed notional at 10x, stop-loss 49000, take-profit 52500; "
                + "confidence 0.82 meets the threshold 0.7");
        assertThat(decision.decidedAt()).isEqualTo(NOW);
    }

    @Test
    void aShortMirrorsTheDefaultProtection() {
        Signal s = with(longAtMarket(), SignalDirection.SHORT, null, null, null);
        OpenPosition plan = open(decider.decide(s, TradingMode.AUTO, LAST, false, NOW));
        assertThat(plan.side()).isEqualTo(Side.SELL);
        assertThat(plan.stopLoss()).isEqualByComparingTo("51000");
        assertThat(plan.takeProfit()).isEqualByComparingTo("47500");
    }

    @Test
    void theSignalsOwnEntryStopTargetLeverageAndSizeWin() {
        Signal s = withSizing(with(longAtMarket(), SignalDirection.LONG, d("49500"), d("48800"), d("51000")), 5, d("300"));
        OpenPosition plan = open(decider.decide(s, TradingMode.AUTO, LAST, false, NOW));
        assertThat(plan.entryType()).isEqualTo(OrderType.LIMIT);
        assertThat(plan.limitPrice()).isEqualByComparingTo("49500");
        assertThat(plan.quantity()).isEqualByComparingTo("0.00606060");  // 300 / 49500 rounded down to 8 places
        assertThat(plan.quantity().multiply(d("49500"))).isLessThanOrEqualTo(d("300"));
        assertThat(plan.leverage()).isEqualTo(5);
        assertThat(plan.stopLoss()).isEqualByComparingTo("48800");
        assertThat(plan.takeProfit()).isEqualByComparingTo("51000");
    }

    @Test
    void spotTradesWithoutLeverage() {
        OpenPosition plan = open(decider.decide(onMarket(longAtMarket(), Market.SPOT), TradingMode.AUTO, LAST, false, NOW));
        assertThat(plan.leverage()).isEqualTo(1);
        assertThat(plan.market()).isEqualTo(Market.SPOT);
    }

    @Test
    void belowTheThresholdIsSkippedAndTheThresholdItselfPasses() {
        SignalDecision low = decider.decide(withConfidence(longAtMarket(), "0.69"), TradingMode.HYBRID, LAST, false, NOW);
        assertThat(low.outcome()).isEqualTo(Outcome.SKIPPED_LOW_CONFIDENCE);
        assertThat(low.reason()).isEqualTo("confidence 0.69 is below the threshold 0.7");
        assertThat(low.plan()).isEmpty();

        SignalDecision atThreshold = decider.decide(withConfidence(longAtMarket(), "0.70"), TradingMode.HYBRID, LAST, false, NOW);
        assertThat(atThreshold.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void manualModeRecordsButNeverTrades() {
        SignalDecision d = decider.decide(longAtMarket(), TradingMode.MANUAL, LAST, false, NOW);
        assertThat(d.outcome()).isEqualTo(Outcome.SKIPPED_MODE);
        assertThat(d.reason()).isEqualTo("mode is manual: signals are recorded, not traded");
    }

    @Test
    void aDuplicateIsIgnoredBeforeAnythingElse() {
        SignalDecision d = decider.decide(withConfidence(longAtMarket(), "0.1"), TradingMode.MANUAL, null, true, NOW);
        assertThat(d.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(d.reason()).isEqualTo("signal id sig-1 was already taken; this copy is ignored");
    }

    @Test
    void aCloseBecomesAClosePlan() {
        Signal close = with(longAtMarket(), SignalDirection.CLOSE, null, null, null);
        SignalDecision d = decider.decide(close, TradingMode.AUTO, null, false, NOW);
        assertThat(d.plan()).contains(new ClosePosition(close.symbol(), Market.FUTURES));
        assertThat(d.reason()).startsWith("close the BTCUSDT futures position");
    }

    @Test
    void untradeableNowIsRejectedWithTheReason() {
        List<String> reasons = new ArrayList<>();
        Signal base = longAtMarket();
        reasons.add(decider.decide(at(base, NOW.minusSeconds(301)), TradingMode.AUTO, LAST, false, NOW).reason());
        reasons.add(decider.decide(at(base, NOW.plusSeconds(120)), TradingMode.AUTO, LAST, false, NOW).reason());
        reasons.add(decider.decide(withSizing(base, 25, null), TradingMode.AUTO, LAST, false, NOW).reason());
        reasons.add(decider.decide(base, TradingMode.AUTO, null, false, NOW).reason());
        reasons.add(decider.decide(onMarket(with(base, SignalDirection.SHORT, null, null, null), Market.SPOT),
                TradingMode.AUTO, LAST, false, NOW).reason());
        reasons.add(decider.decide(with(base, SignalDirection.LONG, null, d("50500"), d("53000")),
                TradingMode.AUTO, LAST, false, NOW).reason());
        reasons.add(decider.decide(with(base, SignalDirection.SHORT, null, d("52000"), d("50200")),
                TradingMode.AUTO, LAST, false, NOW).reason());
        assertThat(reasons).containsExactly(
                "signal is 301 s old; signals older than 300 s are not traded",
                "signal time 2026-03-02T10:02:00Z is 120 s in the future; check the author's clock",
                "leverage 25x is above the cap of 20x",
                "no last price for BTCUSDT yet, and a market entry needs one",
                "spot cannot open a short position; send SHORT on futures, or CLOSE",
                "the stop-loss 50500 is already at or above the last price 50000: it would trigger at once",
                "the take-profit 50200 is already at or above the last price 50000: it would trigger at once");
    }

    @Test
    void aMarketableLimitIsCheckedAgainstTheBetterOfLimitAndLastPrice() {
        // buy limit 52000 with the market at 50000 fills near 50000, where a 50500 stop would trigger at once
        Signal s = with(longAtMarket(), SignalDirection.LONG, d("52000"), d("50500"), d("55000"));
        SignalDecision d = decider.decide(s, TradingMode.AUTO, LAST, false, NOW);
        assertThat(d.outcome()).isEqualTo(Outcome.REJECTED_INVALID);
        assertThat(d.reason()).isEqualTo(
                "the stop-loss 50500 is already at or above the expected fill 50000: it would trigger at once");
        // a resting buy limit below the market is judged at its own price
        Signal resting = with(longAtMarket(), SignalDirection.LONG, d("48000"), d("47000"), d("49500"));
        assertThat(decider.decide(resting, TradingMode.AUTO, LAST, false, NOW).outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void riskBasedSizingAsksTheSizerAndRecordsItsRefusal() {
        List<PositionSizer.Request> asked = new ArrayList<>();
        PositionSizer sizer = request -> {
            asked.add(request);
            return request.leverage() > 5
                    ? new PositionSizer.Result.Refused("volatility too high for 10x")
                    : new PositionSizer.Result.Notional(d("120"));
        };
        var riskDecider = new SignalDecider(SignalConfig.defaults().withSizing(new SignalSizing.RiskBased(sizer)));

        SignalDecision refused = riskDecider.decide(longAtMarket(), TradingMode.AUTO, LAST, false, NOW);
        assertThat(refused.outcome()).isEqualTo(Outcome.REJECTED_INVALID);
        assertThat(refused.reason()).isEqualTo("risk sizing refused: volatility too high for 10x");
        assertThat(asked.getFirst().stopLossPrice()).isEqualByComparingTo("49000");
        assertThat(asked.getFirst().entryPrice()).isEqualByComparingTo("50000");

        OpenPosition plan = open(riskDecider.decide(withSizing(longAtMarket(), 3, null), TradingMode.AUTO, LAST, false, NOW));
        assertThat(plan.notional()).isEqualByComparingTo("120");
        assertThat(plan.quantity()).isEqualByComparingTo("0.0024");
    }

    @Test
    void aNotionalTooSmallForOneUnitIsRejectedNotRoundedUp() {
        Signal s = withSizing(longAtMarket(), null, d("0.0000001"));
        SignalDecision d = decider.decide(s, TradingMode.AUTO, LAST, false, NOW);
        assertThat(d.outcome()).isEqualTo(Outcome.REJECTED_INVALID);
        assertThat(d.reason()).isEqualTo("a notional of 0.0000001 USDT buys no quantity at 50000");
    }
}
