package io.tradeguard.core.guard;

import io.tradeguard.core.engine.Command;
import io.tradeguard.core.engine.CommandResult;
import io.tradeguard.core.engine.EngineListener;
import io.tradeguard.core.engine.PriceWatcher;
import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.journal.Journal;
import io.tradeguard.core.journal.JournalException;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.pretrade.GateDecision;
import io.tradeguard.core.pretrade.PreTradeGate;
import io.tradeguard.core.protection.LocalTrigger;
import io.tradeguard.core.protection.PriceTrigger;
import io.tradeguard.core.protection.TrailingStop;
import io.tradeguard.core.protection.TriggerBook;
import io.tradeguard.core.risk.OrderBookView;
import io.tradeguard.core.risk.RiskConfig;
import io.tradeguard.core.risk.RiskEngine;
import io.tradeguard.core.risk.RiskVerdict;
import io.tradeguard.core.safety.CircuitBreaker;
import io.tradeguard.core.safety.CircuitBreakerState;
import io.tradeguard.core.safety.EmergencyStopState;
import io.tradeguard.core.safety.KillSwitch;
import io.tradeguard.core.safety.KillSwitchState;
import io.tradeguard.core.safety.SafetyEvent;
import io.tradeguard.core.safety.SafetyStatus;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.venue.FuturesVenue;
import io.tradeguard.core.venue.Venue;
import io.tradeguard.core.venue.VenueError;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The risk, safety and protection rails of one engine (see the package notes for threads and persistence).
 *
 * <pre>{@code
 * TradingGuards guards = TradingGuards.create(config, clock);
 * guards.restore(journal);                                   // the last saved guard state, before start
 * Engine engine = Engine.builder(guards.watch(venue), journal).gates(guards.gates())
 *         .listener(guards.listener()).priceWatcher(guards.priceWatcher()).build();
 * guards.bind(engine::submit);                               // where follow-up commands go
 * engine.start();
 * }</pre>
 */
public final class TradingGuards {
    private static final Logger LOG = Logger.getLogger(TradingGuards.class.getName());

    private final Object lock = new Object();
    private final InstantSource clock;
    /** A book older than this is unknown to the slippage rule: a market order is not checked against old quotes. */
    static final java.time.Duration BOOK_MAX_AGE = java.time.Duration.ofSeconds(10);

    /** the latest book of each (market, symbol): BTCUSDT spot and BTCUSDT futures are different books */
    private final Map<BookKey, StampedBook> books = new ConcurrentHashMap<>();
    /** the account's own commission rates, by (market, symbol), as the venue said them */
    private final Map<BookKey, io.tradeguard.core.venue.CommissionRates> fees = new ConcurrentHashMap<>();
    /** the futures contracts' maintenance brackets, as the venue said them (empty until read) */
    private final Map<Symbol, List<io.tradeguard.core.venue.MaintenanceBracket>> brackets = new ConcurrentHashMap<>();
    /** the book stream of each market's venue */
    private final Map<io.tradeguard.core.model.Market, BookFeed> bookFeeds = new ConcurrentHashMap<>();
    private volatile java.time.Duration settingsRefresh = BookFeed.DEFAULT_REFRESH;
    private volatile Function<Command, CompletableFuture<CommandResult>> commands;
    private volatile BigDecimal lastEquity;
    // guarded by lock
    private RiskConfig config;
    private RiskEngine risk;
    private KillSwitch killSwitch;
    private CircuitBreaker breaker;
    private TriggerBook triggers = new TriggerBook();
    private boolean halted;
    private final Protection protection;
    /** positions whose round trip the kill switch has counted while an unsellable remainder keeps them open */
    private final java.util.Set<String> counted = new java.util.HashSet<>();
    private volatile Map<Symbol, io.tradeguard.core.model.Instrument> instruments = Map.of();
    /** the futures contracts' filters (tick and step differ from the spot pair's of the same name) */
    private volatile Map<Symbol, io.tradeguard.core.model.Instrument> futuresInstruments = Map.of();
    private final EmergencyRetries emergency;
    private boolean nativeProtection = true;
    private boolean futuresVenue;
    private boolean venueHasOco;

    private TradingGuards(RiskConfig config, InstantSource clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.risk = new RiskEngine(config);
        this.breaker = new CircuitBreaker(config.circuitBreakerThreshold(), config.circuitBreakerCooldown(), CircuitBreakerState.closed());
        this.protection = new Protection(this);
        this.emergency = new EmergencyRetries(this);
    }

    public static TradingGuards create(RiskConfig config, InstantSource clock) {
        return new TradingGuards(config, clock);
    }

    // ---------------------------------------------------------------- wiring

    /** The pre-trade gates in stage order: instrument filters, risk rules, safety (kill switch, circuit breaker). */
    public List<PreTradeGate> gates() {
        return List.of(new InstrumentGate(), new Gate(PreTradeGate.Stage.RISK, "risk-rules", this::checkRisk),
                new Gate(PreTradeGate.Stage.SAFETY, "safety", this::checkSafety));
    }

