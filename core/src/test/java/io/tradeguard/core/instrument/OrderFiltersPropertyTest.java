package io.tradeguard.core.instrument;

import io.tradeguard.core.instrument.Conformance.Conformed;
import io.tradeguard.core.instrument.Conformance.Refused;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Instrument.LotSize;
import io.tradeguard.core.model.Instrument.PriceFilter;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.venue.OrderRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the instrument and the order asked for: a conformed order passes every filter (checked here
 * with the filter rules written out again, as Binance states them) and never trades more than asked.
 */
class OrderFiltersPropertyTest {

    record Case(Instrument instrument, OrderRequest order, BigDecimal reference) {
    }

    @Property(tries = 1000)
    void a_conformed_order_passes_the_filters_and_never_exceeds_the_quantity(@ForAll("cases") Case c) {
        Conformance result = OrderFilters.conform(c.instrument(), c.order(), c.reference());
        switch (result) {
            case Conformed ok -> {
                OrderRequest sent = ok.order();
                assertThat(sent.quantity()).isLessThanOrEqualTo(c.order().quantity());
                assertPassesFilters(c.instrument(), sent, c.reference());
                assertPriceOnSafeSide(c.order(), sent);
            }
            case Refused refused -> assertThat(refused.reason()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void an_order_already_on_the_grid_and_within_bounds_is_sent_unchanged(@ForAll("cases") Case c) {
        if (OrderFilters.conform(c.instrument(), c.order(), c.reference()) instanceof Conformed ok) {
            Conformance again = OrderFilters.conform(c.instrument(), ok.order(), c.reference());
            assertThat(again).isInstanceOf(Conformed.class);
            assertThat(((Conformed) again).order()).isEqualTo(ok.order());
            assertThat(((Conformed) again).adjustments()).isEmpty();
        }
    }

    private static void assertPassesFilters(Instrument i, OrderRequest o, BigDecimal reference) {
        PriceFilter pf = i.priceFilter();
        if (o.price() != null) {
            assertThat(o.price()).isGreaterThanOrEqualTo(pf.minPrice());
            assertThat(o.price().remainder(pf.tickSize())).isZero();
            if (pf.maxPrice().signum() > 0) {
                assertThat(o.price()).isLessThanOrEqualTo(pf.maxPrice());
            }
        }
        LotSize lot = i.lotSize();
        assertThat(o.quantity()).isGreaterThanOrEqualTo(lot.minQty()).isLessThanOrEqualTo(lot.maxQty());
        assertThat(o.quantity().remainder(lot.stepSize())).isZero();
        BigDecimal at = o.type() == OrderType.MARKET ? reference : o.price();
        if (at != null) {
            assertThat(o.quantity().multiply(at)).isGreaterThanOrEqualTo(i.minNotional());
        }
        assertThat(o.quantity().toPlainString()).doesNotContain("E");
        if (o.price() != null) {
            assertThat(o.price().toPlainString()).doesNotContain("E");
        }
    }

    private static void assertPriceOnSafeSide(OrderRequest asked, OrderRequest sent) {
        if (asked.price() == null) {
            return;
        }
        if (asked.side() == Side.BUY) {
            assertThat(sent.price()).isLessThanOrEqualTo(asked.price());
        } else {
            assertThat(sent.price()).isGreaterThanOrEqualTo(asked.price());
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Integer> tickExp = Arbitraries.integers().between(0, 8);
        Arbitrary<Integer> stepExp = Arbitraries.integers().between(0, 8);
        Arbitrary<Integer> minSteps = Arbitraries.integers().between(1, 1000);
        Arbitrary<BigDecimal> minNotional = Arbitraries.of("0", "1", "5", "10", "100").map(BigDecimal::new);
        Arbitrary<BigDecimal> qty = Arbitraries.bigDecimals().between(new BigDecimal("0.00000001"), new BigDecimal("100000")).ofScale(10);
        Arbitrary<BigDecimal> price = Arbitraries.bigDecimals().between(new BigDecimal("0.00000001"), new BigDecimal("200000")).ofScale(10);
        Arbitrary<Side> side = Arbitraries.of(Side.class);
        Arbitrary<Boolean> isMarket = Arbitraries.of(true, false);
        return Combinators.combine(tickExp, stepExp, minSteps, minNotional, qty, price, side, isMarket)
                .as((te, se, ms, mn, q, p, s, m) -> {
                    BigDecimal tick = BigDecimal.ONE.movePointLeft(te);
                    BigDecimal step = BigDecimal.ONE.movePointLeft(se);
                    Instrument instrument = new Instrument(Symbol.of("BTCUSDT"), Market.SPOT, Asset.of("BTC"), Asset.USDT,
                            new PriceFilter(tick, new BigDecimal("1000000"), tick),
                            new LotSize(step.multiply(BigDecimal.valueOf(ms)), new BigDecimal("50000"), step),
                            new LotSize(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO),
                            mn, BigDecimal.ZERO, true, 200);
                    OrderRequest order = m
                            ? new OrderRequest(Market.SPOT, Symbol.of("BTCUSDT"), s, OrderType.MARKET, null, q, null, null,
                            null, null, null, null, false, false, ClientOrderId.of("p-1"))
                            : new OrderRequest(Market.SPOT, Symbol.of("BTCUSDT"), s, OrderType.LIMIT, TimeInForce.GTC, q, null, p,
                            null, null, null, null, false, false, ClientOrderId.of("p-1"));
                    return new Case(instrument, order, m ? p : null);
                });
    }
}
