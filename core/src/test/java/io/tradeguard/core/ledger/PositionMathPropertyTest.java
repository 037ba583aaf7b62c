package io.tradeguard.core.ledger;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.tradeguard.core.testing.Reports.BTC;
import static io.tradeguard.core.testing.Reports.BTCUSDT;
import static org.assertj.core.api.Assertions.assertThat;

/** Accounting identities of the ledger for random fill sequences, exact to the last digit. */
class PositionMathPropertyTest {
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    record Trade(Side side, BigDecimal quantity, BigDecimal price, BigDecimal fee) {
    }

    @Provide
    Arbitrary<List<Trade>> fills() {
        Arbitrary<Trade> trade = Combinators.combine(
                Arbitraries.of(Side.BUY, Side.SELL),
                Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("50")).ofScale(3),
                Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("70000")).ofScale(2),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("5")).ofScale(8)
        ).as(Trade::new);
        return trade.list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<BigDecimal> marks() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("90000")).ofScale(2);
    }

    @Property(tries = 300)
    void quantityIsTheSignedSumAndPnlIsTheMarkedValueChangeMinusCommissions(
            @ForAll("fills") List<Trade> trades, @ForAll("marks") BigDecimal mark) {
        Run run = Run.of(trades);

        BigDecimal quantity = run.position == null ? BigDecimal.ZERO : run.position.quantity();
        assertThat(quantity).isEqualByComparingTo(run.signedSum);

        BigDecimal unrealized = run.position == null ? BigDecimal.ZERO : run.position.unrealizedPnl(mark);
        // cash flow of all fills + what the position is worth at the mark − every commission
        BigDecimal markToMarket = run.cash.add(quantity.multiply(mark)).subtract(run.fees);
        assertThat(run.realized.add(unrealized)).isEqualByComparingTo(markToMarket);
    }

    @Property(tries = 300)
    void closingEverythingLeavesNoQuantityAndNoUnrealizedPnl(@ForAll("fills") List<Trade> trades,
                                                            @ForAll("marks") BigDecimal exit) {
        Run run = Run.of(trades);
        List<Trade> all = new ArrayList<>(trades);
        if (run.signedSum.signum() != 0) {
            Side side = run.signedSum.signum() > 0 ? Side.SELL : Side.BUY;
            all.add(new Trade(side, run.signedSum.abs(), exit, new BigDecimal("0.1")));
        }
        Run closed = Run.of(all);

        assertThat(closed.position).isNull();
        assertThat(closed.realized).isEqualByComparingTo(closed.cash.subtract(closed.fees));
        assertThat(closed.trades).allSatisfy(t -> assertThat(t.quantity()).isPositive());
    }

    /** Applies the fills one by one and keeps the independent totals next to the ledger's. */
    private static final class Run {
        Position position;
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal signedSum = BigDecimal.ZERO;
        BigDecimal cash = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        final List<ClosedTrade> trades = new ArrayList<>();

        static Run of(List<Trade> trades) {
            Run run = new Run();
            long id = 1;
            for (Trade t : trades) {
                var outcome = PositionMath.apply(run.position, new LedgerFill(Market.SPOT, BTCUSDT, BTC, Asset.USDT,
                        t.side(), t.quantity(), t.price(), t.fee(), id, T0.plusSeconds(id), "MANUAL"), 1);
                id++;
                run.position = outcome.after();
                run.realized = run.realized.add(outcome.realized());
                if (outcome.closed() != null) {
                    run.trades.add(outcome.closed());
                }
                BigDecimal signed = t.side() == Side.BUY ? t.quantity() : t.quantity().negate();
                run.signedSum = run.signedSum.add(signed);
                run.cash = run.cash.subtract(signed.multiply(t.price()));
                run.fees = run.fees.add(t.fee());
            }
            return run;
        }
    }
}