    /** Feeds the kill switch, the emergency-stop retries and the automatic protection from durable events. */
    public EngineListener listener() {
        return entry -> onEvent(entry.event());
    }

    /**
     * Local triggers, trailing stops and the drawdown check on every price tick, and the kill switch's 00:00 UTC
     * roll-over on every tick of the engine's timer; on the engine thread.
     */
    public PriceWatcher priceWatcher() {
        return new PriceWatcher() {
            @Override
            public List<Command> onPrice(io.tradeguard.core.venue.VenueEvent.PriceTick tick,
                                         java.util.function.Supplier<TradingSnapshot> state) {
                return TradingGuards.this.onPrice(tick.market(), tick.symbol(), tick.price(), state);
            }

            @Override
            public List<Command> onTimer(java.util.function.Supplier<TradingSnapshot> state) {
                return TradingGuards.this.onTimer(state);
            }
        };
    }

    /**
     * The venue the engine should use: every answer of it feeds the circuit breaker, and the symbols it streams
     * prices for get a book stream too (when the venue has one), feeding {@link #onBook} for the slippage rule.
     */
    public Venue watch(Venue venue) {
        synchronized (lock) {
            venueHasOco = venue.supportsOco();
            protection.nativeOco(venueHasOco && nativeProtection);
        }
        return new WatchedVenue(venue, this, bookFeed(venue));
    }

    /**
     * Whether a spot long is protected by a native OCO on the exchange (on by default, where the venue has OCO
     * lists); off, every position gets the local bracket.
     */
    public TradingGuards nativeProtection(boolean on) {
        synchronized (lock) {
            nativeProtection = on;
            protection.nativeOco(venueHasOco && on);
            protection.nativeFutures(futuresVenue && on);
        }
        return this;
    }

    /** The positions protected by an OCO on the exchange, with their legs' list and prices. */
    public List<NativeBracket> nativeBrackets() {
        synchronized (lock) {
            return protection.brackets();
        }
    }

    /**
     * The futures venue the engine should use next to the spot one: its answers feed the circuit breaker too, and
     * the contracts it streams prices for get their own book stream (and commission rates), which futures orders
     * are judged on: never the spot pair's book of the same name.
     */
    public FuturesVenue watchFutures(FuturesVenue venue) {
        synchronized (lock) {
            futuresVenue = true;
            protection.nativeFutures(nativeProtection);
        }
        // the contract's maintenance brackets are read with its book stream (and again with the commission rates): the
        // liquidation-distance rule needs them; an empty answer keeps what was known
        BookFeed feed = bookFeed(venue, symbol -> {
            List<io.tradeguard.core.venue.MaintenanceBracket> read = List.copyOf(venue.maintenanceBrackets(symbol));
            if (read.isEmpty()) {
                LOG.warning("the venue named no maintenance brackets for " + symbol + "; the last known ones (if any) stay in use");
            } else {
                brackets.put(symbol, read);
            }
        });
        return new WatchedFuturesVenue(venue, new WatchedVenue(venue, this, feed), this);
    }

