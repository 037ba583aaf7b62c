package io.tradeguard.core.ledger;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.venue.Fill;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import static io.tradeguard.core.testing.Reports.BTC;
import static io.tradeguard.core.testing.Reports.BTCUSDT;
import static io.tradeguard.core.testing.Reports.d;
import static org.assertj.core.api.Assertions.assertThat;

/** Hand-calculated examples; the arithmetic is written in each test's comments. */
class PositionMathTest {
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static long ids = 100;

    private static LedgerFill fill(Side side, String quantity, String price, String feeInQuote) {
        ids++;
        return new LedgerFill(Market.SPOT, BTCUSDT, BTC, Asset.USDT, side, d(quantity), d(price), d(feeInQuote), ids,
                T0.plusSeconds(ids), "MANUAL");
    }

    @Test
    void aLongRoundTripRealizesNetOfBothSidesCommissionsInQuote() {
        var open = PositionMath.apply(null, fill(Side.BUY, "2", "100", "0.2"), 1);
        var close = PositionMath.apply(open.after(), fill(Side.SELL, "2", "110", "0.22"), 1);

        // 2 × 110 − 2 × 100 − 0.2 − 0.22 = 19.58
        assertThat(close.after()).isNull();
        assertThat(close.realized()).isEqualByComparingTo("19.58");
        ClosedTrade trade = close.closed();
        assertThat(trade.side()).isEqualTo(PositionSide.LONG);
        assertThat(trade.quantity()).isEqualByComparingTo("2");
        assertThat(trade.entryPrice()).isEqualByComparingTo("100");
        assertThat(trade.exitPrice()).isEqualByComparingTo("110");
        assertThat(trade.fees()).isEqualByComparingTo("0.42");
        assertThat(trade.realizedPnl()).isEqualByComparingTo("19.58");
        // stake = (200 + 0.2) / 1; 19.58 / 200.2 = 0.097802197802…
        assertThat(trade.pnlRatio()).isEqualByComparingTo("0.097802197802");
        assertThat(trade.openedAt()).isBefore(trade.closedAt());
    }

    @Test
    void aBuyWhoseCommissionIsInTheBaseAssetHoldsWhatTheWalletHoldsAndCountsTheCommissionOnce() {
        Fill buy = new Fill(1, d("100"), d("1"), d("0.001"), BTC, false, T0);
        BigDecimal fee = FeeConverter.toQuote(buy, BTC, Asset.USDT, a -> Optional.empty()).orElseThrow();
        var open = PositionMath.apply(null, LedgerFill.of(Market.SPOT, BTCUSDT, BTC, Asset.USDT, Side.BUY, buy, fee, "MANUAL"), 1);

        // fee 0.001 BTC × 100 = 0.1 USDT; the wallet got 1 − 0.001 = 0.999 BTC for 100 USDT
        // entry cost 0.999 × 100 = 99.9, entry fee 0.1: 99.9 + 0.1 = the 100 USDT paid
        assertThat(fee).isEqualByComparingTo("0.1");
        Position position = open.after();
        assertThat(position.quantity()).isEqualByComparingTo("0.999");
        assertThat(position.entryPrice()).isEqualByComparingTo("100");
        assertThat(position.entryCost()).isEqualByComparingTo("99.9");
        assertThat(position.openFees()).isEqualByComparingTo("0.1");

        // all of it sold at 90, fee 0.1 % in USDT: 0.999 × 90 = 89.91, fee 0.08991
        // 89.91 − 99.9 − 0.1 − 0.08991 = −10.17991 (= 89.91 − 0.08991 received − 100 paid)
        var close = PositionMath.apply(position, fill(Side.SELL, "0.999", "90", "0.08991"), 1);
        assertThat(close.after()).isNull();
        assertThat(close.closed().quantity()).isEqualByComparingTo("0.999");
        assertThat(close.closed().fees()).isEqualByComparingTo("0.18991");
        assertThat(close.closed().realizedPnl()).isEqualByComparingTo("-10.17991");
        assertThat(close.closed().isLoss()).isTrue();
    }

