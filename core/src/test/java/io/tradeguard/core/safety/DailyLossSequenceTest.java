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
import io.tradeguard.core.testing.Coverage;
import io.tradeguard.core.testing.Decimals;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.constant;
import static org.quicktheories.generators.Generate.frequency;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

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

    Gen<List<Step>> days() {
        Gen<Boolean> open = integers().between(0, 1).map(i -> i > 0);
        Gen<BigDecimal> size = Decimals.between(new BigDecimal("0.001"), new BigDecimal("0.5"), 3);
        Gen<BigDecimal> stopDistance = Decimals.between(new BigDecimal("0.005"), new BigDecimal("0.2"), 3);
        Gen<Side> side = pick(List.of(Side.BUY, Side.SELL));
        Gen<Integer> symbol = integers().between(0, 5);
        Gen<Integer> which = integers().between(0, 20);
        Gen<BigDecimal> exitAt = frequency(
                Pair.of(3, constant(BigDecimal.ONE)),
                Pair.of(1, Decimals.between(BigDecimal.ONE, new BigDecimal("2"), 2)),
                Pair.of(3, Decimals.between(new BigDecimal("-0.3"), BigDecimal.ONE, 2)));
        Gen<Step> step = in -> new Step(open.generate(in), size.generate(in), stopDistance.generate(in), side.generate(in),
                symbol.generate(in), which.generate(in), exitAt.generate(in));
        return lists().of(step).ofSizeBetween(10, 80);
    }

    @Test
    void concurrentPositionsExitingWithinTheirStops() {
        Coverage nearLimit = new Coverage("the day's loss is at least 80% of the limit");
        qt().withExamples(300).forAll(days()).checkAssert(day -> run(day, false, nearLimit));
        nearLimit.requireAtLeast(10);
    }

    @Test
    void onePositionAtATimeMayGapThroughItsStop() {
        Coverage nearLimit = new Coverage("the day's loss is at least 80% of the limit");
        qt().withExamples(300).forAll(days()).checkAssert(day -> run(day, true, nearLimit));
        nearLimit.requireAtLeast(10);
    }

    private void run(List<Step> day, boolean sequential, Coverage nearLimit) {
        RiskConfig config = RiskConfig.defaults().without(Limit.MAX_CONSECUTIVE_LOSSES).without(Limit.EMERGENCY_DRAWDOWN_PCT)
                .without(Limit.MAX_POSITION_SIZE_USD).without(Limit.MAX_SYMBOL_EXPOSURE_PCT).without(Limit.MAX_PORTFOLIO_HEAT)
                .with(Limit.MAX_POSITION_SIZE_PCT, BigDecimal.ONE);
        RiskEngine engine = new RiskEngine(config);
        KillSwitch killSwitch = new KillSwitch(config, KillSwitchState.fresh(EQUITY, NOW));
        List<Trade> open = new ArrayList<>();
        BigDecimal worstSingleLoss = BigDecimal.ZERO;
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
        nearLimit.record(dayLoss.compareTo(new BigDecimal("400")) >= 0);
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
