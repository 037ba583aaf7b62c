package io.tradeguard.app.engine;

import io.tradeguard.binance.spot.BinanceSpotVenue;
import io.tradeguard.core.engine.Command;
import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.event.ReconciliationSummary;
import io.tradeguard.core.journal.JournalEntry;
import io.tradeguard.core.ledger.AssetBalance;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.sim.SimAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.tradeguard.app.engine.EngineOnSim.BTCUSDT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation against the real exchange API: things happen on the account while the user stream is
 * down (the simulator's drop_streams fault; the client reconnects only after 0.75-1.5 s, so the gap is
 * real), and the engine learns them from the reconciliation that follows the reconnect. Every fix is a
 * journaled event.
 */
class ReconciliationEndToEndTest {
    private static final Duration RECONNECT_AFTER = Duration.ofMillis(1500);

    @TempDir
    Path dir;
    private SimFixture sim;
    private SimAccount account;
    private BinanceSpotVenue oracle;
    private EngineOnSim e;

    @BeforeEach
    void start() throws Exception {
        sim = new SimFixture();
        account = sim.engineAccount();
        oracle = sim.oracle(account);
        e = new EngineOnSim(sim, account, dir.resolve("tg.db"), RECONNECT_AFTER);
    }

    @AfterEach
    void stop() {
        if (e != null) {
            e.close();
        }
        sim.close();
    }

