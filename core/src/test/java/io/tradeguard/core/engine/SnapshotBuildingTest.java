package io.tradeguard.core.engine;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.pretrade.AllowAllGate;
import io.tradeguard.core.pretrade.PreTradeGate;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.testing.FakeVenue;
import io.tradeguard.core.testing.ManualClock;
import io.tradeguard.core.testing.Reports;
import io.tradeguard.core.venue.Balance;
import io.tradeguard.core.venue.VenueEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The engine's snapshot is built for every price tick and every order: what it reuses (the instruments' copy) must
 * follow every change of what it copies, and the cheaper equity must come out digit for digit as before.
 */
class SnapshotBuildingTest {
    private final ManualClock clock = ManualClock.at("2026-01-05T10:00:00Z");
    private final EngineCore core = newCore();

    private EngineCore newCore() {
        int[] counter = {0};
        EngineCore c = new EngineCore(EngineSettings.defaults(Market.SPOT).withTickInterval(null), new TradingState(),
                List.of(new AllowAllGate(PreTradeGate.Stage.RISK)),
                origin -> ClientOrderId.of("TG" + origin.code() + "-" + (++counter[0])), clock);
        c.instruments(List.of(FakeVenue.btcusdt()));
        return c;
    }

    private void venue(VenueEvent event) {
        core.handle(new Inbound.VenueIn(event));
    }

    private static Instrument ethusdt() {
        Instrument btc = FakeVenue.btcusdt();
        return new Instrument(Symbol.of("ETHUSDT"), Market.SPOT, Asset.of("ETH"), Asset.USDT, btc.priceFilter(),
                btc.lotSize(), btc.marketLotSize(), btc.minNotional(), btc.maxNotional(), btc.applyMinToMarket(),
                btc.maxNumOrders());
    }

    @Test
    void theInstrumentsCopyIsReusedUntilTheInstrumentsChange() {
        TradingSnapshot first = core.snapshot();
        TradingSnapshot second = core.snapshot();
        // unchanged instruments: the same immutable copy, not a new one per snapshot
        assertThat(second.marketInstruments()).isSameAs(first.marketInstruments());
        assertThat(first.instruments()).containsOnlyKeys(Reports.BTCUSDT);

        core.instruments(List.of(FakeVenue.btcusdt(), ethusdt()));
        TradingSnapshot after = core.snapshot();
        assertThat(after.marketInstruments()).isNotSameAs(first.marketInstruments());
        assertThat(after.instruments()).containsOnlyKeys(Reports.BTCUSDT, Symbol.of("ETHUSDT"));
        assertThat(after.instrument(Symbol.of("ETHUSDT"))).contains(ethusdt());
        // the earlier snapshot still shows what was true when it was taken
        assertThat(first.instruments()).containsOnlyKeys(Reports.BTCUSDT);

        core.instruments(List.of(ethusdt()));
        assertThat(core.snapshot().instruments()).containsOnlyKeys(Symbol.of("ETHUSDT"));
    }

    @Test
    void theSnapshotsMapsCannotBeChanged() {
        TradingSnapshot s = core.snapshot();
        assertThatThrownBy(() -> s.marketInstruments().put(Market.FUTURES, java.util.Map.of()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.marketInstruments().entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.marketPrices().remove(Market.SPOT)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.instruments().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(s.marketInstruments()).isEqualTo(java.util.Map.of(Market.SPOT,
                java.util.Map.of(Reports.BTCUSDT, FakeVenue.btcusdt())));
        assertThat(s.marketInstruments().hashCode()).isEqualTo(java.util.Map.of(Market.SPOT,
                java.util.Map.of(Reports.BTCUSDT, FakeVenue.btcusdt())).hashCode());
    }

    @Test
    void equityKeepsTheScaleOfFreePlusLocked() {
        var at = clock.instant();
        venue(new VenueEvent.PriceTick(Market.SPOT, Reports.BTCUSDT, new BigDecimal("50000.5"), false, at, at));
        // a zero locked of a larger scale widens free + locked: the equity must show it as it always did
        venue(new VenueEvent.BalancesUpdated(Market.SPOT, List.of(
                new Balance(Market.SPOT, Asset.USDT, new BigDecimal("100.5"), new BigDecimal("0.000")),
                new Balance(Market.SPOT, Reports.BTC, new BigDecimal("0.25"), new BigDecimal("0"))), at, at));
        BigDecimal expected = new BigDecimal("100.5").add(new BigDecimal("0.000"))
                .add(new BigDecimal("0.25").add(new BigDecimal("0")).multiply(new BigDecimal("50000.5")));
        BigDecimal equity = core.snapshot().equity();
        assertThat(equity).isEqualTo(expected); // equals: value and scale
        assertThat(equity.toPlainString()).isEqualTo("12600.625");

        venue(new VenueEvent.BalancesUpdated(Market.SPOT, List.of(
                new Balance(Market.SPOT, Asset.USDT, new BigDecimal("100.5"), new BigDecimal("0.0000")),
                new Balance(Market.SPOT, Reports.BTC, new BigDecimal("0.25"), new BigDecimal("0.10"))), at.plusSeconds(1), at));
        assertThat(core.snapshot().equity().toPlainString()).isEqualTo("17600.675"); // USDT unchanged (same amounts), BTC 0.35 x 50000.5
    }
}
