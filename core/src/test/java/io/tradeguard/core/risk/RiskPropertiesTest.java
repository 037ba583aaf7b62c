package io.tradeguard.core.risk;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.testing.Coverage;
import io.tradeguard.core.testing.Decimals;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.tradeguard.core.risk.Fixtures.NOW;
import static io.tradeguard.core.risk.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

class RiskPropertiesTest {

    @Test
    void scoreNeverFallsWhenOneUtilisationRises() {
        qt().withExamples(500).forAll(lists().of(integers().between(0, 25_000)).ofSizeBetween(1, 12),
                integers().between(0, 11), integers().between(1, 5_000)).checkAssert(this::scoreNeverFallsWhenOneUtilisationRises);
    }

    void scoreNeverFallsWhenOneUtilisationRises(List<Integer> bps, int which, int rise) {
        int index = which % bps.size();
        List<RuleResult> before = results(bps);
        List<Integer> raised = new ArrayList<>(bps);
        raised.set(index, bps.get(index) + rise);
        int scoreBefore = RiskScore.of(before);
        int scoreAfter = RiskScore.of(results(raised));
        assertThat(scoreAfter).isGreaterThanOrEqualTo(scoreBefore).isBetween(0, 100);
    }

    private static List<RuleResult> results(List<Integer> bps) {
        List<RuleResult> out = new ArrayList<>();
        RuleId[] ids = RuleId.values();
        for (int i = 0; i < bps.size(); i++) {
            out.add(new RuleResult.Passed(ids[i], Measure.max(BigDecimal.valueOf(10_000), BigDecimal.valueOf(bps.get(i)), Measure.Unit.AMOUNT)));
        }
        return out;
    }

    record Scenario(RiskContext context, ProposedOrder order) {
    }

    Gen<Scenario> scenarios() {
        Gen<BigDecimal> equity = Decimals.between(d("200"), d("100000"), 2);
        Gen<BigDecimal> freeShare = Decimals.between(d("0.01"), d("1"), 2);
        Gen<BigDecimal> realizedShare = Decimals.between(d("-0.04"), d("0.02"), 4);
        Gen<BigDecimal> fee = pick(List.of(d("0"), d("0.001"), d("0.0004")));
        Gen<List<OpenPosition>> positions = lists().of(position()).ofSizeBetween(0, 12);
        Gen<ProposedOrder> order = Decimals.between(d("0.001"), d("500"), 3).zip(
                Decimals.between(d("0.005"), d("0.3"), 3),
                pick(List.of(Market.SPOT, Market.FUTURES)),
                integers().between(1, 10),
                pick(List.of(Side.BUY, Side.SELL)), (qty, stopDistance, market, leverage, side) -> {
                    BigDecimal price = d("100");
                    Side s = market == Market.SPOT ? Side.BUY : side;
                    BigDecimal stop = s == Side.BUY ? price.multiply(BigDecimal.ONE.subtract(stopDistance))
                            : price.multiply(BigDecimal.ONE.add(stopDistance));
                    return new ProposedOrder(market, Symbol.of("BTCUSDT"), s, OrderType.LIMIT, qty, price,
                            market == Market.SPOT ? 1 : leverage, stop, Origin.SIGNAL, false, d("0.001"), d("0.01"));
                });
        return in -> {
            BigDecimal e = equity.generate(in);
            BigDecimal f = freeShare.generate(in);
            BigDecimal r = realizedShare.generate(in);
            BigDecimal fe = fee.generate(in);
            List<OpenPosition> ps = positions.generate(in);
            ProposedOrder o = order.generate(in);
            return new Scenario(new RiskContext(NOW, e, e, e.multiply(f), fe, Portfolio.of(ps), e.multiply(r), 0, d("100"),
                    Fixtures.deepBook()), o);
        };
    }

    private static Gen<OpenPosition> position() {
        return pick(List.of("BTCUSDT", "ETHUSDT", "BNBUSDT", "XRPUSDT")).zip(
                Decimals.between(d("0.1"), d("20"), 2),
                Decimals.between(d("0.01"), d("0.2"), 2),
                pick(List.of(Side.BUY, Side.SELL)), (sym, qty, dist, side) -> new OpenPosition(Market.FUTURES,
                Symbol.of(sym), side, qty, d("100"), d("100"),
                side == Side.BUY ? d("100").subtract(dist.movePointRight(2)) : d("100").add(dist.movePointRight(2)), 5));
    }

    @Test
    void anAdjustedQuantityPassesEveryRuleItWasAdjustedFor() {
        Coverage adjusted = new Coverage("the verdict is ADJUSTED");
        qt().withExamples(400).forAll(scenarios())
                .checkAssert(scenario -> anAdjustedQuantityPassesEveryRuleItWasAdjustedFor(scenario, adjusted));
        adjusted.requireAtLeast(20);
    }

    void anAdjustedQuantityPassesEveryRuleItWasAdjustedFor(Scenario scenario, Coverage adjusted) {
        RiskEngine engine = new RiskEngine(RiskConfig.defaults());
        RiskVerdict verdict = engine.check(scenario.order(), scenario.context());
        adjusted.record(verdict.decision() == RiskVerdict.Decision.ADJUSTED);
        if (verdict.decision() != RiskVerdict.Decision.ADJUSTED) {
            return;
        }
        assertThat(verdict.quantity()).isLessThan(scenario.order().quantity()).isPositive();
        RiskVerdict again = engine.check(scenario.order().withQuantity(verdict.quantity()), scenario.context());
        assertThat(again.decision()).isEqualTo(RiskVerdict.Decision.APPROVED);
        for (RuleResult first : verdict.results()) {
            if (first instanceof RuleResult.Adjusted) {
                assertThat(again.result(first.rule())).isInstanceOf(RuleResult.Passed.class);
            }
        }
    }
}
