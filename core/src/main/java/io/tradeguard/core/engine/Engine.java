package io.tradeguard.core.engine;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.journal.Journal;
import io.tradeguard.core.journal.JournalEntry;
import io.tradeguard.core.journal.JournalException;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.MarginType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.order.ClientOrderIdGenerator;
import io.tradeguard.core.pretrade.PreTradeGate;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.venue.FuturesVenue;
import io.tradeguard.core.venue.Venue;
import io.tradeguard.core.venue.VenueError;
import io.tradeguard.core.venue.VenueException;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one writer: a single engine thread owns all trading state and takes one message at a time from
 * one queue (commands, venue events, answers of venue calls, timers). One way in, {@link #submit};
 * one way out, {@link EngineListener}s of the durable domain events.
 *
 * <pre>{@code
 * Engine engine = Engine.builder(venue, journal).settings(settings).gates(gates).build();
 * engine.start();                                  // replay journal, sync with the venue, take orders
 * engine.submit(new Command.PlaceOrder(intent));   // CompletableFuture<CommandResult>
 * engine.stop("shutdown");                         // stop taking orders, cancel open ones, flush
 * }</pre>
 * One engine may trade spot and USD-M futures side by side, with one journal:
 * {@code Engine.builder(spotVenue, journal).venue(futuresVenue)}; every order, cancel, query, price stream and
 * reconciliation goes to the venue of its market.
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Engine.class.getName());

    public enum Lifecycle { NEW, STARTING, RUNNING, STOPPING, STOPPED }

    /** how long the engine's threads poll after their last message before they park (see {@link Builder#handoffSpin}) */
    public static final Duration DEFAULT_HANDOFF_SPIN = Duration.ofNanos(50_000);

    /** messages decided in one loop turn before their batches go to the journal thread */
    private static final int MAX_TURN = 64;

    /** the simple name of each kind of inbound message, looked up once (metrics name every message) */
    private static final ClassValue<String> KIND = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return type.getSimpleName();
        }
    };

    /** by market, the first venue's market first */
    private final Map<Market, Venue> venues;
    private final Journal journal;
    private final EngineCore core;
    private final Handoff<Inbound> inbox;
    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
    private final JournalWriter writer;
    private final EffectRunner runner;
    private final Thread thread;
    private final InstantSource clock;
    private volatile Lifecycle lifecycle = Lifecycle.NEW;
    private final List<AutoCloseable> userData = new ArrayList<>();
    private ScheduledExecutorService timer;
    private long nextSequence;
    private volatile java.util.function.ObjLongConsumer<String> handled = (kind, nanos) -> { };

    private Engine(Builder b) {
        this.venues = Collections.unmodifiableMap(new LinkedHashMap<>(b.venues));
        this.journal = b.journal;
        this.clock = b.clock;
        long spin = b.handoffSpin.toNanos();
        this.inbox = new Handoff<>(spin);
        this.core = new EngineCore(b.settings, List.copyOf(venues.keySet()), b.leverage, new TradingState(), b.gates,
                b.ids == null ? ClientOrderIdGenerator.timeBased(b.settings.clientIdPrefix(), b.clock) : b.ids, b.clock);
        this.listeners.addAll(b.listeners);
        this.core.priceWatcher(b.priceWatcher);
        b.following.forEach(core::follow);
        this.runner = new EffectRunner(venues, inbox::add, b.clock, b.marginType, spin);
        this.writer = new JournalWriter(journal, runner::run, listeners, reason -> inbox.add(new Inbound.JournalFailed(reason)),
                spin);
        this.thread = Thread.ofPlatform().name("tg-engine").unstarted(this::loop);
    }

    public static Builder builder(Venue venue, Journal journal) {
        return new Builder(venue, journal);
    }

    /**
     * Start sequence: replay the journal, load the instruments, start the threads, subscribe to the
     * user stream, reconcile with the venue (open orders, balances, recent trades), then take orders.
     */
    public void start() throws EngineStartException {
        if (lifecycle != Lifecycle.NEW) {
            throw new IllegalStateException("an engine starts once; it is " + lifecycle);
        }
        lifecycle = Lifecycle.STARTING;
        replay();
        try {
            for (Venue venue : venues.values()) {
                List<Instrument> instruments = venue.instruments();
                core.instruments(venue.market(), instruments);
            }
        } catch (VenueException e) {
            lifecycle = Lifecycle.STOPPED;
            throw new EngineStartException(describe(e.error()), e);
        } catch (RuntimeException e) {
            lifecycle = Lifecycle.STOPPED;
            throw new EngineStartException("the venue's instruments could not be loaded: " + e, e);
        }
        writer.start();
        runner.start();
        thread.start();
        try {
            for (Venue venue : venues.values()) {
                userData.add(venue instanceof FuturesVenue futures
                        ? futures.subscribeUserData(event -> inbox.add(new Inbound.VenueIn(event)),
                                event -> inbox.add(new Inbound.FuturesIn(event)))
                        : venue.subscribeUserData(event -> inbox.add(new Inbound.VenueIn(event))));
            }
            CommandResult sync = await(post(reply -> new Inbound.InitialSync(reply)), core.settings().startTimeout().toMillis());
            if (sync instanceof CommandResult.Rejected r) {
                throw new EngineStartException("the initial sync with the venue failed: " + String.join("; ", r.reasons()));
            }
            await(post(reply -> new Inbound.Accepting(true, reply)), core.settings().startTimeout().toMillis());
        } catch (VenueException e) {
            shutdownThreads("start failed");
            throw new EngineStartException(describe(e.error()), e);
        } catch (EngineStartException e) {
            shutdownThreads("start failed");
            throw e;
        } catch (RuntimeException e) {
            shutdownThreads("start failed");
            throw new EngineStartException("the engine could not start: " + e, e);
        }
        if (core.settings().tickInterval() != null) {
            timer = new ScheduledThreadPoolExecutor(1, r -> Thread.ofPlatform().name("tg-timer").daemon(true).unstarted(r));
            long period = core.settings().tickInterval().toMillis();
            timer.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
        }
        lifecycle = Lifecycle.RUNNING;
    }

    /** One way in. Completes once the command's decision is journaled. */
    public CompletableFuture<CommandResult> submit(Command command) {
        Objects.requireNonNull(command, "command");
        if (lifecycle != Lifecycle.RUNNING) {
            return CompletableFuture.completedFuture(CommandResult.Rejected.because(
                    "the engine is " + lifecycle.name().toLowerCase(java.util.Locale.ROOT) + ", not running"));
        }
        CompletableFuture<CommandResult> reply = new CompletableFuture<>();
        inbox.add(new Inbound.CommandIn(command, reply));
        return reply;
    }

    /** A consistent copy of the state, taken on the engine thread between two messages. */
    public CompletableFuture<TradingSnapshot> snapshot() {
        CompletableFuture<TradingSnapshot> reply = new CompletableFuture<>();
        inbox.add(new Inbound.SnapshotRequest(reply));
        return reply;
    }

    /** Runs the timer's work now: day roll, queries of orders in doubt, due reconciliation. */
    public void tick() {
        inbox.add(new Inbound.Tick());
    }

    /** Messages waiting in the inbound queue now (metrics). */
    public int queueDepth() {
        return inbox.size();
    }

    /** Told each inbound message's kind and how long its decision took, on the engine thread (metrics): keep it cheap. */
    public void onMessageHandled(java.util.function.ObjLongConsumer<String> value) {
        handled = Objects.requireNonNull(value, "value");
    }

    public void addListener(EngineListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    /**
     * Stop sequence: stop taking orders, cancel open orders (when configured), wait for the venue to
     * confirm within the stop timeout, close the stream, journal the stop and flush.
     */
    public void stop(String reason) {
        if (lifecycle != Lifecycle.RUNNING) {
            return;
        }
        lifecycle = Lifecycle.STOPPING;
        long timeout = core.settings().stopTimeout().toMillis();
        try {
            await(post(reply -> new Inbound.Accepting(false, reply)), timeout);
            if (core.settings().cancelOpenOrdersOnStop()) {
                await(post(reply -> new Inbound.CancelAll("engine stopping: " + reason, reply)), timeout);
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeout);
                while (System.nanoTime() < deadline && hasOpenOrders()) {
                    Thread.sleep(20); // polling with a deadline: the cancels' answers arrive as events
                }
            }
        } catch (EngineStartException | InterruptedException e) {
            LOG.log(Level.WARNING, "stop sequence incomplete", e);
        }
        shutdownThreads(reason);
    }

    @Override
    public void close() {
        stop("closed");
    }

    /** Everything a restart must rebuild (tests compare it). */
    TradingState.Durable durableState() {
        CompletableFuture<TradingState.Durable> reply = new CompletableFuture<>();
        inbox.add(new Inbound.DurableRequest(reply));
        return await(reply);
    }

    private boolean hasOpenOrders() throws EngineStartException {
        try {
            return snapshot().get(core.settings().stopTimeout().toMillis(), TimeUnit.MILLISECONDS).orders().stream()
                    .anyMatch(o -> o.status().isOpen());
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new EngineStartException("the engine did not answer", e);
        }
    }

    private void shutdownThreads(String reason) {
        if (timer != null) {
            timer.shutdownNow();
        }
        for (AutoCloseable stream : userData) {
            try {
                stream.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "closing the user stream failed", e);
            }
        }
        try {
            if (thread.isAlive()) {
                await(post(reply -> new Inbound.Shutdown(reason, reply)), core.settings().stopTimeout().toMillis());
                thread.join(core.settings().stopTimeout().toMillis());
            }
            writer.stop();
        } catch (EngineStartException | InterruptedException e) {
            LOG.log(Level.WARNING, "engine shutdown incomplete", e);
        }
        runner.shutdown();
        lifecycle = Lifecycle.STOPPED;
    }

    private void replay() throws EngineStartException {
        TradingState state = core.state();
        long[] expected = {1};
        try {
            journal.replay(0, entry -> {
                if (entry.sequence() != expected[0]) {
                    throw new IllegalStateException("journal gap: expected sequence " + expected[0] + ", found " + entry.sequence());
                }
                state.apply(entry.event());
                expected[0]++;
            });
        } catch (JournalException | IllegalStateException e) {
            lifecycle = Lifecycle.STOPPED;
            throw new EngineStartException("the journal cannot be read: " + e.getMessage(), e);
        }
        nextSequence = expected[0];
        state.lastSequence(nextSequence - 1);
    }

    /**
     * Takes a message, decides, and before handing the journal thread its batch also decides on the messages that
     * are already waiting (up to {@link #MAX_TURN}): a burst of execution reports then costs the journal thread one
     * wake-up, not one per report. A decision with effects (an order to send, a cancel) ends the turn at once, so
     * an order never waits for the decisions queued behind it. Order is kept: batches are journaled, and their
     * effects released, in the order of their messages.
     */
    private void loop() {
        List<JournalWriter.Batch> turn = new ArrayList<>();
        while (true) {
            Inbound message;
            try {
                message = inbox.take();
            } catch (InterruptedException e) {
                return;
            }
            boolean shutdown = false;
            for (int n = 1; message != null; n++) {
                boolean effects = decide(message, turn);
                if (message instanceof Inbound.Shutdown) {
                    shutdown = true;
                    break;
                }
                message = effects || n == MAX_TURN ? null : inbox.poll();
            }
            if (!turn.isEmpty()) {
                writer.enqueue(List.copyOf(turn));
                turn.clear();
            }
            if (shutdown) {
                return;
            }
        }
    }

    /** @return whether the decision has effects to release */
    private boolean decide(Inbound message, List<JournalWriter.Batch> turn) {
        EngineCore.Output out;
        long started = System.nanoTime();
        try {
            out = core.handle(message);
        } catch (RuntimeException e) {
            // a bug in a decision: stop trading rather than guess; the state up to here stays journaled
            LOG.log(Level.SEVERE, "engine decision failed on " + message.getClass().getSimpleName(), e);
            out = haltOnBug(message, e);
        }
        handled.accept(KIND.get(message.getClass()), System.nanoTime() - started);
        List<JournalEntry> entries = new ArrayList<>(out.events().size());
        for (DomainEvent event : out.events()) {
            entries.add(new JournalEntry(nextSequence++, event));
        }
        core.state().lastSequence(nextSequence - 1);
        if (entries.isEmpty() && out.effects().isEmpty()) {
            if (out.reply() != null) {
                out.reply().run();
            }
        } else {
            turn.add(new JournalWriter.Batch(entries, out.effects(), out.reply(), caller(message)));
        }
        return !out.effects().isEmpty();
    }

    private EngineCore.Output haltOnBug(Inbound message, RuntimeException e) {
        Emitter out = new Emitter(core.state());
        out.emit(new DomainEvent.EmergencyStop("internal error, trading halted: " + e, clock.instant()));
        CompletableFuture<?> caller = caller(message);
        Runnable reply = caller == null ? null : () -> caller.completeExceptionally(e);
        return new EngineCore.Output(out.events(), List.of(), reply);
    }

    /** The future of whoever waits for this message, or null. */
    private static CompletableFuture<?> caller(Inbound message) {
        return switch (message) {
            case Inbound.CommandIn c -> c.reply();
            case Inbound.SnapshotRequest s -> s.reply();
            case Inbound.DurableRequest d -> d.reply();
            case Inbound.Accepting a -> a.reply();
            case Inbound.CancelAll c -> c.reply();
            case Inbound.InitialSync s -> s.reply();
            case Inbound.Shutdown s -> s.reply();
            case Inbound.VenueIn v -> null;
            case Inbound.SubmitAnswered a -> null;
            case Inbound.OcoAnswered a -> null;
            case Inbound.CancelAnswered a -> null;
            case Inbound.QueryAnswered a -> null;
            case Inbound.VenueFetched f -> null;
            case Inbound.Tick t -> null;
            case Inbound.JournalFailed f -> null;
            case Inbound.FuturesIn f -> null;
            case Inbound.FuturesPositionsFetched f -> null;
        };
    }

    private CompletableFuture<CommandResult> post(java.util.function.Function<CompletableFuture<CommandResult>, Inbound> make) {
        CompletableFuture<CommandResult> reply = new CompletableFuture<>();
        inbox.add(make.apply(reply));
        return reply;
    }

    private static CommandResult await(CompletableFuture<CommandResult> future, long timeoutMillis) throws EngineStartException {
        try {
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineStartException("interrupted", e);
        } catch (ExecutionException e) {
            throw new EngineStartException("the engine failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new EngineStartException("the engine did not answer within " + timeoutMillis + " ms", e);
        }
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the engine did not answer", e);
        }
    }

    private static String describe(VenueError error) {
        return switch (error.kind()) {
            case AUTH -> "the venue refused the API key (" + error.message() + "): check the key, its permissions and IP whitelist";
            case UNREACHABLE -> "the venue cannot be reached: " + error.message();
            case BANNED, RATE_LIMITED -> "the venue refuses calls for now (" + error.message() + "); retry after " + error.retryAfter();
            case TIMESTAMP -> "the clock differs from the venue's: " + error.message();
            case REJECTED, SERVER, UNKNOWN_OUTCOME -> "the venue failed during start: " + error;
        };
    }

    /** Builds an engine; venue and journal are required, the rest has defaults. */
    public static final class Builder {
        private final Map<Market, Venue> venues = new LinkedHashMap<>();
        private final Journal journal;
        private FuturesLeverage leverage = FuturesLeverage.defaults();
        private MarginType marginType = MarginType.CROSSED;
        private final Map<Market, List<io.tradeguard.core.model.Symbol>> following = new java.util.EnumMap<>(Market.class);
        private EngineSettings settings;
        private List<PreTradeGate> gates = List.of();
        private ClientOrderIdGenerator ids;
        private InstantSource clock = InstantSource.system();
        private final List<EngineListener> listeners = new ArrayList<>();
        private boolean gatesSet;
        private PriceWatcher priceWatcher;
        private Duration handoffSpin = DEFAULT_HANDOFF_SPIN;

        private Builder(Venue venue, Journal journal) {
            Objects.requireNonNull(venue, "venue");
            venues.put(venue.market(), venue);
            this.journal = Objects.requireNonNull(journal, "journal");
        }

        /** A venue of another market traded by the same engine (one venue per market). */
        public Builder venue(Venue value) {
            Objects.requireNonNull(value, "venue");
            if (venues.containsKey(value.market())) {
                throw new IllegalArgumentException("the engine already has a " + value.market().wireName() + " venue");
            }
            venues.put(value.market(), value);
            return this;
        }

        /**
         * Futures leverage: the default an order without its own gets, and the cap above which orders are refused
         * (the risk configuration's max_leverage, never above the hard cap of 20x).
         */
        public Builder futuresLeverage(int defaultLeverage, int cap) {
            this.leverage = new FuturesLeverage(Math.min(defaultLeverage, cap), cap);
            return this;
        }

        /**
         * Prices to follow from the start on a market, before any order on them (the engine otherwise follows the
         * symbols of its orders and positions): a first futures market order then has a mark to be judged on.
         */
        public Builder follow(Market market, java.util.Collection<io.tradeguard.core.model.Symbol> symbols) {
            following.computeIfAbsent(Objects.requireNonNull(market), m -> new ArrayList<>()).addAll(symbols);
            return this;
        }

        /** The margin type every futures symbol is set to before its first order (cross unless told). */
        public Builder marginType(MarginType value) {
            this.marginType = Objects.requireNonNull(value);
            return this;
        }

        public Builder settings(EngineSettings value) {
            this.settings = Objects.requireNonNull(value);
            return this;
        }

        /** The pre-trade gates; the engine orders them by stage. Required: pass an explicit list. */
        public Builder gates(List<PreTradeGate> value) {
            this.gates = List.copyOf(value);
            this.gatesSet = true;
            return this;
        }

        public Builder ids(ClientOrderIdGenerator value) {
            this.ids = Objects.requireNonNull(value);
            return this;
        }

        public Builder clock(InstantSource value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        /** Called on the engine thread for every price tick; may answer with commands to run at once. */
        public Builder priceWatcher(PriceWatcher value) {
            this.priceWatcher = Objects.requireNonNull(value);
            return this;
        }

        public Builder listener(EngineListener value) {
            this.listeners.add(Objects.requireNonNull(value));
            return this;
        }

        /**
         * How long the engine, journal and sender threads keep polling for the next message after their last one
         * before they park (default {@link #DEFAULT_HANDOFF_SPIN}). A parked thread's wake-up costs tens to hundreds
         * of microseconds on a virtual machine; the spin keeps the steps of one order, or a burst of reports, from
         * paying it at every thread. It costs at most this much CPU per thread after each piece of work, never while
         * the engine is idle. {@link Duration#ZERO} parks at once.
         */
        public Builder handoffSpin(Duration value) {
            if (value.isNegative() || value.compareTo(Duration.ofMillis(1)) > 0) {
                throw new IllegalArgumentException("hand-off spin must be 0 to 1 ms, not " + value);
            }
            this.handoffSpin = value;
            return this;
        }

        public Engine build() {
            if (!gatesSet) {
                throw new IllegalStateException("name the pre-trade gates explicitly (AllowAllGate only where no checks are wanted)");
            }
            Market first = venues.keySet().iterator().next();
            if (settings == null) {
                settings = EngineSettings.defaults(first);
            }
            if (settings.market() != first) {
                throw new IllegalStateException("settings are for " + settings.market() + " but the venue trades " + first);
            }
            return new Engine(this);
        }
    }
}
