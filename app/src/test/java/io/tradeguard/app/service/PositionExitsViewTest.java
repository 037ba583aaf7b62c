package io.tradeguard.app.service;

import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.protection.LocalTrigger;
import io.tradeguard.core.protection.PriceTrigger;
import io.tradeguard.core.protection.TrailingStop;
import io.tradeguard.server.api.PositionView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The exit levels a position row shows: the guards' triggers that close it, the one that fires first. */
class PositionExitsViewTest {
    static final Symbol BTC = Symbol.of("BTCUSDT");
    static final Instant T = Instant.parse("2026-11-22T09:00:00Z");

    static Position position(String quantity, String entryCost) {
        BigDecimal zero = BigDecimal.ZERO;
        return new Position("BTCUSDT-1", Market.SPOT, BTC, Asset.of("BTC"), Asset.of("USDT"), new BigDecimal(quantity),
                new BigDecimal(entryCost), zero, zero, zero, zero, zero, zero, zero, 1, T, T);
    }

    static PriceTrigger trigger(String id, Side exit, PriceTrigger.Kind kind, String price, Symbol symbol) {
        return new PriceTrigger(id, Market.SPOT, symbol, exit, new BigDecimal("0.01"), kind, new BigDecimal(price), null);
    }

    @Test
    void a_long_shows_its_highest_stop_its_lowest_target_and_the_trailing_level_and_ignores_other_positions_triggers() {
        Position longBtc = position("0.01", "500"); // entry 50,000
        List<LocalTrigger> triggers = List.of(
                trigger("a:sl", Side.SELL, PriceTrigger.Kind.STOP_LOSS, "49000", BTC),
                trigger("b:sl", Side.SELL, PriceTrigger.Kind.STOP_LOSS, "49500", BTC),
                trigger("a:tp", Side.SELL, PriceTrigger.Kind.TAKE_PROFIT, "52500", BTC),
                trigger("b:tp", Side.SELL, PriceTrigger.Kind.TAKE_PROFIT, "52000", BTC),
                // a short's exit (BUY) and another symbol's trigger are not this position's
                trigger("c:sl", Side.BUY, PriceTrigger.Kind.STOP_LOSS, "49900", BTC),
                trigger("d:sl", Side.SELL, PriceTrigger.Kind.STOP_LOSS, "49950", Symbol.of("ETHUSDT")),
                new TrailingStop("t", Market.SPOT, BTC, Side.SELL, new BigDecimal("0.01"), 100, null, new BigDecimal("51000"), null));

        PositionView view = Views.position(longBtc, new BigDecimal("50500"), triggers);

        assertThat(view.stopLoss()).isEqualByComparingTo("49500");
        assertThat(view.takeProfit()).isEqualByComparingTo("52000");
        assertThat(view.trailingStop()).isEqualByComparingTo("50490"); // 51,000 × (1 − 1 %)
        assertThat(view.markPrice()).isEqualByComparingTo("50500");
        assertThat(view.unrealizedPnl()).isEqualByComparingTo("5");
    }

    @Test
    void a_short_shows_its_lowest_stop_above_and_its_highest_target_below_and_a_trailing_stop_not_tracking_yet_has_no_level() {
        Position shortBtc = position("-0.01", "500");
        List<LocalTrigger> triggers = List.of(
                trigger("a:sl", Side.BUY, PriceTrigger.Kind.STOP_LOSS, "51000", BTC),
                trigger("b:sl", Side.BUY, PriceTrigger.Kind.STOP_LOSS, "50800", BTC),
                trigger("a:tp", Side.BUY, PriceTrigger.Kind.TAKE_PROFIT, "47000", BTC),
                trigger("b:tp", Side.BUY, PriceTrigger.Kind.TAKE_PROFIT, "47500", BTC),
                TrailingStop.start("t", Market.SPOT, BTC, Side.BUY, new BigDecimal("0.01"), 100, null, null));

        PositionView view = Views.position(shortBtc, null, triggers);

        assertThat(view.stopLoss()).isEqualByComparingTo("50800");
        assertThat(view.takeProfit()).isEqualByComparingTo("47500");
        assertThat(view.trailingStop()).isNull();
        assertThat(view.markPrice()).isNull();
        assertThat(view.unrealizedPnl()).isNull();
    }

    @Test
    void without_triggers_the_exits_are_empty() {
        PositionView view = Views.position(position("0.01", "500"), new BigDecimal("50000"), List.of());
        assertThat(view.stopLoss()).isNull();
        assertThat(view.takeProfit()).isNull();
        assertThat(view.trailingStop()).isNull();
    }
}
