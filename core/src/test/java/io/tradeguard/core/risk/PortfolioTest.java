package io.tradeguard.core.risk;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PortfolioTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Symbol ETH = Symbol.of("ETHUSDT");

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static OpenPosition btc(String mark, String stop) {
        return new OpenPosition(Market.SPOT, BTC, Side.BUY, d("0.5"), d("60000"), d(mark), stop == null ? null : d(stop), 1);
    }

    private static OpenPosition ethShort(String mark) {
        return new OpenPosition(Market.FUTURES, ETH, Side.SELL, d("3"), d("3000"), d(mark), d("3150"), 5);
    }

    /** Every figure the rules read, so a reused portfolio can be compared with one built afresh. */
    private static void assertSameFigures(Portfolio actual, Portfolio fresh) {
        assertThat(actual.positions()).isEqualTo(fresh.positions());
        assertThat(actual.pnlAtStops()).isEqualTo(fresh.pnlAtStops());
        assertThat(actual.lossToStops()).isEqualTo(fresh.lossToStops());
        assertThat(actual.feeBase()).isEqualTo(fresh.feeBase());
        for (Symbol s : List.of(BTC, ETH, Symbol.of("SOLUSDT"))) {
            assertThat(actual.exposure(s)).isEqualTo(fresh.exposure(s));
            for (Market m : Market.values()) {
                for (Side side : Side.values()) {
                    assertThat(actual.hasPosition(m, s, side)).isEqualTo(fresh.hasPosition(m, s, side));
                }
            }
        }
    }

    @Test
    void onlyMovedMarksKeepTheStopTotalsAndRevalueTheExposure() {
        Portfolio first = Portfolio.of(List.of(btc("61000", "58000"), ethShort("2900")));
        List<OpenPosition> moved = List.of(btc("61234.5", "58000"), ethShort("2950"));
        Portfolio next = Portfolio.of(moved, first);
        assertSameFigures(next, Portfolio.of(moved));
        assertThat(next.exposure(BTC)).isEqualByComparingTo("30617.25");
        assertThat(Portfolio.of(moved, next)).isSameAs(next); // nothing changed
    }

    @Test
    void aChangedStopSizeOrPositionSetIsBuiltAfresh() {
        Portfolio first = Portfolio.of(List.of(btc("61000", "58000"), ethShort("2900")));
        for (List<OpenPosition> changed : List.of(
                List.of(btc("61000", "59000"), ethShort("2900")),                 // the stop moved up
                List.of(btc("61000", null), ethShort("2900")),                    // the stop is gone
                List.of(btc("61000", "58000.0"), ethShort("2900")),               // same stop, other scale
                List.of(btc("61000", "58000")),                                   // a position closed
                List.of(ethShort("2900"), btc("61000", "58000")),                 // another order
                List.of(btc("61000", "58000"), ethShort("2900"), btc("61000", "58000")))) {
            Portfolio next = Portfolio.of(changed, first);
            assertSameFigures(next, Portfolio.of(changed));
        }
        assertThat(Portfolio.of(List.of(), first).size()).isZero();
        assertSameFigures(Portfolio.of(List.of(btc("61000", "59000")), null), Portfolio.of(List.of(btc("61000", "59000"))));
    }
}
