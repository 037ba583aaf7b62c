package io.tradeguard.core.risk;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import org.junit.jupiter.api.Test;

import static io.tradeguard.core.risk.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Daily loss (% and cap), consecutive losses, minimum balance, portfolio heat: at, just under, just over. */
class LossRulesTest {
    private final DailyLossRule dailyPct = new DailyLossRule(RuleId.DAILY_LOSS, d("0.05"), true, true);

    @Test
    void dailyLossCountsRealizedLossAndTheOrdersWorstLoss() {
        RiskContext context = ctx().realized("-400").build();
        // limit 500; order 10 @ 100 with stop 90 loses 100 at worst
        assertThat(check(dailyPct, buy("10"), context)).isInstanceOfSatisfying(RuleResult.Passed.class,
                p -> assertThat(p.measure().actual()).isEqualByComparingTo("500"));
        assertThat(check(dailyPct, buy("9.99"), context)).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(dailyPct, buy("10.01"), context)).isInstanceOfSatisfying(RuleResult.Adjusted.class,
                a -> assertThat(a.quantity()).isEqualByComparingTo("10"));
    }

    @Test
    void dailyLossCountsOpenPositionsAtTheirStops() {
        RiskContext context = ctx().realized("-300")
                .position(new OpenPosition(Market.SPOT, ETH, Side.BUY, d("10"), d("100"), d("100"), d("90"), 1))
                .build();
        // 300 realized + 100 at the ETH stop + 100 for this order = 500
        assertThat(check(dailyPct, buy("10"), context)).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(dailyPct, buy("10.01"), context)).isInstanceOf(RuleResult.Adjusted.class);
    }

    @Test
    void dailyLossUsedUpRejectsEvenTheSmallestOrder() {
        RuleResult result = check(dailyPct, buy("0.01"), ctx().realized("-500").build());
        assertThat(result).isInstanceOfSatisfying(RuleResult.Rejected.class,
                r -> assertThat(r.reason()).contains("used up").contains("00:00 UTC"));
    }

    @Test
    void todaysProfitWidensTheBudget() {
        assertThat(check(dailyPct, buy("60"), ctx().realized("100").build())).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(dailyPct, buy("60.01"), ctx().realized("100").build())).isInstanceOf(RuleResult.Adjusted.class);
    }

    @Test
    void dailyLossAbsoluteCap() {
        DailyLossRule cap = new DailyLossRule(RuleId.DAILY_LOSS_CAP, d("50"), false, false);
        RiskContext context = ctx().realized("-40").build();
        assertThat(check(cap, buy("1"), context)).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(cap, buy("0.99"), context)).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(cap, buy("1.01"), context)).isInstanceOf(RuleResult.Rejected.class);
    }

    @Test
    void withoutAStopTheWholeMarginIsAtRisk() {
        ProposedOrder unprotected = new ProposedOrder(Market.FUTURES, BTC, Side.BUY, io.tradeguard.core.model.OrderType.LIMIT,
                d("50"), d("100"), 10, null, Origin.MANUAL, false, d("0.01"), d("0.01"));
        // margin 50 × 100 / 10 = 500 = the limit
        assertThat(check(dailyPct, unprotected, ctx().build())).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(dailyPct, unprotected.withQuantity(d("50.01")), ctx().build())).isInstanceOf(RuleResult.Adjusted.class);
    }

    @Test
    void consecutiveLossesStopEntriesAtTheLimit() {
        ConsecutiveLossesRule rule = new ConsecutiveLossesRule(3);
        assertThat(check(rule, buy("1"), ctx().losses(2).build())).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(rule, buy("1"), ctx().losses(3).build())).isInstanceOfSatisfying(RuleResult.Rejected.class,
                r -> assertThat(r.reason()).contains("losing trades in a row").contains("admin reset"));
        assertThat(check(rule, buy("1"), ctx().losses(4).build())).isInstanceOf(RuleResult.Rejected.class);
    }

    @Test
    void minimumAccountBalance() {
        MinAccountBalanceRule rule = new MinAccountBalanceRule(d("100"));
        assertThat(check(rule, buy("0.1"), ctx().equity("100").build())).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(rule, buy("0.1"), ctx().equity("100.01").build())).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(rule, buy("0.1"), ctx().equity("99.99").build())).isInstanceOfSatisfying(RuleResult.Rejected.class,
                r -> assertThat(r.reason()).contains("99.99 against a minimum of 100, past it by 0.01"));
    }

    @Test
    void portfolioHeat() {
        PortfolioHeatRule rule = new PortfolioHeatRule(d("0.30"), true);
        // 29 positions of 10 @ 100, stop 90: heat 2900 of an allowed 3000; this order adds 100 at 10 units
        Ctx base = ctx();
        for (int i = 0; i < 29; i++) {
            base.position(new OpenPosition(Market.SPOT, io.tradeguard.core.model.Symbol.of("S" + i + "USDT"), Side.BUY,
                    d("10"), d("100"), d("100"), d("90"), 1));
        }
        RiskContext context = base.build();
        assertThat(check(rule, buy("10"), context)).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(rule, buy("9.99"), context)).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(rule, buy("10.01"), context)).isInstanceOfSatisfying(RuleResult.Adjusted.class,
                a -> assertThat(a.quantity()).isEqualByComparingTo("10"));
    }

    @Test
    void aStopLockedInProfitAddsNoHeat() {
        OpenPosition trailed = new OpenPosition(Market.SPOT, ETH, Side.BUY, d("10"), d("100"), d("130"), d("120"), 1);
        OpenPosition shortAtRisk = new OpenPosition(Market.FUTURES, ETH, Side.SELL, d("10"), d("100"), d("100"), d("105"), 5);
        Portfolio portfolio = Portfolio.of(java.util.List.of(trailed, shortAtRisk));
        assertThat(portfolio.lossToStops()).isEqualByComparingTo("50");
        assertThat(portfolio.pnlAtStops()).isEqualByComparingTo("150");
    }
}