    @Test
    void aSellWhoseCommissionIsInTheBaseAssetTakesItFromThePosition() {
        var open = PositionMath.apply(null, fill(Side.BUY, "2", "100", "0"), 1);
        Fill sell = new Fill(2, d("110"), d("1"), d("0.001"), BTC, false, T0.plusSeconds(1));
        var reduce = PositionMath.apply(open.after(), LedgerFill.of(Market.SPOT, BTCUSDT, BTC, Asset.USDT, Side.SELL,
                sell, d("0.11"), "MANUAL"), 1);

        // the wallet gave 1 + 0.001 = 1.001 BTC and received 1 × 110 = 110 USDT
        // exit value 1.001 × 110 = 110.11, exit fee 0.001 × 110 = 0.11, cost 1.001 × 100 = 100.1
        // 110.11 − 100.1 − 0.11 = 9.9 (= 110 received − 100.1 paid for what left the wallet)
        assertThat(reduce.after().quantity()).isEqualByComparingTo("0.999");
        assertThat(reduce.after().entryCost()).isEqualByComparingTo("99.9");
        assertThat(reduce.realized()).isEqualByComparingTo("9.9");
        assertThat(reduce.after().exitFees()).isEqualByComparingTo("0.11");
    }

    @Test
    void aCommissionInTheBaseAssetChangesNoFuturesPositionAndNoQuoteCommissionChangesAny() {
        Fill futures = new Fill(3, d("100"), d("1"), d("0.001"), BTC, false, T0);
        Fill quote = new Fill(4, d("100"), d("1"), d("0.1"), Asset.USDT, false, T0);

        assertThat(LedgerFill.of(Market.FUTURES, BTCUSDT, BTC, Asset.USDT, Side.BUY, futures, d("0.1"), "MANUAL").quantity())
                .isEqualByComparingTo("1");
        assertThat(LedgerFill.of(Market.SPOT, BTCUSDT, BTC, Asset.USDT, Side.BUY, quote, d("0.1"), "MANUAL").quantity())
                .isEqualByComparingTo("1");
    }

    @Test
    void aCommissionInBnbCountsAtTheGivenBnbPrice() {
        Fill buy = new Fill(1, d("100"), d("1"), d("0.0005"), Asset.BNB, false, T0);

        // 0.0005 BNB × 300 = 0.15 USDT
        assertThat(FeeConverter.toQuote(buy, BTC, Asset.USDT, a -> a.equals(Asset.BNB) ? Optional.of(d("300")) : Optional.empty()))
                .hasValueSatisfying(f -> assertThat(f).isEqualByComparingTo("0.15"));
        assertThat(FeeConverter.toQuote(buy, BTC, Asset.USDT, a -> Optional.empty())).isEmpty();
    }

    @Test
    void aShortIsReducedThenClosedWithTheFeesSharedProRata() {
        var open = PositionMath.apply(null, fill(Side.SELL, "3", "50", "0.15"), 1);
        assertThat(open.after().side()).isEqualTo(PositionSide.SHORT);

        var reduce = PositionMath.apply(open.after(), fill(Side.BUY, "1", "40", "0.04"), 1);
        // closed cost 150 × 1/3 = 50, entry fee share 0.05: (50 − 40) − 0.05 − 0.04 = 9.91
        assertThat(reduce.realized()).isEqualByComparingTo("9.91");
        Position rest = reduce.after();
        assertThat(rest.quantity()).isEqualByComparingTo("-2");
        assertThat(rest.entryPrice()).isEqualByComparingTo("50");
        assertThat(rest.openFees()).isEqualByComparingTo("0.10");
        // at 45: (100 − 2 × 45) − 0.10 = 9.9; exposure 90
        assertThat(rest.unrealizedPnl(d("45"))).isEqualByComparingTo("9.9");
        assertThat(rest.exposure(d("45"))).isEqualByComparingTo("90");

        var close = PositionMath.apply(rest, fill(Side.BUY, "2", "60", "0.12"), 1);
        // (100 − 120) − 0.10 − 0.12 = −20.22; round trip 9.91 − 20.22 = −10.31
        assertThat(close.realized()).isEqualByComparingTo("-20.22");
        ClosedTrade trade = close.closed();
        assertThat(trade.side()).isEqualTo(PositionSide.SHORT);
        assertThat(trade.realizedPnl()).isEqualByComparingTo("-10.31");
        assertThat(trade.quantity()).isEqualByComparingTo("3");
        assertThat(trade.entryPrice()).isEqualByComparingTo("50");
        // (40 + 120) / 3
        assertThat(trade.exitPrice()).isEqualByComparingTo("53.333333333333");
        assertThat(trade.fees()).isEqualByComparingTo("0.31");
        // −10.31 / 150.15
        assertThat(trade.pnlRatio()).isEqualByComparingTo("-0.068664668665");
    }

