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
import io.tradeguard.core.testing.Decimals;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.enumValues;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * Whatever the instrument and the order asked for: a conformed order passes every filter (checked here
 * with the filter rules written out again, as Binance states them) and never trades more than asked.
 */
class OrderFiltersPropertyTest {

    record Case(Instrument instrument, OrderRequest order, BigDecimal reference) {
    }

    @Test
    void a_conformed_order_passes_the_filters_and_never_exceeds_the_quantity() {
        qt().withExamples(1000).forAll(cases()).checkAssert(this::a_conformed_order_passes_the_filters_and_never_exceeds_the_quantity);
    }

    void a_conformed_order_passes_the_filters_and_never_exceeds_the_quantity(Case c) {
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

    @Test
    void an_order_already_on_the_grid_and_within_bounds_is_sent_unchanged() {
        qt().withExamples(300).forAll(cases()).checkAssert(this::an_order_already_on_the_grid_and_within_bounds_is_sent_unchanged);
    }

    void an_order_already_on_the_grid_and_within_bounds_is_sent_unchanged(Case c) {
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

    Gen<Case> cases() {
        Gen<Integer> tickExp = integers().between(0, 8);
        Gen<Integer> stepExp = integers().between(0, 8);
        Gen<Integer> minSteps = integers().between(1, 1000);
        Gen<BigDecimal> minNotional = pick(List.of("0", "1", "5", "10", "100")).map(v -> new BigDecimal(v));
        Gen<BigDecimal> qty = Decimals.between(new BigDecimal("0.00000001"), new BigDecimal("100000"), 10);
        Gen<BigDecimal> price = Decimals.between(new BigDecimal("0.00000001"), new BigDecimal("200000"), 10);
        Gen<Side> side = enumValues(Side.class);
        Gen<Boolean> isMarket = pick(List.of(true, false));
        return in -> {
            int te = tickExp.generate(in);
            int se = stepExp.generate(in);
            int ms = minSteps.generate(in);
            BigDecimal mn = minNotional.generate(in);
            BigDecimal q = qty.generate(in);
            BigDecimal p = price.generate(in);
            Side s = side.generate(in);
            boolean m = isMarket.generate(in);
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
        };
    }
}
