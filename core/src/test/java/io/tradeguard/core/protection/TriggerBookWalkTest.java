package io.tradeguard.core.protection;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link TriggerBook#forEach} walks what {@link TriggerBook#snapshot} lists, in its order, after every change. */
class TriggerBookWalkTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");

    private static PriceTrigger stop(String id, Symbol symbol, String price, String group) {
        return new PriceTrigger(id, Market.SPOT, symbol, Side.SELL, new BigDecimal("0.01"), PriceTrigger.Kind.STOP_LOSS,
                new BigDecimal(price), group);
    }

    private static List<LocalTrigger> walked(TriggerBook book) {
        List<LocalTrigger> out = new ArrayList<>();
        book.forEach(out::add);
        return out;
    }

    @Test
    void theWalkFollowsTheSnapshotThroughAddsFiresAndCancels() {
        TriggerBook book = new TriggerBook();
        assertThat(walked(book)).isEmpty();
        for (int i = 0; i < 20; i++) {
            book.add(stop("o" + i, Symbol.of("S" + i + "USDT"), "10", null));
        }
        book.add(stop("sl", BTC, "45000", "b"));
        book.add(new PriceTrigger("tp", Market.SPOT, BTC, Side.SELL, new BigDecimal("0.01"), PriceTrigger.Kind.TAKE_PROFIT,
                new BigDecimal("60000"), "b"));
        book.add(TrailingStop.start("trail", Market.SPOT, BTC, Side.SELL, new BigDecimal("0.01"), 300, null, null));
        book.onTick(Market.SPOT, BTC, new BigDecimal("50000"), Instant.EPOCH);
        assertThat(book.size()).isEqualTo(23);
        assertThat(walked(book)).containsExactlyElementsOf(book.snapshot());

        List<TriggerFired> fired = book.onTick(Market.SPOT, BTC, new BigDecimal("44000"), Instant.EPOCH);
        // the stop-loss fires and takes its bracket's take-profit with it; the trail fires on its own
        assertThat(fired).extracting(f -> f.trigger().id()).containsExactly("sl", "trail");
        assertThat(fired.get(0).cancelled()).containsExactly("tp");
        assertThat(fired.get(1).cancelled()).isEmpty();
        assertThat(book.size()).isEqualTo(20);
        assertThat(walked(book)).containsExactlyElementsOf(book.snapshot()).hasSize(20);

        assertThat(book.cancel("o3")).isTrue();
        assertThat(walked(book)).containsExactlyElementsOf(book.snapshot()).hasSize(19)
                .noneMatch(t -> t.id().equals("o3"));
    }

    @Test
    void bracketLegsLeaveInTheBooksOrder() {
        TriggerBook book = new TriggerBook();
        book.add(stop("a", BTC, "45000", "g"));
        book.add(stop("b", BTC, "100", "g"));
        book.add(stop("c", BTC, "90", "g"));
        book.add(stop("d", BTC, "80", "h"));
        List<TriggerFired> fired = book.onTick(Market.SPOT, BTC, new BigDecimal("44000"), Instant.EPOCH);
        assertThat(fired).singleElement().satisfies(f -> {
            assertThat(f.trigger().id()).isEqualTo("a");
            assertThat(f.cancelled()).containsExactly("b", "c");
        });
        assertThat(book.snapshot()).extracting(LocalTrigger::id).containsExactly("d");
    }
}
