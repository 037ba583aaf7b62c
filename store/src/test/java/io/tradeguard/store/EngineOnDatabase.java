package io.tradeguard.store;

import io.tradeguard.core.engine.Command;
import io.tradeguard.core.engine.CommandResult;
import io.tradeguard.core.engine.Engine;
import io.tradeguard.core.engine.EngineSettings;
import io.tradeguard.core.journal.Journal;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.pretrade.AllowAllGate;
import io.tradeguard.core.pretrade.PreTradeGate;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.testing.FakeVenue;
import io.tradeguard.core.testing.ManualClock;
import io.tradeguard.core.testing.Reports;
import io.tradeguard.core.venue.VenueEvent;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/** An engine on a fake venue whose journal is a real database: what a restart of the process sees. */
final class EngineOnDatabase implements AutoCloseable {
    private static final AtomicInteger RUNS = new AtomicInteger();
    final Engine engine;
    final FakeVenue venue;
    final ManualClock clock;

    EngineOnDatabase(Journal journal, FakeVenue venue, ManualClock clock) throws Exception {
        this.venue = venue;
        this.clock = clock;
        String run = Integer.toString(RUNS.incrementAndGet(), 36);
        AtomicInteger n = new AtomicInteger();
        this.engine = Engine.builder(venue, journal)
                .settings(EngineSettings.defaults(Market.SPOT).withTickInterval(null).withCancelOpenOrdersOnStop(false))
                .gates(List.of(new AllowAllGate(PreTradeGate.Stage.RISK)))
                .clock(clock)
                .ids(origin -> ClientOrderId.of("TG" + origin.code() + "-" + run + "-" + n.incrementAndGet()))
                .build();
        engine.start();
    }

    ClientOrderId place(Side side, String quantity, String price) throws Exception {
        CommandResult result = engine.submit(new Command.PlaceOrder(OrderIntent.limit(Market.SPOT, Reports.BTCUSDT,
                side, Reports.d(quantity), Reports.d(price), OrderOrigin.MANUAL))).get(10, TimeUnit.SECONDS);
        return ((CommandResult.Accepted) result).order();
    }

    /** Fills the order on the venue: the stream report, and the venue's own record for later queries. */
    void fill(ClientOrderId id, Side side, String quantity, String price, String filled, long tradeId, boolean complete) {
        long venueId = awaitVenueId(id);
        var fill = Reports.fill(tradeId, price, filled, "0.001", Asset.USDT, clock.instant());
        OrderStatus status = complete ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        venue.emit(new VenueEvent.OrderUpdated(Reports.trade(id.value(), venueId, side, quantity, price, status, filled, fill)));
        venue.putOrder(Reports.status(id.value(), venueId, side, quantity, price, status, filled, clock.instant()));
        venue.addTrade(new io.tradeguard.core.venue.Venue.AccountTrade(Reports.BTCUSDT, venueId, side, fill));
    }

    long awaitVenueId(ClientOrderId id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshot().order(id).map(o -> o.venueOrderId() != null).orElse(false));
        return snapshot().order(id).orElseThrow().venueOrderId();
    }

    TradingSnapshot snapshot() {
        try {
            return engine.snapshot().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        engine.stop("test over");
    }
}
