package io.tradeguard.store;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.ExecutionType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderReports;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.core.venue.OrderUpdate;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.tradeguard.store.EventSamples.BTC;
import static io.tradeguard.store.EventSamples.BTCUSDT;
import static io.tradeguard.store.EventSamples.T0;
import static io.tradeguard.store.EventSamples.d;
import static org.assertj.core.api.Assertions.assertThat;

class EventCodecTest {
    private final EventCodec codec = new EventCodec();

    private static Order filledTimes(int fills) {
        Order order = Order.pending(EventSamples.intent(), ClientOrderId.of("TGM-many"), T0);
        for (int i = 1; i <= fills; i++) {
            Fill fill = new Fill(i, d("42000.10"), d("0.001"), d("0.00000100"), BTC, false, T0.plusMillis(i));
            BigDecimal cumulative = d("0.001").multiply(BigDecimal.valueOf(i));
            order = OrderReports.apply(order, new OrderUpdate(Market.SPOT, BTCUSDT, 7, order.clientOrderId(), Side.BUY,
                    OrderType.LIMIT, TimeInForce.GTC, OrderStatus.PARTIALLY_FILLED, ExecutionType.TRADE, d("0.50000"),
                    d("42000.10"), null, cumulative, BigDecimal.ZERO, fill, null, -1, false, fill.time(), fill.time())).order();
        }
        return order;
    }

    @Test
    void aFillEventHasTheSameSizeWhateverTheNumberOfEarlierFills() {
        Order first = filledTimes(1);
        Order fiftieth = filledTimes(50);

        String one = codec.encode(new DomainEvent.OrderPartiallyFilled(first, first.fills().get(0), T0));
        String fifty = codec.encode(new DomainEvent.OrderPartiallyFilled(fiftieth, fiftieth.fills().get(49), T0));

        assertThat(fiftieth.fills()).hasSize(50);
        assertThat(fifty.length()).isBetween(one.length() - 10, one.length() + 10);
        assertThat(fifty).contains("\"filledQuantity\":\"0.050\"").contains("\"fills\":[]");
    }

    @Test
    void decimalsKeepTheirScale() throws Exception {
        var event = new DomainEvent.PositionUpdated(EventSamples.position(), d("1.50"), T0);

        var back = (DomainEvent.PositionUpdated) codec.decode(codec.typeOf(event), codec.encode(event));

        assertThat(back.realized().toPlainString()).isEqualTo("1.50");
        assertThat(back.position().entryCost().toPlainString()).isEqualTo("21000.0500000");
        assertThat(back).isEqualTo(event);
    }

    @Test
    void aPositionJournaledBeforeFundingExistedReadsWithZeroFunding() throws Exception {
        var event = new DomainEvent.PositionUpdated(EventSamples.position(), d("1.50"), T0);
        String current = codec.encode(event);
        assertThat(current).contains("\"funding\":\"0\"");
        String old = current.replace(",\"funding\":\"0\"", "");
        assertThat(old).doesNotContain("funding");

        var back = (DomainEvent.PositionUpdated) codec.decode(codec.typeOf(event), old);

        assertThat(back.position().funding()).isEqualByComparingTo("0");
        assertThat(back).isEqualTo(event);
    }

    @Test
    void fundingRoundTrips() throws Exception {
        var paid = new DomainEvent.FundingPaid(BTCUSDT, io.tradeguard.core.model.Asset.USDT, d("-0.50"),
                EventSamples.position().withFunding(d("-0.50"), T0), T0, T0);

        var back = (DomainEvent.FundingPaid) codec.decode(codec.typeOf(paid), codec.encode(paid));

        assertThat(back).isEqualTo(paid);
        assertThat(back.position().funding().toPlainString()).isEqualTo("-0.50");
    }
}