    @Test
    void aFillAndACancelDuringAStreamGapAreSettledByTheReconciliationAfterTheReconnect() throws Exception {
        SimAccount other = sim.counterparty();
        ClientOrderId filled = e.limit(Side.BUY, "0.01", "49000");
        ClientOrderId cancelled = e.limit(Side.BUY, "0.01", "48000");
        e.awaitSnapshot("both bids rest", s -> s.order(filled).map(o -> o.status() == OrderStatus.NEW).orElse(false)
                && s.order(cancelled).map(o -> o.status() == OrderStatus.NEW).orElse(false));
        int before = e.journaled.size();

        // when the streams drop, and in the gap one bid is filled and the other is cancelled by hand
        sim.faults("{\"drop_streams\":true}");
        sim.externalOrder(other, "SELL", "LIMIT", "0.01", "49000");
        oracle.rest().cancelOrderByClientId(SimFixture.SYMBOL, cancelled.value());

        // then after the reconnect the engine has both settled, the fill in its position
        TradingSnapshot settled = e.awaitSnapshot("both orders settled", s -> s.order(filled).isEmpty()
                && s.order(cancelled).isEmpty() && s.position(Market.SPOT, BTCUSDT).isPresent());
        assertThat(settled.position(Market.SPOT, BTCUSDT).orElseThrow().quantity()).isEqualByComparingTo(SimFixture.netHeld(oracle));

        // and each fix is a journaled event, made by the reconciliation that followed the reconnect
        // (the snapshot may show a change a moment before the journal listener has it durable)
        List<JournalEntry> gap = journaledAfter(before, DomainEvent.ReconciliationCompleted.class, r -> r.summary().ordersUpdated() > 0);
        int restored = indexOf(gap, DomainEvent.ConnectionRestored.class);
        assertThat(indexOf(gap, DomainEvent.ConnectionLost.class)).isNotNegative().isLessThan(restored);
        int filledAt = indexOf(gap, DomainEvent.OrderFilled.class, f -> f.order().clientOrderId().equals(filled));
        int cancelledAt = indexOf(gap, DomainEvent.OrderCancelled.class, c -> c.order().clientOrderId().equals(cancelled));
        int summaryAt = indexOf(gap, DomainEvent.ReconciliationCompleted.class, r -> r.summary().ordersUpdated() > 0);
        assertThat(filledAt).as("filled, learned after the reconnect").isGreaterThan(restored).isLessThan(summaryAt);
        assertThat(cancelledAt).as("cancelled, learned after the reconnect").isGreaterThan(restored).isLessThan(summaryAt);
        ReconciliationSummary summary = ((DomainEvent.ReconciliationCompleted) gap.get(summaryAt).event()).summary();
        assertThat(summary.ordersUpdated()).isEqualTo(2);
        assertThat(summary.fillsApplied()).isEqualTo(1);
        assertThat(summary.notes()).anySatisfy(n -> assertThat(n).contains(filled.value()))
                .anySatisfy(n -> assertThat(n).contains(cancelled.value()));
        assertThat(e.fills(filled)).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualByComparingTo("49000");
            assertThat(f.quantity()).isEqualByComparingTo("0.01");
        });
        assertThat(e.stored()).as("the journal as stored").hasSameSizeAs(e.journaled);
    }

    @Test
    void anExternalOrderAndABalanceChangeDuringAStreamGapAreAdoptedAndCorrected() throws Exception {
        e.awaitSnapshot("the initial balances", s -> s.balance(Market.SPOT, Asset.USDT).isPresent());
        int before = e.journaled.size();

        // when the streams drop, and in the gap someone bids from the Binance app and USDT is deposited
        sim.faults("{\"drop_streams\":true}");
        sim.externalOrder(account, "BUY", "LIMIT", "0.01", "45000");
        sim.balance(account, "USDT", "25");

        // then the engine adopts the order as EXTERNAL and takes the exchange's balances:
        // USDT 10,000 + 25 = 10,025, of which 0.01 × 45,000 = 450 locked by the bid
        TradingSnapshot after = e.awaitSnapshot("the external order adopted and the balance corrected", s ->
                s.orders().stream().anyMatch(o -> o.origin() == OrderOrigin.EXTERNAL)
                        && s.balance(Market.SPOT, Asset.USDT).map(b -> b.locked().compareTo(new BigDecimal("450")) == 0
                        && b.free().compareTo(new BigDecimal("9575")) == 0).orElse(false));
        Order external = after.orders().stream().filter(o -> o.origin() == OrderOrigin.EXTERNAL).findFirst().orElseThrow();
        assertThat(external.clientOrderId().value()).doesNotStartWith("TG");
        assertThat(external.status()).isEqualTo(OrderStatus.NEW);
        assertThat(external.price()).isEqualByComparingTo("45000");
        assertThat(SimFixture.total(oracle, "USDT")).isEqualByComparingTo("10025");

        List<JournalEntry> gap = journaledAfter(before, DomainEvent.ReconciliationCompleted.class, r -> r.summary().adoptedExternal() > 0);
        int restored = indexOf(gap, DomainEvent.ConnectionRestored.class);
        int adopted = indexOf(gap, DomainEvent.OrderAdopted.class, a -> a.order().origin() == OrderOrigin.EXTERNAL);
        int corrected = indexOf(gap, DomainEvent.BalanceUpdated.class, b -> b.balance().asset().equals(Asset.USDT));
        int summaryAt = indexOf(gap, DomainEvent.ReconciliationCompleted.class, r -> r.summary().adoptedExternal() > 0);
        assertThat(adopted).isGreaterThan(restored).isLessThan(summaryAt);
        assertThat(corrected).isGreaterThan(restored).isLessThan(summaryAt);
        ReconciliationSummary summary = ((DomainEvent.ReconciliationCompleted) gap.get(summaryAt).event()).summary();
        assertThat(summary.adoptedExternal()).isEqualTo(1);
        assertThat(summary.balancesCorrected()).isPositive();
        AssetBalance usdt = ((DomainEvent.BalanceUpdated) gap.get(corrected).event()).balance();
        assertThat(usdt.total()).isEqualByComparingTo("10025");

        // and reconciling again finds nothing to fix (idempotent against the real exchange)
        int settledAt = e.journaled.size();
        e.engine.submit(new Command.Reconcile()).get(10, java.util.concurrent.TimeUnit.SECONDS);
        List<JournalEntry> again = journaledAfter(settledAt, DomainEvent.ReconciliationCompleted.class, r -> true);
        assertThat(again).extracting(x -> x.event().getClass().getSimpleName()).containsExactly("ReconciliationCompleted");
        ReconciliationSummary quiet = ((DomainEvent.ReconciliationCompleted) again.getFirst().event()).summary();
        assertThat(quiet.ordersUpdated() + quiet.fillsApplied() + quiet.adoptedExternal() + quiet.adoptedOurs()
                + quiet.balancesCorrected() + quiet.discrepancies()).isZero();
    }

    /** The events journaled from index {@code from} on, once one of them matches. */
    private <T extends DomainEvent> List<JournalEntry> journaledAfter(int from, Class<T> type, java.util.function.Predicate<T> until) {
        org.awaitility.Awaitility.await("a journaled " + type.getSimpleName()).atMost(EngineOnSim.DEADLINE)
                .until(() -> List.copyOf(e.journaled).stream().skip(from)
                        .anyMatch(x -> type.isInstance(x.event()) && until.test(type.cast(x.event()))));
        List<JournalEntry> all = List.copyOf(e.journaled);
        return all.subList(from, all.size());
    }

    private static int indexOf(List<JournalEntry> entries, Class<? extends DomainEvent> type) {
        return indexOf(entries, type, x -> true);
    }

    private static <T extends DomainEvent> int indexOf(List<JournalEntry> entries, Class<T> type, java.util.function.Predicate<T> filter) {
        for (int i = 0; i < entries.size(); i++) {
            if (type.isInstance(entries.get(i).event()) && filter.test(type.cast(entries.get(i).event()))) {
                return i;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + entries.stream()
                .map(x -> x.event().getClass().getSimpleName()).toList());
    }
}
