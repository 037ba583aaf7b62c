package io.tradeguard.core.ledger;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.core.testing.Decimals;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.tradeguard.core.testing.Reports.BTC;
import static io.tradeguard.core.testing.Reports.BTCUSDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.SourceDSL.lists;

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

    Gen<List<Trade>> fills() {
        Gen<Side> side = pick(List.of(Side.BUY, Side.SELL));
        Gen<BigDecimal> quantity = Decimals.between(new BigDecimal("0.001"), new BigDecimal("50"), 3);
        Gen<BigDecimal> price = Decimals.between(new BigDecimal("0.01"), new BigDecimal("70000"), 2);
        Gen<BigDecimal> quoteFee = Decimals.between(BigDecimal.ZERO, new BigDecimal("5"), 8);
        Gen<BigDecimal> baseRate = Decimals.between(BigDecimal.ZERO, new BigDecimal("0.01"), 4);
        Gen<Boolean> inBase = pick(List.of(false, true));
        Gen<Trade> trade = in -> {
            Side s = side.generate(in);
            BigDecimal q = quantity.generate(in);
            BigDecimal p = price.generate(in);
            BigDecimal qf = quoteFee.generate(in);
            BigDecimal br = baseRate.generate(in);
            return inBase.generate(in)
                    ? new Trade(s, q, p, q.multiply(br).setScale(8, RoundingMode.DOWN), true)
                    : new Trade(s, q, p, qf, false);
        };
        return lists().of(trade).ofSizeBetween(1, 40);
    }

    Gen<BigDecimal> marks() {
        return Decimals.between(new BigDecimal("0.01"), new BigDecimal("90000"), 2);
    }

    @Test
    void quantityIsTheSignedSumAndPnlIsTheMarkedValueChangeMinusCommissions() {
        qt().withExamples(300).forAll(fills(), marks())
                .checkAssert(this::quantityIsTheSignedSumAndPnlIsTheMarkedValueChangeMinusCommissions);
    }

    void quantityIsTheSignedSumAndPnlIsTheMarkedValueChangeMinusCommissions(List<Trade> trades, BigDecimal mark) {
        Run run = Run.of(trades);

        BigDecimal quantity = run.position == null ? BigDecimal.ZERO : run.position.quantity();
        assertThat(quantity).isEqualByComparingTo(run.signedSum);

        BigDecimal unrealized = run.position == null ? BigDecimal.ZERO : run.position.unrealizedPnl(mark);
        // the wallet's view: USDT cash flow of all fills + the BTC held (net of BTC commissions) at the mark −
        // the commissions paid in USDT (a BTC commission is already missing from the BTC held)
        BigDecimal markToMarket = run.cash.add(quantity.multiply(mark)).subtract(run.quoteFees);
        assertThat(run.realized.add(unrealized)).isEqualByComparingTo(markToMarket);
    }

    @Test
    void everyCommissionIsCountedAsAFeeExactlyOnce() {
        qt().withExamples(300).forAll(fills()).checkAssert(this::everyCommissionIsCountedAsAFeeExactlyOnce);
    }

    void everyCommissionIsCountedAsAFeeExactlyOnce(List<Trade> trades) {
        Run run = Run.of(trades);

        BigDecimal open = run.position == null ? BigDecimal.ZERO : run.position.openFees();
        BigDecimal closedRoundTrips = run.trades.stream().map(ClosedTrade::fees).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal currentRoundTrip = run.position == null ? BigDecimal.ZERO
                : run.position.closedEntryFees().add(run.position.exitFees());
        // every commission in USDT: as given, or BTC × the fill's price
        assertThat(open.add(closedRoundTrips).add(currentRoundTrip)).isEqualByComparingTo(run.allFeesInQuote);
    }

    @Test
    void closingEverythingLeavesNoQuantityAndNoUnrealizedPnl() {
        qt().withExamples(300).forAll(fills(), marks()).checkAssert(this::closingEverythingLeavesNoQuantityAndNoUnrealizedPnl);
    }

    void closingEverythingLeavesNoQuantityAndNoUnrealizedPnl(List<Trade> trades, BigDecimal exit) {
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
