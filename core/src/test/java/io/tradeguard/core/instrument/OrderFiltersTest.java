package io.tradeguard.core.instrument;

import io.tradeguard.core.instrument.Conformance.Conformed;
import io.tradeguard.core.instrument.Conformance.Refused;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.OrderRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.tradeguard.core.instrument.Instruments.btcusdt;
import static io.tradeguard.core.instrument.Instruments.d;
import static io.tradeguard.core.instrument.Instruments.limit;
import static io.tradeguard.core.instrument.Instruments.market;
import static io.tradeguard.core.instrument.Instruments.stop;
import static org.assertj.core.api.Assertions.assertThat;

class OrderFiltersTest {

    private static Conformed conformed(Conformance c) {
        assertThat(c).isInstanceOf(Conformed.class);
        return (Conformed) c;
    }

    private static String refusal(Conformance c) {
        assertThat(c).isInstanceOf(Refused.class);
        return ((Refused) c).reason();
    }

    @Test
    void quantity_is_rounded_down_to_the_step_and_never_up() {
        var c = conformed(OrderFilters.conform(btcusdt(), limit(Side.BUY, "0.123456789", "50000"), null));
        assertThat(c.order().quantity()).isEqualByComparingTo("0.12345");
        assertThat(c.order().quantity().toPlainString()).isEqualTo("0.12345");
        assertThat(c.adjustments()).containsExactly("quantity 0.123456789 rounded to 0.12345");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "BUY,  50000.019, 50000.01",   // a buyer never pays more
            "SELL, 50000.011, 50000.02",   // a seller never receives less
            "BUY,  50000.01,  50000.01",   // on the grid: untouched
            "SELL, 50000.01,  50000.01"})
    void limit_price_rounds_toward_the_safe_side(Side side, String asked, String expected) {
        var c = conformed(OrderFilters.conform(btcusdt(), limit(side, "0.001", asked), null));
        assertThat(c.order().price().toPlainString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} stop {2} -> {3}")
    @CsvSource({
            "STOP_LOSS,   SELL, 48000.005, 48000.01",  // fires on a fall: round up, fires no later
            "STOP_LOSS,   BUY,  52000.005, 52000.00",  // fires on a rise: round down
            "TAKE_PROFIT, SELL, 52000.005, 52000.00",
            "TAKE_PROFIT, BUY,  48000.005, 48000.01"})
    void stop_price_rounds_toward_the_market(OrderType type, Side side, String stopPrice, String expected) {
        var c = conformed(OrderFilters.conform(btcusdt(), stop(type, side, "0.001", null, stopPrice), null));
        assertThat(c.order().stopPrice().toPlainString()).isEqualTo(expected);
    }

    @Test
    void min_quantity_at_bound_passes_just_under_is_refused() {
        var btc = btcusdt();
        var coarse = new io.tradeguard.core.model.Instrument(btc.symbol(), btc.market(), btc.baseAsset(), btc.quoteAsset(),
                btc.priceFilter(), new io.tradeguard.core.model.Instrument.LotSize(d("0.001"), d("9000"), d("0.00001")),
                btc.marketLotSize(), btc.minNotional(), btc.maxNotional(), true, 200);
        conformed(OrderFilters.conform(coarse, market(Side.BUY, "0.001"), null));
        assertThat(refusal(OrderFilters.conform(coarse, market(Side.BUY, "0.00099"), null)))
                .isEqualTo("quantity 0.00099 BTC is below the minimum of 0.001 BTC for BTCUSDT");
        // below one step it rounds to nothing: refused with the step named
        assertThat(refusal(OrderFilters.conform(btc, market(Side.BUY, "0.000009"), null)))
                .isEqualTo("quantity 0.000009 BTC is smaller than the smallest step 0.00001 BTC that BTCUSDT can trade");
    }

    @Test
    void max_quantity_at_bound_passes_just_over_is_refused() {
        conformed(OrderFilters.conform(btcusdt(), limit(Side.BUY, "9000", "0.01"), null));
        assertThat(refusal(OrderFilters.conform(btcusdt(), limit(Side.BUY, "9000.00001", "0.01"), null)))
                .isEqualTo("quantity 9000.00001 BTC is above the maximum of 9000 BTC for BTCUSDT");
    }

    @Test
    void market_orders_also_obey_market_lot_size() {
        conformed(OrderFilters.conform(btcusdt(), market(Side.SELL, "100"), null));
        assertThat(refusal(OrderFilters.conform(btcusdt(), market(Side.SELL, "100.00001"), null)))
                .isEqualTo("quantity 100.00001 BTC is above the maximum of 100 BTC for BTCUSDT");
    }

    @Test
    void min_notional_at_bound_passes_just_under_is_refused_with_the_arithmetic() {
        conformed(OrderFilters.conform(btcusdt(), limit(Side.BUY, "0.0001", "50000"), null)); // exactly 5
        assertThat(refusal(OrderFilters.conform(btcusdt(), limit(Side.BUY, "0.0001", "49999.99"), null)))
                .isEqualTo("order value 4.999999 USDT (0.0001 × 49999.99) is below the minimum order value of 5 USDT for BTCUSDT");
    }

    @Test
    void min_notional_of_a_market_order_is_judged_at_the_reference_price() {
        conformed(OrderFilters.conform(btcusdt(), market(Side.BUY, "0.0001"), d("50000")));
        assertThat(refusal(OrderFilters.conform(btcusdt(), market(Side.BUY, "0.0001"), d("49999"))))
                .startsWith("order value 4.9999 USDT");
        // without a reference price the venue judges it
        conformed(OrderFilters.conform(btcusdt(), market(Side.BUY, "0.0001"), null));
    }

    @Test
    void max_notional_at_bound_passes_just_over_is_refused() {
        conformed(OrderFilters.conform(btcusdt(), limit(Side.BUY, "9000", "1000"), null));
        assertThat(refusal(OrderFilters.conform(btcusdt(), limit(Side.BUY, "9000", "1000.01"), null)))
                .startsWith("order value 9000090 USDT").contains("above the maximum order value of 9000000 USDT");
    }

    @Test
    void price_bounds_at_bound_pass_just_outside_are_refused() {
        conformed(OrderFilters.conform(btcusdt(), limit(Side.SELL, "1", "1000000"), null));
        assertThat(refusal(OrderFilters.conform(btcusdt(), limit(Side.SELL, "0.00001", "1000000.01"), null)))
                .isEqualTo("price 1000000.01 USDT is above the highest price 1000000 USDT that BTCUSDT accepts");
        assertThat(refusal(OrderFilters.conform(btcusdt(), limit(Side.BUY, "1000", "0.009"), null)))
                .isEqualTo("a price of BTCUSDT rounds to zero on its tick size 0.01 USDT");
    }

    @Test
    void quote_quantity_market_order_is_checked_against_min_notional() {
        var order = new OrderRequest(Market.SPOT, Symbol.of("BTCUSDT"), Side.BUY, OrderType.MARKET, null, null, d("4.99"),
                null, null, null, null, null, false, false, ClientOrderId.of("t-2"));
        assertThat(refusal(OrderFilters.conform(btcusdt(), order, null)))
                .isEqualTo("order value 4.99 USDT is below the minimum order value of 5 USDT for BTCUSDT");
    }

    @Test
    void filters_of_another_symbol_are_refused() {
        var eth = OrderRequest.simple(Market.SPOT, Symbol.of("ETHUSDT"), Side.BUY, OrderType.LIMIT, d("1"), d("3000"), ClientOrderId.of("t-3"));
        assertThat(refusal(OrderFilters.conform(btcusdt(), eth, null))).contains("ETHUSDT").contains("BTCUSDT");
    }
}
