package io.tradeguard.core.engine;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.journal.InMemoryJournal;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.pretrade.GateDecision;
import io.tradeguard.core.pretrade.PreTradeGate;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.testing.FakeVenue;
import io.tradeguard.core.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.tradeguard.core.testing.Reports.BTCUSDT;
import static io.tradeguard.core.testing.Reports.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A requested (manual) OCO: both legs pass the gates and are journaled before the list is sent, or nothing is. */
class EngineManualOcoTest {
    private EngineHarness h;

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private static OrderIntent leg(OrderType type, String price, String stop) {
        return new OrderIntent(Market.SPOT, BTCUSDT, Side.SELL, type, null, d("0.5"), null, price == null ? null : d(price),
                stop == null ? null : d(stop), null, null, null, false, false, OrderOrigin.MANUAL, "manual OCO", null);
    }

    private static Command.PlaceOco sellOco() {
        return new Command.PlaceOco(leg(OrderType.LIMIT_MAKER, "110", null), leg(OrderType.STOP_LOSS, null, "90"));
    }

    @Test
    void bothLegsAreJournaledAsManualOrdersAndTheListIsSentOnce() throws Exception {
        h = EngineHarness.started();
        h.venue.enableOco();

        CommandResult result = h.submit(sellOco());

        assertThat(result).isInstanceOf(CommandResult.Accepted.class);
        List<ClientOrderId> legs = ((CommandResult.Accepted) result).orders();
        assertThat(legs).hasSize(2);
        assertThat(legs.get(0).value()).startsWith("TGM-").endsWith(".tp");
        assertThat(legs.get(1).value()).isEqualTo(legs.get(0).value().replace(".tp", ".sl"));
        // the list is sent by the effect runner once both legs are durable
        await().atMost(Duration.ofSeconds(5)).until(() -> !h.venue.ocos().isEmpty());
        assertThat(h.journaled(DomainEvent.OrderSubmitted.class)).extracting(s -> s.request().clientOrderId())
                .containsExactlyElementsOf(legs);
        assertThat(h.venue.ocos()).singleElement().satisfies(list -> {
            assertThat(list.side()).isEqualTo(Side.SELL);
            assertThat(list.above().type()).isEqualTo(OrderType.LIMIT_MAKER);
            assertThat(list.above().price()).isEqualByComparingTo("110");
            assertThat(list.above().clientOrderId()).isEqualTo(legs.get(0));
            assertThat(list.below().type()).isEqualTo(OrderType.STOP_LOSS);
            assertThat(list.below().stopPrice()).isEqualByComparingTo("90");
            assertThat(list.below().clientOrderId()).isEqualTo(legs.get(1));
        });
        for (ClientOrderId id : legs) {
            assertThat(h.awaitOrder(id, o -> o.status() == OrderStatus.NEW).origin()).isEqualTo(OrderOrigin.MANUAL);
        }
    }

    @Test
    void aGateRefusingEitherLegSendsNothingAndJournalsNoLeg() throws Exception {
        ManualClock clock = ManualClock.at("2026-01-05T10:00:00Z");
        PreTradeGate noStops = new PreTradeGate() {
            public Stage stage() {
                return Stage.SAFETY;
            }

            public String name() {
                return "no-stops";
            }

            public GateDecision check(OrderIntent intent, TradingSnapshot state) {
                return intent.type() == OrderType.STOP_LOSS ? GateDecision.Reject.because("stops are paused") : GateDecision.PASS;
            }
        };
        h = new EngineHarness(clock, new FakeVenue(clock), new InMemoryJournal(), List.of(noStops), EngineHarness.settings());
        h.engine.start();

        CommandResult result = h.submit(sellOco());

        assertThat(result).isEqualTo(new CommandResult.Rejected(List.of("stops are paused")));
        await().atMost(Duration.ofSeconds(5)).until(() -> !h.journaled(DomainEvent.OrderDenied.class).isEmpty());
        assertThat(h.venue.ocos()).isEmpty();
        assertThat(h.journaled(DomainEvent.OrderSubmitted.class)).isEmpty();
        assertThat(h.journaled(DomainEvent.OrderDenied.class)).singleElement()
                .satisfies(denied -> assertThat(denied.reasons()).containsExactly("stops are paused"));
    }

    @Test
    void legsThatDoNotPairAreRefusedBeforeTheEngineSeesThem() {
        assertThatThrownBy(() -> new Command.PlaceOco(leg(OrderType.LIMIT_MAKER, "110", null), leg(OrderType.LIMIT_MAKER, "90", null)))
                .hasMessageContaining("one LIMIT_MAKER leg with one stop leg");
    }
}
