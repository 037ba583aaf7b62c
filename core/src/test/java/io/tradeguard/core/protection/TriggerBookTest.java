package io.tradeguard.core.protection;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TriggerBookTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Symbol ETH = Symbol.of("ETHUSDT");
    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private static TriggerBook bracket(Side exit, String stop, String target) {
        TriggerBook book = new TriggerBook();
        book.add(new PriceTrigger("sl", Market.FUTURES, BTC, exit, d("2"), PriceTrigger.Kind.STOP_LOSS, d(stop), "b1"));
        book.add(new PriceTrigger("tp", Market.FUTURES, BTC, exit, d("2"), PriceTrigger.Kind.TAKE_PROFIT, d(target), "b1"));
        return book;
    }

    @Test
    void aLongsTakeProfitFiresOnTheFirstTickAtItAndCancelsTheStop() {
        TriggerBook book = bracket(Side.SELL, "98", "105");
        assertThat(book.onTick(Market.FUTURES, BTC, d("104.99"), T)).isEmpty();
        assertThat(book.onTick(Market.SPOT, BTC, d("200"), T)).isEmpty();
        assertThat(book.onTick(Market.FUTURES, ETH, d("200"), T)).isEmpty();
        List<TriggerFired> fired = book.onTick(Market.FUTURES, BTC, d("105"), T);
        assertThat(fired).singleElement().satisfies(f -> {
            assertThat(f.trigger().id()).isEqualTo("tp");
            assertThat(f.cancelled()).containsExactly("sl");
            assertThat(f.tickPrice()).isEqualByComparingTo("105");
            var exit = f.exitOrder(ClientOrderId.of("tg-x1"));
            assertThat(exit.type()).isEqualTo(OrderType.MARKET);
            assertThat(exit.side()).isEqualTo(Side.SELL);
            assertThat(exit.reduceOnly()).isTrue();
            assertThat(exit.quantity()).isEqualByComparingTo("2");
        });
        assertThat(book.snapshot()).isEmpty();
        assertThat(book.onTick(Market.FUTURES, BTC, d("90"), T)).isEmpty();
    }

    @Test
    void aShortsStopFiresAtOrAboveIt() {
        TriggerBook book = bracket(Side.BUY, "102", "95");
        assertThat(book.onTick(Market.FUTURES, BTC, d("101.99"), T)).isEmpty();
        assertThat(book.onTick(Market.FUTURES, BTC, d("102"), T)).singleElement()
                .satisfies(f -> assertThat(f.trigger().id()).isEqualTo("sl"));
    }

    @Test
    void aRestartResumesATrailFromItsSnapshot() {
        TriggerBook book = new TriggerBook();
        book.add(TrailingStop.start("trail", Market.SPOT, BTC, Side.SELL, d("1"), 200, null, null));
        book.onTick(Market.SPOT, BTC, d("100"), T);
        book.onTick(Market.SPOT, BTC, d("120"), T);
        List<LocalTrigger> snapshot = book.snapshot();
        TriggerBook restored = TriggerBook.restore(snapshot);
        assertThat(restored.snapshot()).isEqualTo(snapshot);
        assertThat(restored.onTick(Market.SPOT, BTC, d("117.61"), T)).isEmpty();
        assertThat(restored.onTick(Market.SPOT, BTC, d("117.60"), T)).singleElement()
                .satisfies(f -> assertThat(f.level()).isEqualByComparingTo("117.6"));
        TriggerFired exit = book.onTick(Market.SPOT, BTC, d("117"), T).get(0);
        assertThat(exit.exitOrder(ClientOrderId.of("tg-x2")).reduceOnly()).isFalse();
    }

    @Test
    void triggersAreCancelledAndIdsAreUnique() {
        TriggerBook book = bracket(Side.SELL, "98", "105");
        assertThatThrownBy(() -> book.add(new PriceTrigger("sl", Market.SPOT, ETH, Side.SELL, d("1"), PriceTrigger.Kind.STOP_LOSS, d("1"), null)))
                .hasMessageContaining("already active");
        assertThat(book.cancel("sl")).isTrue();
        assertThat(book.cancel("sl")).isFalse();
        assertThat(book.onTick(Market.FUTURES, BTC, d("50"), T)).isEmpty();
        assertThat(book.find("tp")).isPresent();
    }

    @Test
    void aTickSaysWhetherATrailMovedAndTouchesOnlyItsSymbol() {
        TriggerBook book = new TriggerBook();
        book.add(TrailingStop.start("trail", Market.SPOT, BTC, Side.SELL, d("1"), 200, null, null));
        book.add(new PriceTrigger("eth-sl", Market.SPOT, ETH, Side.SELL, d("1"), PriceTrigger.Kind.STOP_LOSS, d("50"), "e"));
        long armed = book.changes();

        assertThat(book.tick(Market.SPOT, ETH, d("60"), T)).isEqualTo(new TriggerBook.Tick(List.of(), false));
        assertThat(book.tick(Market.FUTURES, BTC, d("100"), T).moved()).isFalse(); // another market's book
        assertThat(book.changes()).isEqualTo(armed);

        assertThat(book.tick(Market.SPOT, BTC, d("100"), T).moved()).isTrue(); // tracking starts
        assertThat(book.tick(Market.SPOT, BTC, d("99"), T).moved()).isFalse(); // below the high: no new extreme
        assertThat(book.tick(Market.SPOT, BTC, d("101"), T).moved()).isTrue();
        assertThat(book.changes()).isEqualTo(armed + 2);

        TriggerBook.Tick fired = book.tick(Market.SPOT, ETH, d("50"), T);
        assertThat(fired.fired()).singleElement().satisfies(f -> assertThat(f.trigger().id()).isEqualTo("eth-sl"));
        assertThat(book.find("eth-sl")).isEmpty();
        assertThat(book.cancel("eth-sl")).isFalse();
        assertThat(book.of(Market.SPOT, ETH)).isEmpty();
        assertThat(book.of(Market.SPOT, BTC)).extracting(LocalTrigger::id).containsExactly("trail");
        assertThat(book.isEmpty()).isFalse();
        assertThat(book.changes()).isEqualTo(armed + 3);
    }

    @Test
    void aFiredBracketLeavesNoIdBehind() {
        TriggerBook book = bracket(Side.SELL, "98", "105");
        assertThat(book.onTick(Market.FUTURES, BTC, d("97"), T)).singleElement()
                .satisfies(f -> assertThat(f.cancelled()).containsExactly("tp"));
        assertThat(book.isEmpty()).isTrue();
        assertThat(book.find("sl")).isEmpty();
        assertThat(book.find("tp")).isEmpty();
        book.add(new PriceTrigger("tp", Market.FUTURES, BTC, Side.SELL, d("1"), PriceTrigger.Kind.TAKE_PROFIT, d("110"), null));
        assertThat(book.snapshot()).extracting(LocalTrigger::id).containsExactly("tp");
    }
}
