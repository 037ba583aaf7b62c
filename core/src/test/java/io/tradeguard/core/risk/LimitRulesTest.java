package io.tradeguard.core.risk;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.tradeguard.core.risk.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Open positions, leverage and slippage: at, just under and just over each limit. */
class LimitRulesTest {

    @Test
    void openPositionsCountsOnlyOrdersThatOpenANewOne() {
        OpenPositionsRule rule = new OpenPositionsRule(10);
        assertThat(check(rule, buy("1"), ctx().otherPositions(9).build())).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(rule, buy("1"), ctx().otherPositions(8).build())).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(rule, buy("1"), ctx().otherPositions(10).build())).isInstanceOfSatisfying(RuleResult.Rejected.class,
                r -> assertThat(r.reason()).contains("11 against a limit of 10"));
        RiskContext tenWithBtc = ctx().otherPositions(9)
                .position(new OpenPosition(Market.SPOT, BTC, Side.BUY, d("1"), d("100"), d("100"), d("90"), 1)).build();
        assertThat(check(rule, buy("1"), tenWithBtc)).isInstanceOf(RuleResult.Passed.class);
    }

    @Test
    void leverageCapAndHardCap() {
        RiskContext context = ctx().build();
        LeverageRule configured = new LeverageRule(10);
        assertThat(check(configured, futuresBuy("1", 10), context)).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(configured, futuresBuy("1", 9), context)).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(configured, futuresBuy("1", 11), context)).isInstanceOf(RuleResult.Rejected.class);
        RiskEngine limitOff = new RiskEngine(RiskConfig.defaults().without(Limit.MAX_LEVERAGE)
                .without(Limit.MAX_POSITION_SIZE_PCT).without(Limit.MAX_POSITION_SIZE_USD));
        assertThat(limitOff.check(futuresBuy("1", 20), context).result(RuleId.LEVERAGE)).isInstanceOf(RuleResult.Passed.class);
        // the fixture's stop lies 10 % below entry, beyond the liquidation at 20x (about 4 % below): that rule refuses it
        assertThat(limitOff.check(futuresBuy("1", 20), context).result(RuleId.LIQUIDATION_DISTANCE))
                .isInstanceOf(RuleResult.Rejected.class);
        ProposedOrder closeStop = new ProposedOrder(Market.FUTURES, BTC, Side.BUY, OrderType.LIMIT, d("1"), d("100"), 20,
                d("97"), Origin.SIGNAL, false, d("0.01"), d("0.01"));
        assertThat(limitOff.check(closeStop, context).approved()).isTrue();
        assertThat(limitOff.check(futuresBuy("1", 21), context).result(RuleId.LEVERAGE)).isInstanceOf(RuleResult.Rejected.class);
    }

    private static OrderBookView asks(String... priceQuantity) {
        List<BookLevel> levels = new java.util.ArrayList<>();
        for (int i = 0; i < priceQuantity.length; i += 2) {
            levels.add(new BookLevel(d(priceQuantity[i]), d(priceQuantity[i + 1])));
        }
        return new OrderBookView(List.of(new BookLevel(d("99.9"), d("1000"))), levels);
    }

    @Test
    void slippageFromTheBookAgainstTheLastPrice() {
        SlippageRule rule = new SlippageRule(d("0.005"), SlippageAction.REJECT);
        // average fill 100.5 for 10 = 0.5 % over the last price of 100
        assertThat(check(rule, marketBuy("10"), ctx().book(asks("100", "5", "101", "5")).build()))
                .isInstanceOfSatisfying(RuleResult.Passed.class, p -> {
                    assertThat(p.measure().actual()).isEqualByComparingTo("5");
                    assertThat(p.measure().limit()).isEqualByComparingTo("5");
                });
        assertThat(check(rule, marketBuy("10"), ctx().book(asks("100.49", "10")).build())).isInstanceOf(RuleResult.Passed.class);
        assertThat(check(rule, marketBuy("10"), ctx().book(asks("100.51", "10")).build()))
                .isInstanceOfSatisfying(RuleResult.Rejected.class, r -> assertThat(r.reason()).contains("0.51% against 0.5% allowed").contains("too thin"));
    }

    @Test
    void slippageOfASellWalksTheBids() {
        SlippageRule rule = new SlippageRule(d("0.005"), SlippageAction.REJECT);
        OrderBookView bids = new OrderBookView(List.of(new BookLevel(d("99.6"), d("4")), new BookLevel(d("99.4"), d("6"))),
                List.of(new BookLevel(d("100.1"), d("10"))));
        ProposedOrder sell = new ProposedOrder(Market.FUTURES, BTC, Side.SELL, OrderType.MARKET, d("10"), null, 5, d("110"),
                Origin.SIGNAL, false, d("0.01"), d("0.01"));
        // (4 × 99.6 + 6 × 99.4) / 10 = 99.48: 0.52 % below 100
        assertThat(check(rule, sell, ctx().book(bids).build())).isInstanceOf(RuleResult.Rejected.class);
        assertThat(check(rule, sell.withQuantity(d("4")), ctx().book(bids).build())).isInstanceOf(RuleResult.Passed.class);
    }

    @Test
    void slippageOverTheLimitCanConvertToALimitOrder() {
        SlippageRule rule = new SlippageRule(d("0.005"), SlippageAction.CONVERT_TO_LIMIT);
        assertThat(check(rule, marketBuy("10"), ctx().book(asks("101", "10")).build()))
                .isInstanceOfSatisfying(RuleResult.ConvertedToLimit.class, c -> {
                    assertThat(c.limitPrice()).isEqualByComparingTo("100.50");
                    assertThat(c.reason()).contains("limit order at 100.5");
                });
    }

    @Test
    void aThinBookOrNoBookIsRefusedAndLimitOrdersAreNotConcerned() {
        SlippageRule rule = new SlippageRule(d("0.005"), SlippageAction.CONVERT_TO_LIMIT);
        assertThat(check(rule, marketBuy("10"), ctx().book(asks("100", "4")).build()))
                .isInstanceOfSatisfying(RuleResult.Rejected.class, r -> assertThat(r.reason()).contains("only 4 of the 10"));
        assertThat(check(rule, marketBuy("10"), ctx().book(null).build())).isInstanceOf(RuleResult.Rejected.class);
        assertThat(check(rule, buy("10"), ctx().book(null).build())).isInstanceOf(RuleResult.Skipped.class);
    }
}
