package io.tradeguard.core.ledger;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.venue.Fill;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.tradeguard.core.testing.Reports.BTC;
import static io.tradeguard.core.testing.Reports.BTCUSDT;
import static org.assertj.core.api.Assertions.assertThat;

/** Accounting identities of the ledger for random fill sequences, exact to the last digit. */
class PositionMathPropertyTest {
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    /**
     * @param fee       the commission: in USDT, or when {@code feeInBase} in BTC (then a fraction of the quantity)
     * @param feeInBase true when the venue took the commission in the base asset (BTC)
     */
    record Trade(Side side, BigDecimal quantity, BigDecimal price, BigDecimal fee, boolean feeInBase) {
        Trade(Side side, BigDecimal quantity, BigDecimal price, BigDecimal fee) {
            this(side, quantity, price, fee, false);
        }
    }

    @Provide
    Arbitrary<List<Trade>> fills() {
        Arbitrary<Trade> trade = Combinators.combine(
                Arbitraries.of(Side.BUY, Side.SELL),
                Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("50")).ofScale(3),
                Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("70000")).ofScale(2),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("5")).ofScale(8),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("0.01")).ofScale(4),
                Arbitraries.of(false, true)
        ).as((side, quantity, price, quoteFee, baseRate, inBase) -> inBase
                ? new Trade(side, quantity, price, quantity.multiply(baseRate).setScale(8, RoundingMode.DOWN), true)
                : new Trade(side, quantity, price, quoteFee, false));
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
        // the wallet's view: USDT cash flow of all fills + the BTC held (net of BTC commissions) at the mark −
        // the commissions paid in USDT (a BTC commission is already missing from the BTC held)
        BigDecimal markToMarket = run.cash.add(quantity.multiply(mark)).subtract(run.quoteFees);
        assertThat(run.realized.add(unrealized)).isEqualByComparingTo(markToMarket);
    }

    @Property(tries = 300)
    void everyCommissionIsCountedAsAFeeExactlyOnce(@ForAll("fills") List<Trade> trades) {
        Run run = Run.of(trades);

        BigDecimal open = run.position == null ? BigDecimal.ZERO : run.position.openFees();
        BigDecimal closedRoundTrips = run.trades.stream().map(ClosedTrade::fees).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal currentRoundTrip = run.position == null ? BigDecimal.ZERO
                : run.position.closedEntryFees().add(run.position.exitFees());
        // every commission in USDT: as given, or BTC × the fill's price
        assertThat(open.add(closedRoundTrips).add(currentRoundTrip)).isEqualByComparingTo(run.allFeesInQuote);
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
        assertThat(closed.realized).isEqualByComparingTo(closed.cash.subtract(closed.quoteFees));
        assertThat(closed.trades).allSatisfy(t -> assertThat(t.quantity()).isPositive());
    }

    /** Applies the fills one by one and keeps the independent totals (a wallet) next to the ledger's. */
    private static final class Run {
        Position position;
        BigDecimal realized = BigDecimal.ZERO;
        /** BTC the wallet gained or lost: bought − sold − BTC commissions */
        BigDecimal signedSum = BigDecimal.ZERO;
        /** USDT paid and received for the fills, before USDT commissions */
        BigDecimal cash = BigDecimal.ZERO;
        BigDecimal quoteFees = BigDecimal.ZERO;
        BigDecimal allFeesInQuote = BigDecimal.ZERO;
        final List<ClosedTrade> trades = new ArrayList<>();

        static Run of(List<Trade> trades) {
            Run run = new Run();
            long id = 1;
            for (Trade t : trades) {
                Fill fill = new Fill(id, t.price(), t.quantity(), t.fee(), t.feeInBase() ? BTC : Asset.USDT, false,
                        T0.plusSeconds(id));
                BigDecimal feeInQuote = t.feeInBase() ? t.fee().multiply(t.price()) : t.fee();
                var outcome = PositionMath.apply(run.position, LedgerFill.of(Market.SPOT, BTCUSDT, BTC, Asset.USDT,
                        t.side(), fill, feeInQuote, "MANUAL"), 1);
                id++;
                run.position = outcome.after();
                run.realized = run.realized.add(outcome.realized());
                if (outcome.closed() != null) {
                    run.trades.add(outcome.closed());
                }
                BigDecimal signed = t.side() == Side.BUY ? t.quantity() : t.quantity().negate();
                BigDecimal baseFee = t.feeInBase() ? t.fee() : BigDecimal.ZERO;
                run.signedSum = run.signedSum.add(signed).subtract(baseFee);
                run.cash = run.cash.subtract(signed.multiply(t.price()));
                run.quoteFees = run.quoteFees.add(t.feeInBase() ? BigDecimal.ZERO : t.fee());
                run.allFeesInQuote = run.allFeesInQuote.add(feeInQuote);
            }
            return run;
        }
    }
}
