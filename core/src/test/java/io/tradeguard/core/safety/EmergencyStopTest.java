package io.tradeguard.core.safety;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.risk.OpenPosition;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmergencyStopTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");
    private static final Symbol ETH = Symbol.of("ETHUSDT");
    private final Instant now = Instant.parse("2026-03-02T10:00:00Z");
    private final AtomicInteger counter = new AtomicInteger();
    private final Supplier<ClientOrderId> ids = () -> ClientOrderId.of("tg-es-" + counter.incrementAndGet());
    private final EmergencyStop stop = new EmergencyStop(3, EmergencyStopState.none());

    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    private final List<RestingOrder> orders = List.of(
            new RestingOrder(Market.SPOT, BTC, ClientOrderId.of("tg-1")),
            new RestingOrder(Market.FUTURES, ETH, ClientOrderId.of("tg-2")));
    private final List<OpenPosition> positions = List.of(
            new OpenPosition(Market.SPOT, BTC, Side.BUY, d("0.5"), d("50000"), d("49000"), d("49000"), 1),
            new OpenPosition(Market.FUTURES, ETH, Side.SELL, d("3"), d("3000"), d("3100"), null, 10));

    @Test
    void plansACancelForEveryOrderAndAMarketCloseForEveryPosition() {
        List<SafetyEvent> events = stop.start("drawdown 10%", orders, positions, ids, now);
        assertThat(events).containsExactly(new SafetyEvent.EmergencyStop("drawdown 10%", 2, 2, now));
        assertThat(stop.blocksEntries()).isTrue();
        assertThat(stop.entryBlockReason()).get().asString().contains("explicit reset");
        List<EmergencyLeg> legs = stop.state().legs();
        assertThat(legs).extracting(EmergencyLeg::kind).containsExactly(EmergencyLeg.Kind.CANCEL, EmergencyLeg.Kind.CANCEL,
                EmergencyLeg.Kind.FLATTEN, EmergencyLeg.Kind.FLATTEN);
        var spotClose = legs.get(2).flatten();
        assertThat(spotClose.side()).isEqualTo(Side.SELL);
        assertThat(spotClose.type()).isEqualTo(OrderType.MARKET);
        assertThat(spotClose.quantity()).isEqualByComparingTo("0.5");
        assertThat(spotClose.reduceOnly()).isFalse();
        var futuresClose = legs.get(3).flatten();
        assertThat(futuresClose.side()).isEqualTo(Side.BUY);
        assertThat(futuresClose.reduceOnly()).isTrue();
    }

    @Test
    void aSymbolsCloseWaitsForItsCancelsToHaveAnOutcome() {
        stop.start("by hand", orders, positions, ids, now);
        assertThat(stop.takeDue()).extracting(EmergencyLeg::id).containsExactly(0, 1);
        assertThat(stop.takeDue()).isEmpty();
        stop.onSucceeded(1, now);
        assertThat(stop.takeDue()).extracting(EmergencyLeg::id).containsExactly(3);
        stop.onFailed(0, "timeout", now);
        assertThat(stop.takeDue()).extracting(EmergencyLeg::id).containsExactly(0);
    }

    @Test
    void failedLegsAreRetriedThenReportedAndTheStopStillFinishes() {
        stop.start("by hand", orders, positions, ids, now);
        stop.takeDue();
        stop.onSucceeded(0, now);
        stop.onSucceeded(1, now);
        for (int attempt = 1; attempt <= 3; attempt++) {
            List<EmergencyLeg> due = stop.takeDue();
            assertThat(due).extracting(EmergencyLeg::id).contains(2);
            assertThat(due).filteredOn(l -> l.id() == 2).singleElement().extracting(EmergencyLeg::attempts).isEqualTo(attempt);
            if (attempt == 1) {
                stop.onSucceeded(3, now);
            }
            List<SafetyEvent> events = stop.onFailed(2, "HTTP 503", now);
            if (attempt < 3) {
                assertThat(events).isEmpty();
            } else {
                assertThat(events).singleElement().isInstanceOfSatisfying(SafetyEvent.EmergencyStopFinished.class, e ->
                        assertThat(e.notDone()).containsExactly("close 0.5 BTCUSDT (spot) at market failed after 3 attempts: HTTP 503"));
            }
        }
        assertThat(stop.finished()).isTrue();
        assertThat(stop.takeDue()).isEmpty();
        assertThat(stop.blocksEntries()).isTrue();
    }

    @Test
    void aRetryResendsTheSameClientOrderId() {
        stop.start("by hand", List.of(), positions, ids, now);
        ClientOrderId first = stop.takeDue().get(0).flatten().clientOrderId();
        stop.onFailed(0, "unknown outcome", now);
        assertThat(stop.takeDue().get(0).flatten().clientOrderId()).isEqualTo(first);
    }

    @Test
    void theHaltLastsUntilAnExplicitResetAndSurvivesARestart() {
        assertThatThrownBy(() -> stop.reset("nothing to reset", now)).isInstanceOf(IllegalStateException.class);
        stop.start("by hand", List.of(), List.of(), ids, now);
        assertThat(stop.finished()).isTrue();
        EmergencyStop restored = new EmergencyStop(3, stop.state());
        assertThat(restored.blocksEntries()).isTrue();
        assertThatThrownBy(() -> restored.reset("", now)).hasMessage("a reset needs a reason");
        assertThat(restored.reset("book is flat", now)).containsExactly(new SafetyEvent.EmergencyHaltReset("book is flat", now));
        assertThat(restored.blocksEntries()).isFalse();
        assertThat(restored.state().resetReason()).isEqualTo("book is flat");
    }

    @Test
    void legsInFlightAtARestartAreSentAgain() {
        stop.start("by hand", orders, positions, ids, now);
        List<EmergencyLeg> sent = stop.takeDue();
        EmergencyStop restored = new EmergencyStop(3, stop.state());
        assertThat(restored.takeDue()).extracting(EmergencyLeg::id).isEqualTo(sent.stream().map(EmergencyLeg::id).toList());
        assertThat(restored.state().legs().get(0).attempts()).isEqualTo(2);
    }

    @Test
    void anEmptyBookFinishesAtOnce() {
        List<SafetyEvent> events = stop.start("by hand", List.of(), List.of(), ids, now);
        assertThat(events).hasSize(2).last().isEqualTo(new SafetyEvent.EmergencyStopFinished(List.of(), now));
    }

    @Test
    void reportingOnALegThatWasNotSentIsAnError() {
        stop.start("by hand", orders, positions, ids, now);
        assertThatThrownBy(() -> stop.onSucceeded(2, now)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> stop.onSucceeded(9, now)).isInstanceOf(IllegalArgumentException.class);
    }
}
