package io.tradeguard.core.safety;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.risk.Origin;
import io.tradeguard.core.risk.ProposedOrder;
import io.tradeguard.core.risk.RiskConfig;
import io.tradeguard.core.venue.VenueError;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SafetyGateTest {
    private final Instant now = Instant.parse("2026-03-02T10:00:00Z");
    private final EmergencyStop halt = new EmergencyStop(3, EmergencyStopState.none());
    private final KillSwitch killSwitch = new KillSwitch(RiskConfig.defaults(), KillSwitchState.fresh(new BigDecimal("10000"), now));
    private final CircuitBreaker breaker = new CircuitBreaker(5, Duration.ofSeconds(300), CircuitBreakerState.closed());

    private static ProposedOrder order(Origin origin, boolean reducing) {
        return new ProposedOrder(Market.FUTURES, Symbol.of("BTCUSDT"), Side.BUY, OrderType.MARKET, BigDecimal.ONE, null, 5,
                null, origin, reducing, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private SafetyGate.Decision admit(ProposedOrder order) {
        return SafetyGate.admit(order, halt, killSwitch, breaker, now);
    }

    @Test
    void theKillSwitchBlocksEntriesButNotExits() {
        killSwitch.tripManually("test", now);
        assertThat(admit(order(Origin.MANUAL, false))).isInstanceOfSatisfying(SafetyGate.Decision.Blocked.class,
                b -> assertThat(b.reason()).contains("Kill switch active").contains("tripped by hand: test"));
        assertThat(admit(order(Origin.MANUAL, true))).isInstanceOf(SafetyGate.Decision.Pass.class);
        assertThat(admit(order(Origin.PROTECTION, false))).isInstanceOf(SafetyGate.Decision.Pass.class);
    }

    @Test
    void theHaltBlocksEntriesUntilReset() {
        halt.start("by hand", List.of(), List.of(), () -> null, now);
        assertThat(admit(order(Origin.SIGNAL, false))).isInstanceOf(SafetyGate.Decision.Blocked.class);
        halt.reset("flat again", now);
        assertThat(admit(order(Origin.SIGNAL, false))).isInstanceOf(SafetyGate.Decision.Pass.class);
    }

    @Test
    void anOpenBreakerHoldsEverythingButEmergencyLegs() {
        VenueError down = new VenueError(VenueError.Kind.UNREACHABLE, 0, 0, "connection refused", null);
        for (int i = 0; i < 5; i++) {
            breaker.onError(down, now);
        }
        assertThat(admit(order(Origin.PROTECTION, true))).isInstanceOfSatisfying(SafetyGate.Decision.Blocked.class,
                b -> assertThat(b.retryAt()).isEqualTo(now.plusSeconds(300)));
        assertThat(admit(order(Origin.EMERGENCY, true))).isEqualTo(new SafetyGate.Decision.Pass(false, List.of()));
        SafetyGate.Decision probe = SafetyGate.admit(order(Origin.MANUAL, false), halt, killSwitch, breaker, now.plusSeconds(300));
        assertThat(probe).isInstanceOfSatisfying(SafetyGate.Decision.Pass.class, p -> {
            assertThat(p.probe()).isTrue();
            assertThat(p.events()).singleElement().isInstanceOf(SafetyEvent.CircuitBreakerHalfOpened.class);
        });
    }

    @Test
    void theStatusCarriesTheDesignFields() {
        SafetyStatus status = SafetyStatus.of(killSwitch.state(), breaker.state(), halt.state(), RiskConfig.defaults());
        assertThat(status.killSwitchActive()).isFalse();
        assertThat(status.circuitBreaker()).isEqualTo(CircuitBreaker.Status.CLOSED);
        assertThat(status.configuration()).containsEntry("max_portfolio_heat", "0.30").containsEntry("daily_loss_limit_usd", "off");
    }
}