    @Test
    void aFillLargerThanThePositionClosesItAndOpensTheOtherSide() {
        var open = PositionMath.apply(null, fill(Side.BUY, "1", "100", "0.1"), 1);
        LedgerFill flip = fill(Side.SELL, "3", "110", "0.33");
        var flipped = PositionMath.apply(open.after(), flip, 1);

        // closing 1 of 3: exit fee 0.11; 110 − 100 − 0.1 − 0.11 = 9.79
        assertThat(flipped.closed().realizedPnl()).isEqualByComparingTo("9.79");
        Position shortSide = flipped.after();
        assertThat(shortSide.quantity()).isEqualByComparingTo("-2");
        assertThat(shortSide.entryCost()).isEqualByComparingTo("220");
        assertThat(shortSide.openFees()).isEqualByComparingTo("0.22");
        assertThat(shortSide.positionId()).isEqualTo("spot:BTCUSDT:" + flip.fillId());
        assertThat(shortSide.positionId()).isNotEqualTo(flipped.closed().positionId());
    }

    @Test
    void addingAveragesTheEntryPrice() {
        var first = PositionMath.apply(null, fill(Side.BUY, "1", "100", "0"), 1);
        var second = PositionMath.apply(first.after(), fill(Side.BUY, "1", "120", "0"), 1);

        assertThat(second.after().entryPrice()).isEqualByComparingTo("110");
        assertThat(second.realized()).isZero();
        assertThat(second.after().unrealizedPnl(d("130"))).isEqualByComparingTo("40");
    }

    @Test
    void sharesThatDoNotDivideEvenlyKeepTheRemainderInThePosition() {
        var open = PositionMath.apply(null, fill(Side.BUY, "3", "100", "0.1"), 1);
        var third = PositionMath.apply(open.after(), fill(Side.SELL, "1", "100", "0"), 1);

        // 0.1 / 3 rounded to 18 places goes with the closed part; the rest stays
        assertThat(third.realized()).isEqualByComparingTo("-0.033333333333333333");
        assertThat(third.after().openFees()).isEqualByComparingTo("0.066666666666666667");
        assertThat(third.realized().negate().add(third.after().openFees())).isEqualByComparingTo("0.1");
    }

    @Test
    void leverageDividesTheStake() {
        var open = PositionMath.apply(null, new LedgerFill(Market.FUTURES, BTCUSDT, BTC, Asset.USDT, Side.BUY, d("1"),
                d("100"), d("0"), 1, T0, "MANUAL"), 10);
        var close = PositionMath.apply(open.after(), new LedgerFill(Market.FUTURES, BTCUSDT, BTC, Asset.USDT, Side.SELL,
                d("1"), d("105"), d("0"), 2, T0.plusSeconds(1), "PROTECTION: take profit"), 10);

        // stake 100 / 10 = 10; 5 / 10 = 0.5
        assertThat(close.closed().pnlRatio()).isEqualByComparingTo("0.5");
        assertThat(close.closed().exitReason()).isEqualTo("PROTECTION: take profit");
    }
}
