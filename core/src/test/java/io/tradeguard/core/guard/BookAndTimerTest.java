package io.tradeguard.core.guard;

import io.tradeguard.core.engine.Command;
import io.tradeguard.core.engine.CommandResult;
import io.tradeguard.core.engine.Engine;
import io.tradeguard.core.engine.EngineSettings;
import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.journal.InMemoryJournal;
import io.tradeguard.core.journal.JournalEntry;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.risk.RiskConfig;
import io.tradeguard.core.safety.CircuitBreakerState;
import io.tradeguard.core.safety.KillSwitch;
import io.tradeguard.core.safety.KillSwitchState;
import io.tradeguard.core.testing.FakeVenue;
import io.tradeguard.core.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.tradeguard.core.testing.Reports.BTCUSDT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The guards on a real engine and a fake venue: the book feed of the slippage rule, and the timer's day roll. */
class BookAndTimerTest {
    private ManualClock clock;
    private FakeVenue venue;
    private InMemoryJournal journal;
    private TradingGuards guards;
    private Engine engine;

    private void start(String at) throws Exception {
        clock = ManualClock.at(at);
        venue = new FakeVenue(clock);
        venue.setBalance(Asset.USDT, "10000", "0");
        guards = TradingGuards.create(RiskConfig.defaults(), clock);
        guards.restore(journal);
        engine = Engine.builder(guards.watch(venue), journal).settings(EngineSettings.defaults(Market.SPOT).withTickInterval(null))
                .gates(guards.gates()).listener(guards.listener()).priceWatcher(guards.priceWatcher()).clock(clock).build();
        guards.bind(engine::submit);
        engine.start();
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop("test over");
        }
    }

    private CommandResult submit(Command command) throws Exception {
        return engine.submit(command).get(5, TimeUnit.SECONDS);
    }

    private CommandResult marketBuy(String quantity) throws Exception {
        return submit(new Command.PlaceOrder(OrderIntent.market(Market.SPOT, BTCUSDT, Side.BUY, new BigDecimal(quantity),
                OrderOrigin.MANUAL)));
    }

    /** A resting bid makes the engine watch BTCUSDT: prices, and with them the book stream; then a price of 100. */
    private void watchBtcAt100() throws Exception {
        assertThat(submit(new Command.PlaceOrder(OrderIntent.limit(Market.SPOT, BTCUSDT, Side.BUY, new BigDecimal("0.1"),
                new BigDecimal("90"), OrderOrigin.MANUAL)))).isInstanceOf(CommandResult.Accepted.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> venue.count("subscribeBooks") == 1);
        venue.tick(BTCUSDT, "100");
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.snapshot().get().price(BTCUSDT).isPresent());
    }

    @Test
    void aMarketOrderWithoutABookIsRefusedSayingTheBookIsUnknownAndPassesOnceAFreshBookCame() throws Exception {
        journal = new InMemoryJournal();
        start("2026-01-05T10:00:00Z");
        watchBtcAt100();

        assertThat(marketBuy("1")).isInstanceOfSatisfying(CommandResult.Rejected.class, r -> assertThat(r.reasons())
                .anySatisfy(reason -> assertThat(reason).contains("order book of BTCUSDT is unknown")));

        // a book from the venue's stream: 0.1 % over the last price, within the 0.5 % allowed
        venue.book(BTCUSDT, "99.9", "50", "100.1", "50");
        assertThat(marketBuy("1")).isInstanceOf(CommandResult.Accepted.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> venue.submitted().size() == 2); // sent after journaling
        assertThat(venue.submitted()).last().satisfies(r -> assertThat(r.type()).isEqualTo(io.tradeguard.core.model.OrderType.MARKET));
    }

    @Test
    void aBookOlderThanItsMaximumAgeIsUnknownAgain() throws Exception {
        journal = new InMemoryJournal();
        start("2026-01-05T10:00:00Z");
        watchBtcAt100();
        venue.book(BTCUSDT, "99.9", "50", "100.1", "50");

        clock.advance(TradingGuards.BOOK_MAX_AGE);
        assertThat(marketBuy("0.5")).isInstanceOf(CommandResult.Accepted.class);
        clock.advance(Duration.ofMillis(1));
        assertThat(marketBuy("0.5")).isInstanceOfSatisfying(CommandResult.Rejected.class, r -> assertThat(r.reasons())
                .anySatisfy(reason -> assertThat(reason).contains("order book of BTCUSDT is unknown")));
    }

    @Test
    void aBookTooThinForTheOrderRejectsItByDefault() throws Exception {
        journal = new InMemoryJournal();
        start("2026-01-05T10:00:00Z");
        watchBtcAt100();
        // the best ask is 0.6 % over the last price: over the 0.5 % allowed
        venue.book(BTCUSDT, "99.9", "50", "100.6", "50");

        assertThat(marketBuy("1")).isInstanceOfSatisfying(CommandResult.Rejected.class, r -> assertThat(r.reasons())
                .anySatisfy(reason -> assertThat(reason).contains("0.6% against 0.5% allowed")));
    }

    @Test
    void theEnginesTimerEndsADailyLossTripAtMidnightUtcWithoutATradeOrATick() throws Exception {
        Instant tripped = Instant.parse("2026-01-05T20:00:00Z");
        KillSwitchState dailyLoss = new KillSwitchState(true, KillSwitch.Cause.DAILY_LOSS, "daily loss limit reached",
                tripped, null, LocalDate.parse("2026-01-05"), new BigDecimal("10000"), new BigDecimal("-500"), 3, 1);
        journal = new InMemoryJournal();
        journal.append(List.of(new JournalEntry(1, new DomainEvent.GuardStateSaved(
                new GuardState(dailyLoss, CircuitBreakerState.closed(), List.of(), List.of()), "test", tripped))));
        start("2026-01-05T23:59:59Z");
        assertThat(guards.status().killSwitchActive()).isTrue();

        engine.tick();
        engine.snapshot().get(5, TimeUnit.SECONDS); // the tick was handled: still the same day
        assertThat(guards.status().killSwitchActive()).isTrue();

        clock.advance(Duration.ofSeconds(1)); // 00:00:00 UTC
        engine.tick();

        await().atMost(Duration.ofSeconds(5)).until(() -> !guards.status().killSwitchActive());
        await().atMost(Duration.ofSeconds(5)).until(() -> journal.entries().stream().map(JournalEntry::event)
                .anyMatch(e -> e instanceof DomainEvent.KillSwitchReset r && r.by().contains("new UTC day 2026-01-06")));
        assertThat(venue.count("subscribePrices")).as("no price stream, so no tick did it").isZero();
    }

    @Test
    void theAccountsOwnTakerRateIsReadWithTheBookStreamAndTheStandardRateIsAssumedBefore() throws Exception {
        journal = new InMemoryJournal();
        clock = ManualClock.at("2026-01-05T10:00:00Z");
        venue = new FakeVenue(clock);
        venue.commission("0.0008", "0.0015");
        venue.setBalance(Asset.USDT, "10000", "0");
        guards = TradingGuards.create(RiskConfig.defaults(), clock);
        assertThat(guards.takerFeeRate(BTCUSDT)).isEqualByComparingTo("0.001");
        engine = Engine.builder(guards.watch(venue), journal).settings(EngineSettings.defaults(Market.SPOT).withTickInterval(null))
                .gates(guards.gates()).listener(guards.listener()).priceWatcher(guards.priceWatcher()).clock(clock).build();
        guards.bind(engine::submit);
        engine.start();
        watchBtcAt100();
        await().atMost(Duration.ofSeconds(5)).until(() -> guards.takerFeeRate(BTCUSDT).compareTo(new BigDecimal("0.0015")) == 0);
        assertThat(venue.calls()).anySatisfy(c -> assertThat(c.method()).isEqualTo("commissionRates"));
    }

    @Test
    void theCommissionIsReadAgainEveryRefreshIntervalSetAfterTheVenueIsWatched() throws Exception {
        journal = new InMemoryJournal();
        clock = ManualClock.at("2026-01-05T10:00:00Z");
        venue = new FakeVenue(clock);
        venue.commission("0.0008", "0.0015");
        venue.setBalance(Asset.USDT, "10000", "0");
        guards = TradingGuards.create(RiskConfig.defaults(), clock);
        io.tradeguard.core.venue.Venue watched = guards.watch(venue);
        engine = Engine.builder(watched, journal).settings(EngineSettings.defaults(Market.SPOT).withTickInterval(null))
                .gates(guards.gates()).listener(guards.listener()).priceWatcher(guards.priceWatcher()).clock(clock).build();
        guards.bind(engine::submit);
        engine.start();
        watchBtcAt100();
        await().atMost(Duration.ofSeconds(5)).until(() -> guards.takerFeeRate(BTCUSDT).compareTo(new BigDecimal("0.0015")) == 0);

        try {
            guards.venueSettingsRefresh(Duration.ofMillis(50)); // from an hour: the feed already running takes it at once
            venue.commission("0.0007", "0.0012");
            await().atMost(Duration.ofSeconds(5)).until(() -> guards.takerFeeRate(BTCUSDT).compareTo(new BigDecimal("0.0012")) == 0);
            assertThat(venue.count("commissionRates")).isGreaterThanOrEqualTo(2);
        } finally {
            watched.close(); // the periodic re-read ends with the venue
        }
    }
}
