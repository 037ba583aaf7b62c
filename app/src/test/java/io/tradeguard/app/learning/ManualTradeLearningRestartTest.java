package io.tradeguard.app.learning;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.journal.JournalEntry;
import io.tradeguard.core.learning.LearningRecord;
import io.tradeguard.core.ledger.LedgerFill;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.ledger.PositionMath;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.ExecutionType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderInstructions;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.order.OrderReports;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.core.venue.OrderRequest;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.store.Database;
import io.tradeguard.store.LearningRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signal's position is still open when tradeguard restarts; it is closed by hand afterwards. The record
 * still names the signal's strategy and confidence: they travel with the order in the SQLite journal, and
 * the learning is rebuilt from it.
 */
class ManualTradeLearningRestartTest {
    private static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
    private static final Asset USDT = Asset.of("USDT");
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void strategy_and_confidence_of_a_signal_survive_a_restart_through_the_journal() throws Exception {
        Path file = dir.resolve("journal.db");
        ClientOrderId entryId = ClientOrderId.of("TGS-1");
        Order submitted = Order.pending(OrderIntent.market(Market.SPOT, BTCUSDT, Side.BUY, new BigDecimal("0.01"), OrderOrigin.SIGNAL)
                .withReason("signal adv-1")
                .withInstructions(OrderInstructions.DEFAULTS.withProtection(true, new BigDecimal("48500"), new BigDecimal("52000"), null)
                        .withSource("breakout", new BigDecimal("0.9"))), entryId, T0);
        Fill entryFill = new Fill(1, new BigDecimal("50000"), new BigDecimal("0.01"), new BigDecimal("0.5"), USDT, false, T0);
        Order filled = OrderReports.applyFill(submitted, entryFill, T0).order();
        Position open = PositionMath.apply(null, ledger(Side.BUY, entryFill, "SIGNAL: signal adv-1"), 1).after();

        // before the restart: the entry is journaled and the position is open
        try (Database db = Database.sqlite(file)) {
            db.journal().append(List.of(
                    new JournalEntry(1, new DomainEvent.OrderSubmitted(submitted,
                            OrderRequest.simple(Market.SPOT, BTCUSDT, Side.BUY, OrderType.MARKET, new BigDecimal("0.01"), null, entryId), T0)),
                    new JournalEntry(2, new DomainEvent.OrderFilled(filled, entryFill, T0)),
                    new JournalEntry(3, new DomainEvent.PositionOpened(open, T0))));
        }

        // after it: a new process rebuilds the learning from the journal, then the position is sold in the app
        try (Database db = Database.sqlite(file)) {
            ManualTradeLearning learning = new ManualTradeLearning(new LearningRecords(db.dataSource()));
            learning.restore(db.journal());
            Instant later = T0.plusSeconds(600);
            Order external = Order.adopted(new OrderUpdate(Market.SPOT, BTCUSDT, 77, ClientOrderId.of("web_1"), Side.SELL,
                    OrderType.MARKET, null, OrderStatus.NEW, ExecutionType.NEW, new BigDecimal("0.01"), null, null,
                    BigDecimal.ZERO, BigDecimal.ZERO, null, null, -1, false, later, later), OrderOrigin.EXTERNAL, later);
            Fill exitFill = new Fill(2, new BigDecimal("51000"), new BigDecimal("0.01"), new BigDecimal("0.51"), USDT, false, later);
            PositionMath.Outcome closed = PositionMath.apply(open, ledger(Side.SELL, exitFill, "EXTERNAL"), 1);
            learning.onEntry(new JournalEntry(4, new DomainEvent.OrderAdopted(external, later)));
            learning.onEntry(new JournalEntry(5, new DomainEvent.OrderFilled(OrderReports.applyFill(external, exitFill, later).order(),
                    exitFill, later)));
            learning.onEntry(new JournalEntry(6, new DomainEvent.PositionClosed(Market.SPOT, BTCUSDT, open, closed.closed(),
                    closed.realized(), later)));

            assertThat(learning.records()).singleElement().satisfies(r -> {
                assertThat(r.positionId()).isEqualTo(open.positionId());
                assertThat(r.strategy()).isEqualTo("breakout");
                assertThat(r.confidence()).isEqualByComparingTo("0.9");
                assertThat(r.reason()).isEqualTo(LearningRecord.REASON);
                // (51000 - 50000) x 0.01 - 0.5 - 0.51
                assertThat(r.realizedPnl()).isEqualByComparingTo("8.99");
                assertThat(r.duration().toSeconds()).isEqualTo(600);
            });
        }
    }

    private static LedgerFill ledger(Side side, Fill fill, String reason) {
        return new LedgerFill(Market.SPOT, BTCUSDT, Asset.of("BTC"), USDT, side, fill.quantity(), fill.price(),
                fill.commission(), fill.tradeId(), fill.time(), reason);
    }
}
