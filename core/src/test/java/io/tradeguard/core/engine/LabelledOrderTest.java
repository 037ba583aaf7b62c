package io.tradeguard.core.engine;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.tradeguard.core.testing.Reports.BTCUSDT;
import static io.tradeguard.core.testing.Reports.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An order the caller names: the engine's prefix and origin stay in front, and a name is used once. */
class LabelledOrderTest {
    private EngineHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private static OrderIntent buyLimit() {
        return OrderIntent.limit(Market.SPOT, BTCUSDT, Side.BUY, d("1"), d("100"), OrderOrigin.MANUAL);
    }

    @Test
    void aLabelledOrderGoesOutAsPrefixOriginUnderscoreLabel() throws Exception {
        h = EngineHarness.started();

        ClientOrderId id = h.place(new Command.PlaceOrder(buyLimit(), "my-order_1"));

        assertThat(id.value()).isEqualTo("TGM_my-order_1");
        // sent once journaled: the venue's acknowledgement says it went out
        assertThat(h.awaitOrder(id, o -> o.status() == OrderStatus.NEW).origin()).isEqualTo(OrderOrigin.MANUAL);
        assertThat(h.venue.submitted()).singleElement().satisfies(r -> assertThat(r.clientOrderId()).isEqualTo(id));
        assertThat(OrderOrigin.ofClientOrderId(id, "TG")).isEqualTo(OrderOrigin.MANUAL);
    }

    @Test
    void aLabelInUseIsRefusedAndNothingMoreIsSent() throws Exception {
        h = EngineHarness.started();
        ClientOrderId first = h.place(new Command.PlaceOrder(buyLimit(), "twice"));
        h.awaitOrder(first, o -> o.status() == OrderStatus.NEW);

        CommandResult again = h.submit(new Command.PlaceOrder(buyLimit(), "twice"));

        assertThat(again).isInstanceOfSatisfying(CommandResult.Rejected.class,
                r -> assertThat(r.reasons()).singleElement().asString().contains("TGM_twice").contains("already in use"));
        assertThat(h.venue.submitted()).hasSize(1);
    }

    @Test
    void aLabelOutsideBinancesAlphabetOrTooLongIsRefusedAtOnce() {
        assertThatThrownBy(() -> new Command.PlaceOrder(buyLimit(), "a.b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Command.PlaceOrder(buyLimit(), "x".repeat(27))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Command.PlaceOrder(buyLimit(), "")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Command.PlaceOrder(buyLimit(), "x".repeat(26)).clientOrderId("ABCDEFGH").value()).hasSize(36);
        assertThat(new Command.PlaceOrder(buyLimit()).clientOrderId("TG")).isNull();
    }
}
