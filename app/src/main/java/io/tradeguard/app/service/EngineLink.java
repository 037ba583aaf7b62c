package io.tradeguard.app.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tradeguard.core.engine.Command;
import io.tradeguard.core.engine.CommandResult;
import io.tradeguard.core.engine.Engine;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.venue.OrderBook;
import io.tradeguard.core.venue.VenueException;
import io.tradeguard.server.api.OrderView;
import io.tradeguard.server.api.Outcome;
import io.tradeguard.server.api.TradingMode;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/** The API threads' way to the engine: commands and snapshots with a bounded wait, and the order book for risk. */
final class EngineLink {
    /** Fetches a symbol's book from the venue of its market (REST). */
    interface BookSource {
        OrderBook depth(io.tradeguard.core.model.Market market, Symbol symbol) throws VenueException;
    }

    private final Engine engine;
    private final MeterRegistry metrics;
    private final BookSource books;
    private final RiskCheck risk;
    private final InstantSource clock;
    private final Duration timeout;
    private final AtomicReference<TradingMode> mode;
    /** Orders that already left the engine's state (final ones), as the journal's history has them. */
    private volatile java.util.function.Function<ClientOrderId, Optional<OrderView>> finished = id -> Optional.empty();

    EngineLink(Engine engine, BookSource books, RiskCheck risk, InstantSource clock, Duration timeout, TradingMode mode,
               MeterRegistry metrics) {
        this.engine = engine;
        this.metrics = metrics;
        this.books = books;
        this.risk = risk;
        this.clock = clock;
        this.timeout = timeout;
        this.mode = new AtomicReference<>(mode);
    }

    void finishedOrders(java.util.function.Function<ClientOrderId, Optional<OrderView>> lookup) {
        finished = java.util.Objects.requireNonNull(lookup, "lookup");
    }

    Instant now() {
        return clock.instant();
    }

    TradingMode mode() {
        return mode.get();
    }

    void setMode(TradingMode value) {
        mode.set(value);
    }

    Engine engine() {
        return engine;
    }

    Optional<TradingSnapshot> snapshot() {
        try {
            return Optional.of(engine.snapshot().get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    TradingSnapshot snapshotOrThrow() {
        return snapshot().orElseThrow(() -> new IllegalStateException("the engine did not answer within " + timeout.toSeconds() + " s"));
    }

    Optional<Order> order(ClientOrderId id) {
        return snapshot().flatMap(s -> s.order(id));
    }

    /** A market order needs a fresh book for the slippage rule; answers what went wrong fetching it, if anything. */
    Optional<String> refreshBook(OrderIntent intent) {
        if (intent.type() != OrderType.MARKET) {
            return Optional.empty();
        }
        try {
            risk.remember(intent.market(), books.depth(intent.market(), intent.symbol()));
            return Optional.empty();
        } catch (VenueException | RuntimeException e) {
            return Optional.of("the order book of " + intent.symbol() + " could not be fetched: " + e.getMessage());
        }
    }

    Outcome<CommandResult> submit(Command command) {
        Timer.Sample sample = Timer.start(metrics);
        try {
            CommandResult result = engine.submit(command).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            sample.stop(Timer.builder("tradeguard_engine_command").description("from submit to the engine's journaled answer")
                    .tag("command", command.getClass().getSimpleName()).publishPercentileHistogram().register(metrics));
            return Outcome.done(result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Unavailable<>("interrupted while waiting for the engine");
        } catch (ExecutionException e) {
            return new Outcome.Unavailable<>("the engine could not take the command: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            return new Outcome.Unavailable<>("the engine did not answer within " + timeout.toSeconds()
                    + " s; the command may still be carried out: check the open orders");
        }
    }

    /** Submits a command that creates one order and answers that order as it stands once journaled. */
    Outcome<OrderView> place(Command command) {
        return switch (submit(command)) {
            case Outcome.Done<CommandResult> d -> switch (d.value()) {
                case CommandResult.Rejected r -> new Outcome.Conflict<>("order_refused", String.join("; ", r.reasons()));
                case CommandResult.Accepted a when a.orders().isEmpty() ->
                        new Outcome.Conflict<>("nothing_to_do", a.notes().isEmpty() ? "no order was needed" : String.join("; ", a.notes()));
                // a market order may fill and leave the engine's state before the snapshot is taken
                case CommandResult.Accepted a -> order(a.orders().get(0)).map(Views::order)
                        .or(() -> finished.apply(a.orders().get(0)))
                        .<Outcome<OrderView>>map(Outcome::done)
                        .orElseGet(() -> new Outcome.Unavailable<>("order " + a.orders().get(0).value()
                                + " was accepted but the engine did not show it in time"));
            };
            case Outcome.Unavailable<CommandResult> u -> new Outcome.Unavailable<>(u.detail());
            default -> new Outcome.Unavailable<>("the engine did not answer");
        };
    }
}
