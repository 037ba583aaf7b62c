package io.tradeguard.core.risk;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.Size;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.tradeguard.core.risk.Fixtures.NOW;
import static io.tradeguard.core.risk.Fixtures.d;
import static org.assertj.core.api.Assertions.assertThat;

class RiskPropertiesTest {

    @Property(tries = 500)
    void scoreNeverFallsWhenOneUtilisationRises(@ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 25_000) Integer> bps,
                                                @ForAll @IntRange(min = 0, max = 11) int which,
                                                @ForAll @IntRange(min = 1, max = 5_000) int rise) {
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

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<BigDecimal> equity = Arbitraries.bigDecimals().between(d("200"), d("100000")).ofScale(2);
        Arbitrary<BigDecimal> freeShare = Arbitraries.bigDecimals().between(d("0.01"), d("1")).ofScale(2);
        Arbitrary<BigDecimal> realizedShare = Arbitraries.bigDecimals().between(d("-0.04"), d("0.02")).ofScale(4);
        Arbitrary<BigDecimal> fee = Arbitraries.of(d("0"), d("0.001"), d("0.0004"));
        Arbitrary<List<OpenPosition>> positions = position().list().ofMaxSize(12);
        Arbitrary<ProposedOrder> order = Combinators.combine(
                Arbitraries.bigDecimals().between(d("0.001"), d("500")).ofScale(3),
                Arbitraries.bigDecimals().between(d("0.005"), d("0.3")).ofScale(3),
                Arbitraries.of(Market.SPOT, Market.FUTURES),
                Arbitraries.integers().between(1, 10),
                Arbitraries.of(Side.BUY, Side.SELL)).as((qty, stopDistance, market, leverage, side) -> {
                    BigDecimal price = d("100");
                    Side s = market == Market.SPOT ? Side.BUY : side;
                    BigDecimal stop = s == Side.BUY ? price.multiply(BigDecimal.ONE.subtract(stopDistance))
                            : price.multiply(BigDecimal.ONE.add(stopDistance));
                    return new ProposedOrder(market, Symbol.of("BTCUSDT"), s, OrderType.LIMIT, qty, price,
                            market == Market.SPOT ? 1 : leverage, stop, Origin.SIGNAL, false, d("0.001"), d("0.01"));
                });
        return Combinators.combine(equity, freeShare, realizedShare, fee, positions, order).as((e, f, r, fe, ps, o) ->
                new Scenario(new RiskContext(NOW, e, e, e.multiply(f), fe, Portfolio.of(ps), e.multiply(r), 0, d("100"),
                        Fixtures.deepBook()), o));
    }

    private static Arbitrary<OpenPosition> position() {
        return Combinators.combine(Arbitraries.of("BTCUSDT", "ETHUSDT", "BNBUSDT", "XRPUSDT"),
                Arbitraries.bigDecimals().between(d("0.1"), d("20")).ofScale(2),
                Arbitraries.bigDecimals().between(d("0.01"), d("0.2")).ofScale(2),
                Arbitraries.of(Side.BUY, Side.SELL)).as((sym, qty, dist, side) -> new OpenPosition(Market.FUTURES,
                Symbol.of(sym), side, qty, d("100"), d("100"),
                side == Side.BUY ? d("100").subtract(dist.movePointRight(2)) : d("100").add(dist.movePointRight(2)), 5));
    }

    @Property(tries = 400)
    void anAdjustedQuantityPassesEveryRuleItWasAdjustedFor(@ForAll("scenarios") Scenario scenario) {
        RiskEngine engine = new RiskEngine(RiskConfig.defaults());
        RiskVerdict verdict = engine.check(scenario.order(), scenario.context());
        Statistics.collect(verdict.decision());
        Statistics.coverage(c -> c.check(RiskVerdict.Decision.ADJUSTED).percentage(p -> p >= 20));
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
