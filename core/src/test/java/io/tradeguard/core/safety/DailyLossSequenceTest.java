package io.tradeguard.core.safety;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.risk.BookLevel;
import io.tradeguard.core.risk.Limit;
import io.tradeguard.core.risk.OpenPosition;
import io.tradeguard.core.risk.OrderBookView;
import io.tradeguard.core.risk.Origin;
import io.tradeguard.core.risk.Portfolio;
import io.tradeguard.core.risk.ProposedOrder;
import io.tradeguard.core.risk.RiskConfig;
import io.tradeguard.core.risk.RiskContext;
import io.tradeguard.core.risk.RiskEngine;
import io.tradeguard.core.risk.RiskVerdict;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A day of trading through the pre-trade rules and the kill switch: entries of random size and stop, and
 * exits anywhere between the take-profit side and the stop (or, one position at a time, gapping through
 * the stop). The day's realized loss never passes the limit by more than one order's loss.
 */
class DailyLossSequenceTest {
    private static final BigDecimal EQUITY = new BigDecimal("10000");
    private static final BigDecimal LIMIT = new BigDecimal("500");
    private static final BigDecimal FEE = new BigDecimal("0.001");
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final OrderBookView BOOK = new OrderBookView(List.of(new BookLevel(BigDecimal.ONE, new BigDecimal("1e9"))),
            List.of(new BookLevel(new BigDecimal("1e6"), new BigDecimal("1e9"))));

    /** Open (fraction of equity, stop distance, side, symbol) or close (which, where between target and stop). */
    record Step(boolean open, BigDecimal size, BigDecimal stopDistance, Side side, int symbol, int which, BigDecimal exitAt) {
    }

    record Trade(Symbol symbol, Side side, BigDecimal quantity, BigDecimal entry, BigDecimal stop) {
    }

    @Provide
    Arbitrary<List<Step>> days() {
        return Combinators.combine(Arbitraries.integers().between(0, 1).map(i -> i > 0),
                Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("0.5")).ofScale(3),
                Arbitraries.bigDecimals().between(new BigDecimal("0.005"), new BigDecimal("0.2")).ofScale(3),
                Arbitraries.of(Side.BUY, Side.SELL), Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 20),
                Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.just(BigDecimal.ONE)),
                        Tuple.of(1, Arbitraries.bigDecimals().between(BigDecimal.ONE, new BigDecimal("2")).ofScale(2)),
                        Tuple.of(3, Arbitraries.bigDecimals().between(new BigDecimal("-0.3"), BigDecimal.ONE).ofScale(2))))
                .as(Step::new).list().ofMinSize(10).ofMaxSize(80);
    }

    @Property(tries = 300)
    void concurrentPositionsExitingWithinTheirStops(@ForAll("days") List<Step> day) {
        run(day, false);
    }

    @Property(tries = 300)
    void onePositionAtATimeMayGapThroughItsStop(@ForAll("days") List<Step> day) {
        run(day, true);
    }

    private void run(List<Step> day, boolean sequential) {
        RiskConfig config = RiskConfig.defaults().without(Limit.MAX_CONSECUTIVE_LOSSES).without(Limit.EMERGENCY_DRAWDOWN_PCT)
                .without(Limit.MAX_POSITION_SIZE_USD).without(Limit.MAX_SYMBOL_EXPOSURE_PCT).without(Limit.MAX_PORTFOLIO_HEAT)
                .with(Limit.MAX_POSITION_SIZE_PCT, BigDecimal.ONE);
        RiskEngine engine = new RiskEngine(config);
        KillSwitch killSwitch = new KillSwitch(config, KillSwitchState.fresh(EQUITY, NOW));
        List<Trade> open = new ArrayList<>();
        BigDecimal worstSingleLoss = BigDecimal.ZERO;
        int entries = 0;
        for (Step step : day) {
            BigDecimal equity = EQUITY.add(killSwitch.state().dailyPnl());
            if (step.open()) {
                if (killSwitch.blocksEntries() || sequential && !open.isEmpty()) {
                    continue;
                }
                BigDecimal price = new BigDecimal(100 + step.symbol());
                BigDecimal stop = step.side() == Side.BUY ? price.multiply(BigDecimal.ONE.subtract(step.stopDistance()))
                        : price.multiply(BigDecimal.ONE.add(step.stopDistance()));
                Symbol symbol = Symbol.of("S" + step.symbol() + "USDT");
                BigDecimal quantity = step.size().multiply(EQUITY).divide(price, 3, java.math.RoundingMode.DOWN);
                if (quantity.signum() == 0) {
                    continue;
                }
                ProposedOrder order = new ProposedOrder(Market.FUTURES, symbol, step.side(), OrderType.LIMIT, quantity, price, 2,
                        stop, Origin.SIGNAL, false, new BigDecimal("0.001"), new BigDecimal("0.01"));
                RiskVerdict verdict = engine.check(order, context(equity, killSwitch, open));
                if (verdict.approved()) {
                    open.add(new Trade(symbol, step.side(), verdict.quantity(), price, stop));
                    entries++;
                }
            } else if (!open.isEmpty()) {
                Trade trade = open.remove(step.which() % open.size());
                BigDecimal exitAt = sequential ? step.exitAt() : step.exitAt().min(BigDecimal.ONE);
                BigDecimal exit = trade.entry().add(trade.stop().subtract(trade.entry()).multiply(exitAt));
                BigDecimal move = exit.subtract(trade.entry()).multiply(trade.quantity());
                BigDecimal pnl = (trade.side() == Side.BUY ? move : move.negate())
                        .subtract(trade.entry().add(exit).multiply(trade.quantity()).multiply(FEE));
                worstSingleLoss = worstSingleLoss.max(pnl.negate());
                killSwitch.recordTrade(pnl, equity.add(pnl), NOW);
                BigDecimal loss = killSwitch.state().dailyPnl().negate();
                assertThat(loss).isLessThanOrEqualTo(LIMIT.add(worstSingleLoss));
                if (!sequential) {
                    assertThat(loss).isLessThanOrEqualTo(LIMIT);
                }
                if (loss.compareTo(LIMIT) >= 0) {
                    assertThat(killSwitch.blocksEntries()).isTrue();
                }
            }
        }
        BigDecimal dayLoss = killSwitch.state().dailyPnl().negate();
        Statistics.label("day's loss").collect(dayLoss.compareTo(new BigDecimal("400")) >= 0 ? "at least 80% of the limit" : "less");
        Statistics.label("day's loss").coverage(c -> c.check("at least 80% of the limit").percentage(p -> p >= 10));
        Statistics.label("entries").collect(entries > 5 ? "over 5" : "5 or fewer");
    }

    private static RiskContext context(BigDecimal equity, KillSwitch killSwitch, List<Trade> open) {
        List<OpenPosition> positions = new ArrayList<>();
        for (Trade t : open) {
            positions.add(new OpenPosition(Market.FUTURES, t.symbol(), t.side(), t.quantity(), t.entry(), t.entry(), t.stop(), 2));
        }
        KillSwitchState s = killSwitch.state();
        return new RiskContext(NOW, equity, s.startOfDayEquity(), new BigDecimal("1e9"), FEE, Portfolio.of(positions),
                s.dailyPnl(), s.consecutiveLosses(), new BigDecimal("100"), BOOK);
    }
}
