package io.tradeguard.core.risk;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import org.junit.jupiter.api.Test;

import static io.tradeguard.core.risk.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Free balance, position size (% and cap) and symbol exposure: at, just under and just over each limit. */
class SizeRulesTest {

    @Test
    void freeBalanceAtUnderAndOver() {
        FreeBalanceRule rule = new FreeBalanceRule(true);
        RiskContext context = ctx().free("1000").build();
        assertThat(check(rule, buy("10"), context)).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(rule, buy("9.99"), context)).isInstanceOf(RuleResult.Passed.class);
        RuleResult over = check(rule, buy("10.01"), context);
        assertThat(over).isInstanceOfSatisfying(RuleResult.Adjusted.class,
                a -> assertThat(a.quantity()).isEqualByComparingTo("10.00"));
    }

    @Test
    void freeBalanceCountsTheFee() {
        RuleResult result = check(new FreeBalanceRule(true), buy("10"), ctx().free("1000").fee("0.001").build());
        // 10 × 100 × 1.001 = 1001 > 1000; 1000 / 100.1 = 9.99000… → 9.99 on the step
        assertThat(result).isInstanceOfSatisfying(RuleResult.Adjusted.class, a -> {
            assertThat(a.quantity()).isEqualByComparingTo("9.99");
            assertThat(a.measure().actual()).isEqualByComparingTo("1001");
            assertThat(a.measure().margin()).isEqualByComparingTo("-1");
        });
    }

    @Test
    void futuresNeedsOnlyTheMarginAtTheLeverage() {
        FreeBalanceRule rule = new FreeBalanceRule(true);
        RiskContext context = ctx().free("100").build();
        assertThat(check(rule, futuresBuy("10", 10), context)).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(rule, futuresBuy("10.01", 10), context)).isInstanceOf(RuleResult.Adjusted.class);
        assertThat(check(rule, futuresBuy("10", 5), context)).isInstanceOf(RuleResult.Adjusted.class);
    }

    @Test
    void spotSellNeedsTheBaseQuantity() {
        ProposedOrder sell = new ProposedOrder(Market.SPOT, BTC, Side.SELL, io.tradeguard.core.model.OrderType.LIMIT, d("2"),
                d("100"), 1, null, Origin.MANUAL, false, d("0.01"), d("0.01"));
        assertThat(check(new FreeBalanceRule(false), sell, ctx().free("2").build())).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(new FreeBalanceRule(false), sell, ctx().free("1.99").build()))
                .isInstanceOfSatisfying(RuleResult.Rejected.class, r -> assertThat(r.reason()).contains("switched off"));
    }

    @Test
    void positionSizeAsShareOfEquity() {
        PositionSizeRule rule = new PositionSizeRule(d("0.10"), true);
        RiskContext context = ctx().build();
        assertThat(check(rule, buy("10"), context)).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(rule, buy("9.99"), context)).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(rule, buy("10.01"), context)).isInstanceOfSatisfying(RuleResult.Adjusted.class, a -> {
            assertThat(a.quantity()).isEqualByComparingTo("10");
            assertThat(a.reason()).contains("reduced from 10.01 to 10");
        });
        assertThat(check(new PositionSizeRule(d("0.10"), false), buy("10.01"), context)).isInstanceOf(RuleResult.Rejected.class);
    }

    @Test
    void positionSizeAbsoluteCap() {
        PositionSizeCapRule rule = new PositionSizeCapRule(d("1000"), true);
        RiskContext rich = ctx().equity("1000000").build();
        assertThat(check(rule, buy("10"), rich)).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(rule, buy("9.99"), rich)).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(rule, buy("10.01"), rich)).isInstanceOfSatisfying(RuleResult.Adjusted.class,
                a -> assertThat(a.quantity()).isEqualByComparingTo("10"));
    }

    @Test
    void symbolExposureCountsWhatIsHeldOnEveryMarket() {
        SymbolExposureRule rule = new SymbolExposureRule(d("0.20"), true);
        RiskContext context = ctx()
                .position(new OpenPosition(Market.SPOT, BTC, Side.BUY, d("10"), d("100"), d("100"), d("90"), 1))
                .position(new OpenPosition(Market.FUTURES, BTC, Side.SELL, d("5"), d("100"), d("100"), d("110"), 5))
                .position(new OpenPosition(Market.SPOT, ETH, Side.BUY, d("50"), d("100"), d("100"), d("90"), 1))
                .build();
        // held on BTC: 1000 + 500 = 1500 of an allowed 2000
        assertThat(check(rule, buy("5"), context)).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(rule, buy("4.99"), context)).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(rule, buy("5.01"), context)).isInstanceOfSatisfying(RuleResult.Adjusted.class,
                a -> assertThat(a.quantity()).isEqualByComparingTo("5"));
    }

    @Test
    void noRoomLeftIsARejectionNotAZeroQuantity() {
        SymbolExposureRule rule = new SymbolExposureRule(d("0.20"), true);
        RiskContext full = ctx().position(new OpenPosition(Market.SPOT, BTC, Side.BUY, d("20"), d("100"), d("100"), d("90"), 1)).build();
        assertThat(check(rule, buy("1"), full)).isInstanceOfSatisfying(RuleResult.Rejected.class,
                r -> assertThat(r.reason()).contains("no room"));
    }
}
