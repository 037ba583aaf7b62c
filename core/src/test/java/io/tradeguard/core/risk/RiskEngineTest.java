package io.tradeguard.core.risk;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import org.junit.jupiter.api.Test;

import static io.tradeguard.core.risk.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class RiskEngineTest {
    private final RiskEngine engine = new RiskEngine(RiskConfig.defaults());

    @Test
    void aSmallOrderIsApprovedAsSafeWithEveryRuleListed() {
        RiskVerdict verdict = engine.check(buy("1"), ctx().build());
        assertThat(verdict.decision()).isEqualTo(RiskVerdict.Decision.APPROVED);
        assertThat(verdict.quantity()).isEqualByComparingTo("1");
        assertThat(verdict.results()).extracting(RuleResult::rule).containsExactlyInAnyOrder(RuleId.values());
        assertThat(verdict.result(RuleId.DAILY_LOSS_CAP)).isEqualTo(new RuleResult.Skipped(RuleId.DAILY_LOSS_CAP, RuleResult.Skipped.Why.SWITCHED_OFF));
        assertThat(verdict.score()).isLessThan(50);
        assertThat(verdict.safe()).isTrue();
    }

    @Test
    void anOversizedOrderIsReducedToTheTightestLimit() {
        // size limit 1000 → 10 units; heat 3000 → 300 units; free 10000 → 100 units
        RiskVerdict verdict = engine.check(buy("25"), ctx().build());
        assertThat(verdict.decision()).isEqualTo(RiskVerdict.Decision.ADJUSTED);
        assertThat(verdict.quantity()).isEqualByComparingTo("10");
        assertThat(verdict.summary()).contains("reduced from 25 to 10");
        assertThat(verdict.score()).isGreaterThanOrEqualTo(80);
    }

    @Test
    void withoutAutoAdjustAnOversizedOrderIsRejectedWithEveryFailedRule() {
        RiskVerdict verdict = new RiskEngine(RiskConfig.defaults().withAutoAdjust(false)).check(buy("25"), ctx().build());
        assertThat(verdict.decision()).isEqualTo(RiskVerdict.Decision.REJECTED);
        assertThat(verdict.quantity()).isNull();
        assertThat(verdict.score()).isEqualTo(100);
        assertThat(verdict.rejections()).extracting(RuleResult::rule)
                .containsExactlyInAnyOrder(RuleId.POSITION_SIZE, RuleId.POSITION_SIZE_CAP, RuleId.SYMBOL_EXPOSURE);
        assertThat(verdict.summary()).startsWith("Rejected: ").contains("automatic size reduction is switched off");
    }

    @Test
    void aRejectingRuleWinsOverAdjustments() {
        RiskVerdict verdict = engine.check(buy("25"), ctx().losses(3).build());
        assertThat(verdict.decision()).isEqualTo(RiskVerdict.Decision.REJECTED);
        assertThat(verdict.rejections()).extracting(RuleResult::rule).containsExactly(RuleId.CONSECUTIVE_LOSSES);
    }

    @Test
    void protectiveExitsAreNeverBlockedByEntryRules() {
        RiskContext hopeless = ctx().equity("50").losses(9).realized("-5000").free("0").otherPositions(30).book(null).build();
        ProposedOrder stopLoss = new ProposedOrder(Market.SPOT, BTC, Side.SELL, OrderType.MARKET, d("1000"), null, 1, null,
                Origin.PROTECTION, false, d("0.01"), d("0.01"));
        ProposedOrder reduceOnly = new ProposedOrder(Market.FUTURES, BTC, Side.SELL, OrderType.MARKET, d("1000"), null, 20, null,
                Origin.MANUAL, true, d("0.01"), d("0.01"));
        ProposedOrder flatten = stopLoss.withQuantity(d("5"));
        for (ProposedOrder exit : new ProposedOrder[] {stopLoss, reduceOnly, new ProposedOrder(Market.SPOT, BTC, Side.SELL,
                OrderType.MARKET, d("5"), null, 1, null, Origin.EMERGENCY, false, d("0"), d("0")), flatten}) {
            RiskVerdict verdict = engine.check(exit, hopeless);
            assertThat(verdict.decision()).isEqualTo(RiskVerdict.Decision.APPROVED);
            assertThat(verdict.quantity()).isEqualByComparingTo(exit.quantity());
            assertThat(verdict.results()).allMatch(r -> r instanceof RuleResult.Skipped s && s.why() == RuleResult.Skipped.Why.PROTECTIVE_EXIT);
        }
        assertThat(engine.check(buy("1"), hopeless).approved()).isFalse();
    }

    @Test
    void aMarketOrderOverTheSlippageLimitIsConvertedWhenConfigured() {
        RiskEngine converting = new RiskEngine(RiskConfig.defaults().withSlippageAction(SlippageAction.CONVERT_TO_LIMIT));
        OrderBookView thin = new OrderBookView(java.util.List.of(new BookLevel(d("99"), d("100"))),
                java.util.List.of(new BookLevel(d("101"), d("100"))));
        RiskVerdict verdict = converting.check(marketBuy("5"), ctx().book(thin).build());
        assertThat(verdict.decision()).isEqualTo(RiskVerdict.Decision.ADJUSTED);
        assertThat(verdict.limitPrice()).isEqualByComparingTo("100.50");
        assertThat(verdict.quantity()).isEqualByComparingTo("5");
        assertThat(engine.check(marketBuy("5"), ctx().book(thin).build()).decision()).isEqualTo(RiskVerdict.Decision.REJECTED);
    }

    @Test
    void switchedOffLimitsAreListedAndNotApplied() {
        RiskEngine lax = new RiskEngine(RiskConfig.defaults().without(Limit.MAX_POSITION_SIZE_PCT).without(Limit.MAX_POSITION_SIZE_USD)
                .without(Limit.MAX_SYMBOL_EXPOSURE_PCT));
        RiskVerdict verdict = lax.check(buy("25"), ctx().build());
        assertThat(verdict.decision()).isEqualTo(RiskVerdict.Decision.APPROVED);
        assertThat(verdict.result(RuleId.POSITION_SIZE).reason()).isEqualTo("position size as a share of equity: limit switched off.");
    }

    @Test
    void scoreFormula() {
        assertThat(RiskScore.fromUtilisations(0, 0, 3)).isZero();
        assertThat(RiskScore.fromUtilisations(5_000, 15_000, 3)).isEqualTo(50);
        assertThat(RiskScore.fromUtilisations(10_000, 10_000, 4)).isEqualTo(85);
        assertThat(RiskScore.fromUtilisations(10_000, 40_000, 4)).isEqualTo(100);
        assertThat(RiskScore.fromUtilisations(6_000, 6_000, 2)).isEqualTo(54);
    }
}
