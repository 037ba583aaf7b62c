package io.tradeguard.core.order;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.Fill;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine's state takes its own copy of an order instead of rebuilding it from the event's fill-less copy. */
class OrderFillsOfTest {
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

    private static Fill fill(long tradeId, String quantity) {
        return new Fill(tradeId, new BigDecimal("100"), new BigDecimal(quantity), BigDecimal.ZERO, Asset.USDT, false,
                T0.plusSeconds(tradeId));
    }

    private static Order known() {
        Order pending = Order.pending(OrderIntent.limit(Market.SPOT, Symbol.of("BTCUSDT"), Side.BUY, new BigDecimal("1"),
                new BigDecimal("100"), OrderOrigin.MANUAL), ClientOrderId.of("tg-1"), T0);
        return pending.withFill(fill(1, "0.2"), T0.plusSeconds(1));
    }

    @Test
    void theOwnCopyWithTheNewFillIsTakenAndEqualsTheRebuiltOrder() {
        Order known = known();
        Fill second = fill(2, "0.3");
        Order full = known.withFillAnd(second, 7L, OrderStatus.PARTIALLY_FILLED, new BigDecimal("0.5"), null,
                T0.plusSeconds(2), T0.plusSeconds(2), null);
        Order event = full.withoutFills();

        Order taken = event.withFillsOf(known, second, full);

        assertThat(taken).isSameAs(full).isEqualTo(event.withFillsOf(known, second));
        assertThat(taken.fills()).extracting(Fill::tradeId).containsExactly(1L, 2L);
    }

    @Test
    void aStatusChangeWithoutAFillKeepsTheKnownFills() {
        Order known = known();
        Order full = known.with(7L, OrderStatus.CANCELED, known.venueFilledQuantity(), null, T0.plusSeconds(3),
                T0.plusSeconds(3), null);
        Order event = full.withoutFills();

        assertThat(event.withFillsOf(known, null, full)).isSameAs(full).isEqualTo(event.withFillsOf(known, null));
        assertThat(event.withFillsOf(known, fill(1, "0.2"), full)).isSameAs(full); // a repeated fill
    }

    @Test
    void anyOtherCopyIsIgnoredAndTheOrderRebuilt() {
        Order known = known();
        Fill second = fill(2, "0.3");
        Order full = known.withFillAnd(second, 7L, OrderStatus.PARTIALLY_FILLED, new BigDecimal("0.5"), null,
                T0.plusSeconds(2), T0.plusSeconds(2), null);
        Order event = full.withoutFills();
        // the same fields but another fill list: not the copy the event was made from
        Order otherFills = full.withFills(java.util.List.of(fill(8, "0.2"), fill(9, "0.3")));
        Order otherStatus = known.withFillAnd(second, 7L, OrderStatus.FILLED, new BigDecimal("0.5"), null,
                T0.plusSeconds(2), T0.plusSeconds(2), null);

        assertThat(event.withFillsOf(known, second, otherFills)).isNotSameAs(otherFills).isEqualTo(full);
        assertThat(event.withFillsOf(known, second, otherStatus)).isNotSameAs(otherStatus).isEqualTo(full);
        assertThat(event.withFillsOf(known, second, null)).isEqualTo(full);
    }

    @Test
    void totalsThatDisagreeWithTheFillsStillFail() {
        Order known = known();
        Fill second = fill(2, "0.3");
        Order full = known.withFillAnd(second, 7L, OrderStatus.PARTIALLY_FILLED, new BigDecimal("0.5"), null,
                T0.plusSeconds(2), T0.plusSeconds(2), null);
        Order event = full.withoutFills();
        Order unrelated = known().withFill(fill(3, "0.1"), T0.plusSeconds(3)); // 0.3 filled: its fills are not 1 and 2

        assertThatThrownBy(() -> event.withFillsOf(unrelated, second, full)).isInstanceOf(IllegalStateException.class);
    }
}
