package io.tradeguard.app.guard;

import io.tradeguard.core.engine.Command;
import io.tradeguard.core.engine.CommandResult;
import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.guard.TradingGuards;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.risk.RiskConfig;
import io.tradeguard.core.safety.CircuitBreaker;
import io.tradeguard.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class KillSwitchAndBreakerTest {

    @TempDir
    Path dir;

    @Test
    void three_real_losses_trip_the_kill_switch_which_blocks_entries_survives_a_restart_and_an_admin_reset_resumes() throws Exception {
        try (GuardedEngine g = new GuardedEngine(dir, RiskConfig.defaults())) {
            // given three losing round trips: in at ~50000, out after the price fell 1% (above the 2% stop)
            for (int i = 0; i < 3; i++) {
                g.priceSeen("50000");
                g.enterLong("0.01", "50100");
                g.priceSeen("49500");
                assertThat(g.submit(new Command.ClosePosition(Market.SPOT, GuardedEngine.BTCUSDT, OrderOrigin.MANUAL, "by hand")))
                        .isInstanceOf(CommandResult.Accepted.class);
                try {
                    await().atMost(Duration.ofSeconds(10)).until(() -> g.position().isEmpty());
                } catch (Throwable t) {
                    g.events.forEach(e -> System.err.println("EV " + e));
                    System.err.println("POS " + g.position());
                    throw t;
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> g.guards.status().killSwitchActive());
            // (each position is what the wallet got, 0.01 less the BTC commission, so each close sells all of it and
            // ends the round trip: three closed losing trades, no unsellable remainder)
            assertThat(g.events(DomainEvent.PositionClosed.class)).hasSize(3)
                    .allSatisfy(c -> assertThat(c.trade().realizedPnl()).isNegative())
                    .allSatisfy(c -> assertThat(c.trade().quantity()).isEqualByComparingTo("0.00999"));
            assertThat(g.events(DomainEvent.PositionUpdated.class).stream().filter(u -> u.realized().signum() != 0)).isEmpty();
            assertThat(g.guards.status().consecutiveLosses()).isEqualTo(3);
            assertThat(g.guards.status().killSwitchReason()).contains("3 losing trades in a row");
            await().atMost(Duration.ofSeconds(5)).until(() -> !g.events(DomainEvent.KillSwitchTripped.class).isEmpty());

            // when the next entry comes
            g.priceSeen("50000");
            CommandResult blocked = g.buyLimit("0.01", "50100");

            // then it is refused and says why
            assertThat(blocked).isInstanceOf(CommandResult.Rejected.class);
            assertThat(String.join(" ", ((CommandResult.Rejected) blocked).reasons())).contains("losing trades in a row");
            assertThat(g.position()).isEmpty();

            // and a restart of the guards from the journal finds the kill switch still active
            TradingGuards restarted = TradingGuards.create(RiskConfig.defaults(), InstantSource.system());
            restarted.restore(g.db.journal());
            assertThat(restarted.status().killSwitchActive()).isTrue();
            assertThat(restarted.status().killSwitchReason()).contains("3 losing trades in a row");

            // when an admin resets it, entries pass again
            g.guards.resetKillSwitch("admin", "losses reviewed");
            assertThat(g.guards.status().killSwitchActive()).isFalse();
            await().atMost(Duration.ofSeconds(5)).until(() -> !g.events(DomainEvent.KillSwitchReset.class).isEmpty());
            assertThat(g.buyLimit("0.01", "50100")).isInstanceOf(CommandResult.Accepted.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> g.position().isPresent());
        }
    }

    @Test
    void injected_exchange_errors_open_the_circuit_breaker_which_refuses_orders_then_recovers_after_the_cooldown() throws Exception {
        RiskConfig config = RiskConfig.defaults().withSetting(RiskConfig.CB_THRESHOLD, "2").withSetting(RiskConfig.CB_COOLDOWN, "1");
        try (GuardedEngine g = new GuardedEngine(dir, config)) {
            g.priceSeen("50000");
            // given every exchange call fails
            g.faults("{\"http_error_rate\": 1.0, \"http_status\": 503}");

            // when orders keep failing
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                g.buyLimit("0.001", "45000");
                return g.guards.status().circuitBreaker() == CircuitBreaker.Status.OPEN;
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> !g.events(DomainEvent.CircuitBreakerOpened.class).isEmpty());
            assertThat(g.events(DomainEvent.OrderStatusUnknown.class)).isNotEmpty();

            // then the next order is refused before it is sent, with the reason
            long submittedBefore = g.events(DomainEvent.OrderSubmitted.class).size();
            CommandResult refused = g.buyLimit("0.001", "45000");
            assertThat(refused).isInstanceOf(CommandResult.Rejected.class);
            assertThat(((CommandResult.Rejected) refused).reasons().get(0)).startsWith("Circuit breaker open");
            assertThat(g.events(DomainEvent.OrderSubmitted.class)).hasSize((int) submittedBefore);

            // when the exchange is healthy again, after the cooldown one probe goes out and closes the breaker
            g.faults("{}");
            List<CommandResult> tries = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
                tries.add(g.buyLimit("0.001", "45000"));
                return g.guards.status().circuitBreaker() == CircuitBreaker.Status.CLOSED;
            });
            assertThat(tries).anyMatch(r -> r instanceof CommandResult.Accepted);
            await().atMost(Duration.ofSeconds(5)).until(() -> !g.events(DomainEvent.CircuitBreakerClosed.class).isEmpty());
            assertThat(g.buyLimit("0.001", "45000")).isInstanceOf(CommandResult.Accepted.class);
        }
        // and the transitions are in the SQLite journal
        try (Database db = Database.sqlite(dir.resolve("journal.db"))) {
            List<String> types = new ArrayList<>();
            db.journal().replay(0, e -> types.add(e.event().getClass().getSimpleName()));
            assertThat(types).contains("CircuitBreakerOpened", "CircuitBreakerClosed", "GuardStateSaved");
        }
    }
}