    /**
     * How often the account's commission rates and the futures contracts' maintenance brackets of every streamed symbol
     * are read again (an hour by default; Binance changes both over time), for the venues watched already and later.
     * A failed re-read keeps the last known values.
     */
    public TradingGuards venueSettingsRefresh(java.time.Duration every) {
        Objects.requireNonNull(every, "every");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the venue settings refresh interval must be positive, not " + every);
        }
        settingsRefresh = every;
        bookFeeds.values().forEach(feed -> feed.refreshEvery(every));
        return this;
    }

    /** The futures contract's maintenance brackets as last read from the venue; empty when not read (yet). */
    public List<io.tradeguard.core.venue.MaintenanceBracket> maintenanceBrackets(Symbol symbol) {
        return brackets.getOrDefault(symbol, List.of());
    }

    private BookFeed bookFeed(Venue venue) {
        return bookFeed(venue, symbol -> { });
    }

    /** The book stream of the venue's market, feeding {@link #onBook} and the fee rates under that market. */
    private BookFeed bookFeed(Venue venue, BookFeed.SymbolReading alsoRead) {
        io.tradeguard.core.model.Market market = venue.market();
        BookFeed feed = new BookFeed(venue, book -> onBook(market, book),
                (symbol, rates) -> fees.put(new BookKey(market, symbol), rates), alsoRead);
        feed.refreshEvery(settingsRefresh);
        bookFeeds.put(market, feed); // a venue watched again replaces the feed; the old one closes with its venue
        return feed;
    }

    /** Where the guards send follow-up commands (journaling their decisions, retries, exits): the engine. */
    public void bind(Function<Command, CompletableFuture<CommandResult>> submit) {
        this.commands = Objects.requireNonNull(submit, "submit");
    }

    /** The latest book of a spot symbol; see {@link #onBook(io.tradeguard.core.model.Market, Symbol, OrderBookView)}. */
    public void onBook(Symbol symbol, OrderBookView book) {
        onBook(io.tradeguard.core.model.Market.SPOT, symbol, book);
    }

    /**
     * The latest book of a symbol on a market, for the slippage rule of that market's market orders (from a depth
     * stream or poll); fresh for {@link #BOOK_MAX_AGE} from now. {@link #watch} and {@link #watchFutures} feed it from
     * the venues' book streams when they have them.
     */
    public void onBook(io.tradeguard.core.model.Market market, Symbol symbol, OrderBookView book) {
        books.put(new BookKey(market, symbol), new StampedBook(Objects.requireNonNull(book, "book"), clock.instant()));
    }

    /** A book from a venue's stream; levels with no quantity (an empty side) are left out. */
    void onBook(io.tradeguard.core.model.Market market, io.tradeguard.core.venue.OrderBook book) {
        onBook(market, book.symbol(), new OrderBookView(levels(book.bids()), levels(book.asks())));
    }

    private static List<io.tradeguard.core.risk.BookLevel> levels(List<io.tradeguard.core.venue.OrderBook.Level> side) {
        // a loop, not a stream: every depth update of every watched symbol comes through here
        List<io.tradeguard.core.risk.BookLevel> out = new ArrayList<>(side.size());
        for (int i = 0; i < side.size(); i++) {
            io.tradeguard.core.venue.OrderBook.Level l = side.get(i);
            if (l.quantity().signum() > 0 && l.price().signum() > 0) {
                out.add(new io.tradeguard.core.risk.BookLevel(l.price(), l.quantity()));
            }
        }
        return out;
    }

    /**
     * The symbol's book on that market when one came within {@link #BOOK_MAX_AGE}, else null (unknown). A symbol
     * without a book stream gets one opened in the background, so the book is known for the next order.
     */
    private OrderBookView freshBook(io.tradeguard.core.model.Market market, Symbol symbol) {
        StampedBook stamped = books.get(new BookKey(market, symbol));
        BookFeed feed = bookFeeds.get(market);
        if (feed != null && !feed.streams(symbol)) {
            feed.ensureLater(List.of(symbol));
        }
        if (stamped == null || stamped.staleAfter().isBefore(clock.instant())) {
            return null;
        }
        return stamped.book();
    }

    /** @param staleAfter when it stops being fresh ({@code at} + {@link #BOOK_MAX_AGE}), computed once per book */
    private record StampedBook(OrderBookView book, Instant at, Instant staleAfter) {
        StampedBook(OrderBookView book, Instant at) {
            this(book, at, at.plus(BOOK_MAX_AGE));
        }
    }

    private record BookKey(io.tradeguard.core.model.Market market, Symbol symbol) {
        BookKey {
            Objects.requireNonNull(market, "market");
            Objects.requireNonNull(symbol, "symbol");
        }
    }

    /** The taker commission rate of the account on a spot symbol; see {@link #takerFeeRate(io.tradeguard.core.model.Market, Symbol)}. */
    public BigDecimal takerFeeRate(Symbol symbol) {
        return takerFeeRate(io.tradeguard.core.model.Market.SPOT, symbol);
    }

    /**
     * The taker commission rate of the account on a symbol of a market: the venue's own rate once read (with the
     * symbol's book stream), else the market's standard rate (spot 0.1 %, USD-M futures 0.05 %). What the fee
     * estimates of the rules and previews use.
     */
    public BigDecimal takerFeeRate(io.tradeguard.core.model.Market market, Symbol symbol) {
        io.tradeguard.core.venue.CommissionRates rates = fees.get(new BookKey(market, symbol));
        return rates != null ? rates.taker() : RiskCheck.standardTakerFee(market);
    }

    /** Restores the last saved guard state from the journal; call before the engine starts. */
    public void restore(Journal journal) throws JournalException {
        GuardState[] last = {null};
        boolean[] halt = {false};
        journal.replay(0, entry -> {
            switch (entry.event()) {
                case DomainEvent.GuardStateSaved s -> last[0] = s.state();
                case DomainEvent.EmergencyStop e -> halt[0] = true;
                case DomainEvent.TradingResumed r -> halt[0] = false;
                default -> { }
            }
        });
        synchronized (lock) {
            halted = halt[0];
            if (last[0] != null) {
                GuardState s = last[0];
                killSwitch = s.killSwitch() == null ? null : new KillSwitch(config, s.killSwitch());
                breaker = new CircuitBreaker(config.circuitBreakerThreshold(), config.circuitBreakerCooldown(), s.breaker());
                List<LocalTrigger> all = new ArrayList<>(s.priceTriggers());
                all.addAll(s.trailingStops());
                triggers = TriggerBook.restore(all);
                protection.restore(s.nativeBrackets());
            }
        }
    }

    // ---------------------------------------------------------------- operations

    public SafetyStatus status() {
        synchronized (lock) {
            KillSwitchState ks = killSwitch != null ? killSwitch.state()
                    : KillSwitchState.fresh(lastEquity == null ? BigDecimal.ZERO : lastEquity, clock.instant());
            // the halt's own start time is not kept here, and an EmergencyStopState that is halted needs one
            return new SafetyStatus(ks.active(), ks.reason(), ks.dailyPnl(), ks.tradesToday(), ks.consecutiveLosses(),
                    ks.lastReset(), breaker.state().status(), halted, config.asKeyValues());
        }
    }

    /** The risk verdict of an order now, for the two-step confirmation preview; sends nothing. */
    public RiskVerdict preview(OrderIntent intent, TradingSnapshot state) {
        synchronized (lock) {
            RiskCheck.Subject subject = subject(intent, state);
            if (subject.problem() != null) {
                throw new IllegalArgumentException(subject.problem());
            }
            return risk.check(subject.order(), subject.context());
        }
    }

    /** Admin reset of the kill switch, with a reason; journaled. @throws IllegalStateException when not active */
    public void resetKillSwitch(String by, String reason) {
        Objects.requireNonNull(by, "by");
        Instant now = clock.instant();
        synchronized (lock) {
            if (killSwitch == null || !killSwitch.blocksEntries()) {
                throw new IllegalStateException("the kill switch is not active");
            }
            List<SafetyEvent> events = killSwitch.reset(by + ": " + reason, equityOr(killSwitch.state().startOfDayEquity()), now);
            record(toDomain(events), "kill switch reset by " + by);
        }
    }

    /** Trips the kill switch by hand; journaled. */
    public void tripKillSwitch(String by, String reason) {
        Instant now = clock.instant();
        synchronized (lock) {
            ensureKillSwitch(lastEquity, null, now);
            if (killSwitch == null) {
                throw new IllegalStateException("the account's equity is not known yet");
            }
            record(toDomain(killSwitch.tripManually(by + ": " + reason, now)), "kill switch tripped by " + by);
        }
    }

    /**
     * A round trip closed outside the engine (on another tool, by hand on the exchange): counted by the kill
     * switch like one of ours (today's P&L, trades, losing streak), so its limits see it too; journaled with the
     * guards' state, so a restart keeps it. Answers the status after it.
     *
     * @param state the engine's state now (its equity starts the kill switch's day if nothing did yet), or null
     * @throws IllegalStateException when the account's equity is not known yet (the day's budget cannot be set)
     */
    public SafetyStatus recordOutsideTrade(String by, Symbol symbol, BigDecimal realizedPnl, TradingSnapshot state) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(realizedPnl, "realizedPnl");
        Instant now = clock.instant();
        synchronized (lock) {
            if (state != null) {
                observe(state);
            }
            ensureKillSwitch(lastEquity, null, now);
            if (killSwitch == null) {
                throw new IllegalStateException("the account's equity is not known yet, so the day's loss budget is not set");
            }
            countTrade(realizedPnl, "outside trade in " + symbol.value() + " recorded by " + by, now);
        }
        return status();
    }

    public RiskConfig config() {
        synchronized (lock) {
            return config;
        }
    }

    /** New limits from now on; the kill switch and the breaker keep their state. */
    public void updateConfig(RiskConfig next) {
        Objects.requireNonNull(next, "next");
        synchronized (lock) {
            config = next;
            risk = new RiskEngine(next);
            if (killSwitch != null) {
                killSwitch = new KillSwitch(next, killSwitch.state());
            }
            breaker = new CircuitBreaker(next.circuitBreakerThreshold(), next.circuitBreakerCooldown(), breaker.state());
        }
    }

    /** Adds a local trigger (stop-loss, take-profit, trailing stop) by hand; journaled. */
    public void arm(LocalTrigger trigger) {
        synchronized (lock) {
            triggers.add(trigger);
            record(List.of(), "trigger " + trigger.id() + " armed");
        }
    }

    /** Removes a local trigger; false when none had this id. */
    public boolean disarm(String id) {
        synchronized (lock) {
            boolean removed = triggers.cancel(id);
            if (removed) {
                record(List.of(), "trigger " + id + " removed");
            }
            return removed;
        }
    }

    /** The active local triggers with their live state (trailing extremes): what the dashboard draws. */
    public List<LocalTrigger> activeTriggers() {
        synchronized (lock) {
            return triggers.snapshot();
        }
    }

    public CircuitBreakerState circuitBreaker() {
        synchronized (lock) {
            return breaker.state();
        }
    }

    // ---------------------------------------------------------------- gates (engine thread)

    private GateDecision checkRisk(OrderIntent intent, TradingSnapshot state) {
        synchronized (lock) {
            observe(state);
            RiskCheck.Subject subject = subject(intent, state);
            if (subject.problem() != null) {
                return GateDecision.Reject.because(subject.problem());
            }
            RiskVerdict verdict = risk.check(subject.order(), subject.context());
            return RiskCheck.decision(verdict, intent, subject.order(), state);
        }
    }

    private GateDecision checkSafety(OrderIntent intent, TradingSnapshot state) {
        synchronized (lock) {
            if (RiskCheck.urgentExit(intent)) {
                return GateDecision.PASS; // a stop or an emergency flatten goes out even while the breaker is open
            }
            boolean exit = intent.origin() == io.tradeguard.core.order.OrderOrigin.PROTECTION || RiskCheck.reduces(intent, intent.quantity(), state);
            if (!exit && killSwitch != null) {
                var reason = killSwitch.entryBlockReason();
                if (reason.isPresent()) {
                    return GateDecision.Reject.because(reason.get());
                }
            }
            CircuitBreaker.Admission admission = breaker.admit(state.now());
            if (!admission.allowed()) {
                return GateDecision.Reject.because("Circuit breaker open after repeated exchange errors ("
                        + breaker.state().lastError() + "); orders resume after " + admission.retryAt());
            }
            return GateDecision.PASS;
        }
    }

    /** the portfolio of the last risk check: the next one reuses its totals while the positions are the same */
    private io.tradeguard.core.risk.Portfolio lastPortfolio;

    private RiskCheck.Subject subject(OrderIntent intent, TradingSnapshot state) {
        RiskCheck.Subject subject = RiskCheck.subject(intent, state, config, killSwitch == null ? null : killSwitch.state(),
                protection.stops(triggers), this::freshBook, takerFeeRate(intent.market(), intent.symbol()),
                intent.market() == io.tradeguard.core.model.Market.FUTURES ? maintenanceBrackets(intent.symbol()) : List.of(),
                lastPortfolio, intent.market() == io.tradeguard.core.model.Market.FUTURES
                        ? RiskCheck.futuresMargin(intent.symbol(), state, this::maintenanceBrackets, this::marginType)
                        : io.tradeguard.core.risk.FuturesMargin.NEW_ISOLATED);
        if (subject.context() != null) {
            lastPortfolio = subject.context().portfolio();
        }
        return subject;
    }

    /** the margin type the venue took for each futures symbol (the engine sets it before a symbol's first order) */
    private final Map<Symbol, io.tradeguard.core.model.MarginType> marginTypes = new ConcurrentHashMap<>();
    /** the margin type the engine sets on a futures symbol it has not traded yet; null when not told */
    private volatile io.tradeguard.core.model.MarginType futuresMarginType;

    /**
     * The margin type the engine sets on every futures symbol before its first order there (its builder's
     * {@code marginType}): the liquidation estimate of a symbol not traded yet uses it. Untold, such a symbol is
     * estimated as isolated, which the refusal says.
     */
    public TradingGuards futuresMarginType(io.tradeguard.core.model.MarginType type) {
        futuresMarginType = Objects.requireNonNull(type, "type");
        return this;
    }

    /** The venue took this margin type for the symbol (set, or already so). */
    void marginTypeSet(Symbol symbol, io.tradeguard.core.model.MarginType type) {
        marginTypes.put(symbol, type);
    }

    /** The margin type of a futures symbol without a position: as the venue took it, else as the engine will set it. */
    io.tradeguard.core.model.MarginType marginType(Symbol symbol) {
        io.tradeguard.core.model.MarginType set = marginTypes.get(symbol);
        return set != null ? set : futuresMarginType;
    }

    /** Keeps the last equity and starts the kill switch's day once equity is known. Under the lock. */
    private void observe(TradingSnapshot state) {
        lastSnapshot = state;
        if (state.equity() != null) {
            lastEquity = state.equity();
        }
        if (instruments.size() != state.instruments().size()) {
            instruments = state.instruments();
        }
        if (futuresInstruments.size() != state.instruments(io.tradeguard.core.model.Market.FUTURES).size()) {
            futuresInstruments = state.instruments(io.tradeguard.core.model.Market.FUTURES);
        }
        ensureKillSwitch(state.equity(), state.daily().startEquity(), state.now());
    }

    private void ensureKillSwitch(BigDecimal equity, BigDecimal startOfDay, Instant now) {
        if (killSwitch != null) {
            return;
        }
        BigDecimal start = startOfDay != null ? startOfDay : equity;
        if (start != null) {
            killSwitch = new KillSwitch(config, KillSwitchState.fresh(start, now));
        }
    }

    private BigDecimal equityOr(BigDecimal fallback) {
        BigDecimal e = lastEquity;
        return e != null ? e : fallback;
    }

    // ---------------------------------------------------------------- price ticks (engine thread)

    private List<Command> onPrice(io.tradeguard.core.model.Market market, Symbol symbol, BigDecimal price,
                                  java.util.function.Supplier<TradingSnapshot> engineState) {
        // the engine's state does not change while the guards decide on one tick: built at most once for it
        java.util.function.Supplier<TradingSnapshot> state = once(engineState);
        synchronized (lock) {
            Instant now = clock.instant();
            List<DomainEvent> events = new ArrayList<>();
            List<Command> out = new ArrayList<>();
            String why = null;
            boolean drawdownOn = killSwitch != null && config.isOn(io.tradeguard.core.risk.Limit.EMERGENCY_DRAWDOWN_PCT);
            if (drawdownOn) {
                TradingSnapshot snapshot = state.get();
                observe(snapshot);
                if (snapshot.equity() != null) {
                    List<SafetyEvent> safety = killSwitch.onEquity(snapshot.equity(), now);
                    events.addAll(toDomain(safety));
                    for (SafetyEvent e : safety) {
                        if (e instanceof SafetyEvent.KillSwitchTripped t && t.emergencyStopRequired()) {
                            out.add(new Command.EmergencyStop(t.reason()));
                        }
                    }
                    if (!safety.isEmpty()) {
                        why = "equity checked";
                    }
                }
            }
            // only this symbol's triggers see the tick; it says itself whether a trail moved
            TriggerBook.Tick tick = triggers.tick(market, symbol, price, now);
            for (var f : tick.fired()) {
                out.add(protection.exit(f, state));
                why = "trigger " + f.trigger().id() + " fired at " + f.tickPrice().toPlainString();
            }
            if (why == null && tick.moved()) {
                why = "trailing stop moved";
            }
            if (why != null) {
                out.add(0, new Command.RecordGuardEvents(withState(events, why, now)));
            }
            return out;
        }
    }

    private static java.util.function.Supplier<TradingSnapshot> once(java.util.function.Supplier<TradingSnapshot> state) {
        return new java.util.function.Supplier<>() {
            private TradingSnapshot built;

            @Override
            public TradingSnapshot get() {
                if (built == null) {
                    built = state.get();
                }
                return built;
            }
        };
    }

    /** The engine's timer: a new UTC day starts the kill switch's day (and ends a daily-loss trip) on time. */
    private List<Command> onTimer(java.util.function.Supplier<TradingSnapshot> state) {
        synchronized (lock) {
            if (killSwitch == null) {
                return List.of();
            }
            Instant now = clock.instant();
            if (!killSwitch.dayRollDue(now)) {
                return List.of();
            }
            TradingSnapshot snapshot = state.get();
            observe(snapshot);
            BigDecimal equity = snapshot.equity() != null ? snapshot.equity() : equityOr(killSwitch.state().startOfDayEquity());
            List<SafetyEvent> events = killSwitch.onClock(equity, now);
            if (events.isEmpty()) {
                return List.of();
            }
            return List.of(new Command.RecordGuardEvents(withState(toDomain(events), "new UTC day", now)));
        }
    }

    // ---------------------------------------------------------------- durable events (journal thread)

    private void onEvent(DomainEvent event) {
        synchronized (lock) {
            Instant now = clock.instant();
            switch (event) {
                case DomainEvent.PositionClosed c -> {
                    protection.closed(c, triggers);
                    if (counted.stream().noneMatch(k -> k.startsWith(c.last().positionId() + "@"))) {
                        countTrade(c.trade().realizedPnl(), "trade " + c.trade().tradeId(), now);
                    }
                    counted.removeIf(k -> k.startsWith(c.last().positionId() + "@"));
                    emergency.onEvent(event, halted);
                }
                case DomainEvent.PositionOpened o -> {
                    if (!halted) {
                        protection.changed(o.position(), triggers);
                    }
                    emergency.onEvent(event, halted);
                }
                case DomainEvent.PositionUpdated u -> {
                    if (u.realized().signum() != 0 && isDust(u.position())
                            && counted.add(u.position().positionId() + "@" + u.position().closedQuantity().toPlainString())) {
                        // what is left cannot be sold: the venue refuses an order below its minimum quantity or
                        // notional, and rounds a sell down to its step (a position of 0.004995 BTC, bought 0.005 less
                        // a 0.1 % commission in BTC, sells 0.00499 at a 0.00001 step). For the kill switch the round
                        // trip is over; the remainder stays in the position, as it stays in the wallet
                        countTrade(u.realized(), "position " + u.position().positionId() + " closed down to dust", now);
                    }
                    if (isDust(u.position())) {
                        protection.removeFor(u.position().market(), u.position().symbol(), triggers);
                    } else if (!halted) {
                        protection.changed(u.position(), triggers);
                    }
                    emergency.onEvent(event, halted);
                }
                case DomainEvent.EmergencyStop e -> {
                    halted = true;
                    protection.halted();
                    if (!triggers.isEmpty()) {
                        triggers = new TriggerBook(); // the flatten replaces every exit
                        record(List.of(), "emergency stop: local triggers removed");
                    }
                    emergency.onEvent(event, halted);
                }
                case DomainEvent.TradingResumed r -> {
                    halted = false;
                    emergency.onEvent(event, halted);
                }
                case DomainEvent.OrderSubmitted s -> {
                    protection.submitted(s.order(), triggers);
                    emergency.onEvent(event, halted);
                }
                case DomainEvent.OrderPlaced p -> {
                    protection.placed(p.order(), triggers);
                    emergency.onEvent(event, halted);
                }
                case DomainEvent.OrderPartiallyFilled f -> {
                    protection.filled(f.order());
                    emergency.onEvent(event, halted);
                }
                case DomainEvent.OrderFilled f -> {
                    protection.filled(f.order());
                    emergency.onEvent(event, halted);
                }
                case DomainEvent.OrderCancelled c -> {
                    protection.ended(c.order(), false, halted, triggers);
                    emergency.onEvent(event, halted);
                }
                case DomainEvent.OrderExpired x -> {
                    protection.ended(x.order(), false, halted, triggers);
                    emergency.onEvent(event, halted);
                }
                case DomainEvent.OrderRejected r -> {
                    protection.ended(r.order(), true, halted, triggers);
                    emergency.onEvent(event, halted);
                }
                case DomainEvent.OrderCancelRequested c -> {
                    protection.cancelRequested(c.clientOrderId());
                    emergency.onEvent(event, halted);
                }
                default -> emergency.onEvent(event, halted);
            }
        }
    }

    private void countTrade(BigDecimal realized, String what, Instant now) {
        ensureKillSwitch(lastEquity, null, now);
        if (killSwitch == null) {
            LOG.warning("a trade closed before the account's equity was known; the kill switch could not count it");
            return;
        }
        List<SafetyEvent> safety = killSwitch.recordTrade(realized, equityOr(killSwitch.state().startOfDayEquity()), now);
        record(toDomain(safety), what + " closed with " + realized.toPlainString());
        for (SafetyEvent e : safety) {
            if (e instanceof SafetyEvent.KillSwitchTripped t && t.emergencyStopRequired()) {
                send(new Command.EmergencyStop(t.reason()));
            }
        }
    }

    /** The engine's latest state the guards saw (price ticks and timers bring it), or null before the first. */
    private TradingSnapshot lastSnapshot;

    /** The venue's liquidation price of the futures position, when the guards have seen one. */
    BigDecimal liquidationPrice(Symbol symbol) {
        TradingSnapshot s = lastSnapshot;
        return s == null ? null : s.futuresPosition(symbol).map(io.tradeguard.core.venue.FuturesPosition::liquidationPrice).orElse(null);
    }

    /** Whether the order may still be open; true when the guards have not seen it end (a cancel then costs a refusal). */
    boolean isOpenOrder(io.tradeguard.core.model.ClientOrderId id) {
        TradingSnapshot s = lastSnapshot;
        return s == null || s.order(id).map(o -> !o.status().isTerminal()).orElse(true);
    }

    io.tradeguard.core.model.Instrument instrument(Symbol symbol) {
        return instruments.get(symbol);
    }

    /** The filters of the symbol on that market; the futures contract's when the guards have seen them. */
    io.tradeguard.core.model.Instrument instrument(io.tradeguard.core.model.Market market, Symbol symbol) {
        if (market == io.tradeguard.core.model.Market.FUTURES) {
            var contract = futuresInstruments.get(symbol);
            if (contract != null) {
                return contract;
            }
        }
        return instruments.get(symbol);
    }

    /**
     * True when the venue cannot sell the position at all: below its minimum quantity, or its notional below the
     * minimum notional. (A position the ledger counts is what the wallet holds, so this is the venue's limit only.)
     */
    /** Whether the venue cannot sell this position at all (see {@link #isDust}); safe from any thread. */
    public boolean isUnsellableDust(io.tradeguard.core.ledger.Position position) {
        synchronized (lock) {
            return isDust(position);
        }
    }

    private boolean isDust(io.tradeguard.core.ledger.Position position) {
        var instrument = instruments.get(position.symbol());
        if (instrument == null || position.size().signum() <= 0) {
            return false;
        }
        return position.size().compareTo(instrument.lotSize().minQty()) < 0 || instrument.minNotional() != null
                && position.size().multiply(position.entryPrice()).compareTo(instrument.minNotional()) < 0;
    }

    // ---------------------------------------------------------------- circuit breaker (I/O workers)

    /** when a request to the venue goes out, as the breaker judges its answer */
    Instant venueCallStarts() {
        return clock.instant();
    }

    /** @param error null when the venue answered; @param sentAt when the request went out ({@link #venueCallStarts}) */
    void venueAnswered(VenueError error, Instant sentAt) {
        synchronized (lock) {
            Instant now = clock.instant();
            List<SafetyEvent> events = error == null ? breaker.onSuccess(sentAt, now) : breaker.onError(error, sentAt, now);
            if (!events.isEmpty()) {
                record(toDomain(events), "circuit breaker " + breaker.state().status());
            }
        }
    }

    // ---------------------------------------------------------------- helpers (under the lock)

    /** Journals these events and the guards' whole state after them. */
    void record(List<DomainEvent> events, String why) {
        send(new Command.RecordGuardEvents(withState(events, why, clock.instant())));
    }

    private List<DomainEvent> withState(List<DomainEvent> events, String why, Instant now) {
        List<DomainEvent> all = new ArrayList<>(events);
        all.add(new DomainEvent.GuardStateSaved(state(), why, now));
        return all;
    }

    /** the triggers as the saved state lists them, at the book's change count they were split at */
    private record SavedTriggers(TriggerBook book, long changes, List<PriceTrigger> prices, List<TrailingStop> trails) {
    }

    private SavedTriggers savedTriggers;

    GuardState state() {
        SavedTriggers saved = savedTriggers;
        if (saved == null || saved.book() != triggers || saved.changes() != triggers.changes()) {
            // arrays sized for the whole book, then List.of: one copy (an ArrayList grown from 10 and List.copyOf of
            // it copied a book of 50 triggers eight times); immutable lists, which GuardState keeps as they are
            int[] trailing = {0};
            triggers.forEach(t -> {
                if (t instanceof TrailingStop) {
                    trailing[0]++;
                }
            });
            PriceTrigger[] prices = new PriceTrigger[triggers.size() - trailing[0]];
            TrailingStop[] trails = new TrailingStop[trailing[0]];
            int[] at = {0, 0};
            triggers.forEach(t -> {
                switch (t) {
                    case PriceTrigger p -> prices[at[0]++] = p;
                    case TrailingStop s -> trails[at[1]++] = s;
                }
            });
            saved = new SavedTriggers(triggers, triggers.changes(), List.of(prices), List.of(trails));
            savedTriggers = saved;
        }
        return new GuardState(killSwitch == null ? null : killSwitch.state(), breaker.state(), saved.prices(),
                saved.trails(), protection.brackets());
    }

    void send(Command command) {
        send(command, result -> { });
    }

    /** Sends a command; {@code then} sees the engine's answer (on the engine's reply thread, without the lock). */
    void send(Command command, java.util.function.Consumer<CommandResult> then) {
        var submit = commands;
        if (submit == null) {
            LOG.warning("the guards are not bound to an engine; " + command.getClass().getSimpleName() + " was not sent");
            return;
        }
        submit.apply(command).whenComplete((result, error) -> {
            if (error != null) {
                LOG.severe("the engine failed on the guards' " + command.getClass().getSimpleName() + ": " + error);
            } else {
                if (result instanceof CommandResult.Rejected r) {
                    LOG.warning("the engine refused the guards' " + command.getClass().getSimpleName() + ": " + r.reasons());
                }
                then.accept(result);
            }
        });
    }

    Object lock() {
        return lock;
    }

    boolean haltedLocked() {
        return halted;
    }

    TriggerBook triggerBook() {
        return triggers;
    }

    RiskConfig configLocked() {
        return config;
    }

    InstantSource clock() {
        return clock;
    }

    private static List<DomainEvent> toDomain(List<SafetyEvent> events) {
        if (events.isEmpty()) {
            return List.of(); // every price tick asks the kill switch; nearly always it has nothing to say
        }
        List<DomainEvent> out = new ArrayList<>(events.size());
        for (SafetyEvent e : events) {
            switch (e) {
                case SafetyEvent.KillSwitchTripped t -> out.add(new DomainEvent.KillSwitchTripped(t.reason(), t.at()));
                case SafetyEvent.KillSwitchReset r -> out.add(new DomainEvent.KillSwitchReset(r.reason(), r.at()));
                case SafetyEvent.CircuitBreakerOpened o -> out.add(new DomainEvent.CircuitBreakerOpened(o.reason(), o.until(), o.at()));
                case SafetyEvent.CircuitBreakerClosed c -> out.add(new DomainEvent.CircuitBreakerClosed(c.at()));
                case SafetyEvent.CircuitBreakerHalfOpened h -> { }
                case SafetyEvent.TradingDayStarted d -> { }
                case SafetyEvent.EmergencyStop s -> { }
                case SafetyEvent.EmergencyStopFinished f -> { }
                case SafetyEvent.EmergencyHaltReset r -> { }
            }
        }
        return out;
    }

    /** A gate whose decision is a method of the guards. */
    private record Gate(Stage stage, String name, Check check) implements PreTradeGate {
        interface Check {
            GateDecision check(OrderIntent intent, TradingSnapshot state);
        }

        @Override
        public GateDecision check(OrderIntent intent, TradingSnapshot state) {
            return check.check(intent, state);
        }
    }
}
