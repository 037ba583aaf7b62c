package io.tradeguard.core.engine;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.pretrade.AllowAllGate;
import io.tradeguard.core.pretrade.PreTradeGate;
import io.tradeguard.core.testing.FailingJournal;
import io.tradeguard.core.testing.FakeVenue;
import io.tradeguard.core.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.tradeguard.core.testing.Reports.BTCUSDT;
import static io.tradeguard.core.testing.Reports.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Write-ahead means: what cannot be journaled is never sent. */
class EngineJournalFailureTest {

    @Test
    void whenTheJournalFailsNoOrderLeavesButCancelsStillDo() throws Exception {
        ManualClock clock = ManualClock.at("2026-01-05T10:00:00Z");
        FakeVenue venue = new FakeVenue(clock);
        FailingJournal journal = new FailingJournal();
        Engine engine = Engine.builder(venue, journal)
                .settings(EngineSettings.defaults(Market.SPOT).withTickInterval(null).withCancelOpenOrdersOnStop(false))
                .gates(List.of(new AllowAllGate(PreTradeGate.Stage.RISK)))
                .clock(clock)
                .build();
        engine.start();
        try {
            CommandResult first = engine.submit(new Command.PlaceOrder(OrderIntent.limit(Market.SPOT, BTCUSDT, Side.BUY,
                    d("1"), d("100"), OrderOrigin.MANUAL))).get(5, TimeUnit.SECONDS);
            ClientOrderId resting = ((CommandResult.Accepted) first).order();
            await().atMost(Duration.ofSeconds(5)).until(() -> engine.snapshot().get().order(resting)
                    .map(o -> o.status() == OrderStatus.NEW).orElse(false));

            journal.breakIt();
            var second = engine.submit(new Command.PlaceOrder(OrderIntent.limit(Market.SPOT, BTCUSDT, Side.BUY,
                    d("1"), d("101"), OrderOrigin.MANUAL)));

            assertThatThrownBy(() -> second.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("disk full").hasMessageContaining("no new order is sent");
            assertThat(venue.count("submit")).isEqualTo(1);

            CommandResult third = engine.submit(new Command.PlaceOrder(OrderIntent.limit(Market.SPOT, BTCUSDT, Side.BUY,
                    d("1"), d("102"), OrderOrigin.MANUAL))).get(5, TimeUnit.SECONDS);
            assertThat(third).isInstanceOfSatisfying(CommandResult.Rejected.class,
                    r -> assertThat(r.reasons().get(0)).contains("journal cannot be written"));

            engine.submit(new Command.CancelOrder(resting, "risk off"));
            await().atMost(Duration.ofSeconds(5)).until(() -> venue.count("cancel") == 1);
            assertThat(venue.count("submit")).isEqualTo(1);
        } finally {
            engine.stop("test over");
        }
    }
}
