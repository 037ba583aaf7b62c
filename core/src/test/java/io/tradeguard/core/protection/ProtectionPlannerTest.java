package io.tradeguard.core.protection;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.risk.RiskConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class ProtectionPlannerTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final BigDecimal TICK = new BigDecimal("0.01");
    private final AtomicInteger n = new AtomicInteger();
    private final Supplier<ClientOrderId> ids = () -> ClientOrderId.of("tg-p-" + n.incrementAndGet());
    private final ProtectionSpec defaults = ProtectionSpec.defaults(RiskConfig.defaults());

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void aSpotBuyGetsAnOcoSellTwoPercentBelowAndFivePercentAbove() {
        EntryFill fill = new EntryFill(Market.SPOT, BTC, Side.BUY, d("0.5"), d("50000.37"), null);
        ProtectionPlan plan = ProtectionPlanner.plan(fill, defaults, TICK, ids);
        assertThat(plan).isInstanceOfSatisfying(ProtectionPlan.SpotOco.class, oco -> {
            assertThat(oco.side()).isEqualTo(Side.SELL);
            assertThat(oco.quantity()).isEqualByComparingTo("0.5");
            // 50000.37 × 0.98 = 49000.3626 → up to the tick (towards the entry) 49000.37
            assertThat(oco.stopLoss()).isEqualTo(d("49000.37"));
            // 50000.37 × 1.05 = 52500.3885 → down to the tick 52500.38
            assertThat(oco.takeProfit()).isEqualTo(d("52500.38"));
            assertThat(oco.orderIds()).hasSize(2).doesNotHaveDuplicates();
        });
    }

    @Test
    void aFuturesShortGetsAReduceOnlyBracket() {
        EntryFill fill = new EntryFill(Market.FUTURES, BTC, Side.SELL, d("2"), d("100"), d("150"));
        ProtectionPlan plan = ProtectionPlanner.plan(fill, defaults, TICK, ids);
        assertThat(plan).isInstanceOfSatisfying(ProtectionPlan.FuturesBracket.class, b -> {
            assertThat(b.stopLoss().type()).isEqualTo(OrderType.STOP_MARKET);
            assertThat(b.stopLoss().side()).isEqualTo(Side.BUY);
            assertThat(b.stopLoss().stopPrice()).isEqualByComparingTo("102");
            assertThat(b.takeProfit().type()).isEqualTo(OrderType.TAKE_PROFIT_MARKET);
            assertThat(b.takeProfit().stopPrice()).isEqualByComparingTo("95");
            assertThat(b.stopLoss().reduceOnly()).isTrue();
            assertThat(b.takeProfit().reduceOnly()).isTrue();
            assertThat(b.stopLoss().quantity()).isEqualByComparingTo("2");
            assertThat(b.counterpart(b.takeProfit().clientOrderId())).isEqualTo(b.stopLoss().clientOrderId());
        });
    }

    @Test
    void pricesGivenWithTheOrderWinAndAreChecked() {
        EntryFill fill = new EntryFill(Market.SPOT, BTC, Side.BUY, d("1"), d("100"), null);
        assertThat(ProtectionPlanner.plan(fill, defaults.withPrices(d("97"), d("110")), TICK, ids))
                .isInstanceOfSatisfying(ProtectionPlan.SpotOco.class, oco -> {
                    assertThat(oco.stopLoss()).isEqualByComparingTo("97");
                    assertThat(oco.takeProfit()).isEqualByComparingTo("110");
                });
        assertThat(ProtectionPlanner.plan(fill, defaults.withPrices(d("101"), null), TICK, ids))
                .isInstanceOfSatisfying(ProtectionPlan.Refused.class, r -> assertThat(r.reason())
                        .isEqualTo("the stop-loss 101 of a long must be below the entry 100"));
    }

    @Test
    void aFuturesStopBeyondTheLiquidationPriceIsRefused() {
        // long at 100, stop 98: liquidation at 98 (at the stop) and 98.01 (above it) refuse, 97.99 is fine
        EntryFill at = new EntryFill(Market.FUTURES, BTC, Side.BUY, d("1"), d("100"), d("98"));
        assertThat(ProtectionPlanner.plan(at, defaults, TICK, ids)).isInstanceOfSatisfying(ProtectionPlan.Refused.class,
                r -> assertThat(r.reason()).contains("beyond the estimated liquidation price 98").contains("liquidated first"));
        EntryFill above = new EntryFill(Market.FUTURES, BTC, Side.BUY, d("1"), d("100"), d("98.01"));
        assertThat(ProtectionPlanner.plan(above, defaults, TICK, ids)).isInstanceOf(ProtectionPlan.Refused.class);
        EntryFill below = new EntryFill(Market.FUTURES, BTC, Side.BUY, d("1"), d("100"), d("97.99"));
        assertThat(ProtectionPlanner.plan(below, defaults, TICK, ids)).isInstanceOf(ProtectionPlan.FuturesBracket.class);
        EntryFill shortFill = new EntryFill(Market.FUTURES, BTC, Side.SELL, d("1"), d("100"), d("101.5"));
        assertThat(ProtectionPlanner.plan(shortFill, defaults, TICK, ids)).isInstanceOf(ProtectionPlan.Refused.class);
    }

    @Test
    void aSpotSellIsNotAPositionToProtect() {
        EntryFill sell = new EntryFill(Market.SPOT, BTC, Side.SELL, d("1"), d("100"), null);
        assertThat(ProtectionPlanner.plan(sell, defaults, TICK, ids)).isInstanceOf(ProtectionPlan.Refused.class);
    }

    @Test
    void aFurtherPartialFillReplacesTheProtectionForTheWholeFilledQuantity() {
        EntryFill first = new EntryFill(Market.FUTURES, BTC, Side.BUY, d("0.4"), d("100"), null);
        ProtectionPlan.FuturesBracket placed = (ProtectionPlan.FuturesBracket) ProtectionPlanner.plan(first, defaults, TICK, ids);
        assertThat(ProtectionPlanner.resize(d("0.4"), placed.orderIds(), first, defaults, TICK, ids))
                .isInstanceOf(ProtectionPlanner.Resize.Keep.class);
        EntryFill more = new EntryFill(Market.FUTURES, BTC, Side.BUY, d("1"), d("101"), null);
        ProtectionPlanner.Resize resize = ProtectionPlanner.resize(d("0.4"), placed.orderIds(), more, defaults, TICK, ids);
        assertThat(resize).isInstanceOfSatisfying(ProtectionPlanner.Resize.Replace.class, r -> {
            assertThat(r.cancel()).isEqualTo(placed.orderIds());
            ProtectionPlan.FuturesBracket next = (ProtectionPlan.FuturesBracket) r.place();
            assertThat(next.stopLoss().quantity()).isEqualByComparingTo("1");
            assertThat(next.stopLoss().stopPrice()).isEqualByComparingTo("98.98");
        });
        assertThat(ProtectionPlanner.resize(BigDecimal.ZERO, List.of(), first, defaults, TICK, ids))
                .isInstanceOf(ProtectionPlanner.Resize.Replace.class);
    }
}
