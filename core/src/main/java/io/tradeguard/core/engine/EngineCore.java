package io.tradeguard.core.engine;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.ledger.AssetBalance;
import io.tradeguard.core.ledger.DailyStats;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.ClientOrderIdGenerator;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.order.OrderReports;
import io.tradeguard.core.order.OrderTrigger;
import io.tradeguard.core.pretrade.PreTradeGate;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.venue.Balance;
import io.tradeguard.core.venue.FuturesAccountEvent;
import io.tradeguard.core.venue.FuturesPosition;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.SubmitResult;
import io.tradeguard.core.venue.VenueEvent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every decision of the engine, single-threaded and deterministic: one inbound message in, the events
 * (already applied to the state) and the effects out. The threads, the queue and the journal writer are
 * {@link Engine}'s; this class never blocks and never calls out.
 */
final class EngineCore {

    /** @param reply run once the events are durable (completes the caller's future) */
    record Output(List<DomainEvent> events, List<Effect> effects, Runnable reply) {
    }

    private final TradingState state;
    /** per market: BTCUSDT exists on spot and futures with different filters */
    private final Map<Market, Map<Symbol, Instrument>> instruments = new EnumMap<>(Market.class);
    /** the markets this engine trades, the first being the one market-less lookups answer for */
    private final List<Market> markets;
    /** the venue's view of the futures positions (liquidation price, margin type), as last fetched; not journaled */
    private Map<Symbol, FuturesPosition> futuresRisk = Map.of();
    /** {@link #instruments} as every snapshot keeps it, copied once per change of the instruments (null: not yet) */
    private Map<Market, Map<Symbol, Instrument>> frozenInstruments;
    private Instant futuresRiskAsked = Instant.MIN;
    private static final java.time.Duration FUTURES_RISK_EVERY = java.time.Duration.ofSeconds(10);
    private final InstantSource clock;
    private final OrderPath orderPath;
    private final OrderChanges changes;
    private final Reconciliations reconciliations;
    private final LedgerPosting ledger;
    private final Valuation valuation;
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(EngineCore.class.getName());
    private EngineSettings settings;
    private PriceWatcher priceWatcher;
    private boolean accepting;
    private String journalFailure;
    private final Map<ClientOrderId, Instant> lastQueried = new HashMap<>();
    /** symbols whose prices the engine follows per market: those of its orders and positions, and BNB for fees */
    private final Map<Market, Set<Symbol>> watched = new EnumMap<>(Market.class);
    private final Map<Market, Set<Symbol>> following = new EnumMap<>(Market.class);
    /** orders a cancel-all caught before the venue acknowledged them; cancelled as soon as it does */
    private final Set<ClientOrderId> cancelWhenAcknowledged = new HashSet<>();
    /** reports of settled orders that had left memory, not applied (their fills were accounted before) */
    private long lateReportsOfForgottenOrders;
    private final ProtectionOcos ocos;

    EngineCore(EngineSettings settings, TradingState state, List<PreTradeGate> gates, ClientOrderIdGenerator ids,
               InstantSource clock) {
        this(settings, List.of(settings.market()), FuturesLeverage.defaults(), state, gates, ids, clock);
    }

    EngineCore(EngineSettings settings, List<Market> markets, FuturesLeverage leverage, TradingState state,
               List<PreTradeGate> gates, ClientOrderIdGenerator ids, InstantSource clock) {
        this.settings = settings;
        this.markets = List.copyOf(markets);
        this.state = state;
        state.retention(TradingState.Retention.of(settings)); // before the journal is replayed into it
        this.clock = clock;
        Set<Market> traded = java.util.EnumSet.copyOf(this.markets);
        traded.forEach(m -> instruments.put(m, new HashMap<>()));
        this.valuation = new Valuation(state, instruments, settings.quoteAsset(), traded);
        this.ledger = new LedgerPosting(state, valuation);
        this.changes = new OrderChanges(ledger);
        this.orderPath = new OrderPath(state, gates, ids, this::snapshot, leverage);
        this.reconciliations = new Reconciliations(state, traded, () -> this.settings, changes, ledger, this::report);
        this.ocos = new ProtectionOcos(state, ids, changes, this::report, cancelWhenAcknowledged, () -> this.settings);
    }

    long lateReportsOfForgottenOrders() {
        return lateReportsOfForgottenOrders;
    }

    void instruments(List<Instrument> list) {
        instruments(settings.market(), list);
    }

    void instruments(Market market, List<Instrument> list) {
        Map<Symbol, Instrument> of = new HashMap<>();
        list.forEach(i -> of.put(i.symbol(), i));
        instruments.put(market, of);
        frozenInstruments = null; // the snapshots' copy is made again from the new instruments
        valuation.reindex();
    }

    /** Symbols to follow from the start on a market, orders or not (those the market lists; others are ignored). */
    void follow(Market market, java.util.Collection<Symbol> symbols) {
        following.computeIfAbsent(market, m -> new java.util.TreeSet<>()).addAll(symbols);
    }

    void priceWatcher(PriceWatcher watcher) {
        this.priceWatcher = watcher;
    }

    TradingState state() {
        return state;
    }

    EngineSettings settings() {
        return settings;
    }

    Output handle(Inbound message) {
        Emitter out = new Emitter(state);
        Instant now = clock.instant();
        Runnable reply = switch (message) {
            case Inbound.CommandIn c -> command(c, out, now);
            case Inbound.VenueIn v -> {
                venueEvent(v.event(), out, now);
                yield null;
            }
            case Inbound.SubmitAnswered a -> {
                submitAnswered(a, out, now);
                yield null;
            }
            case Inbound.OcoAnswered a -> {
                ocos.answered(a, out, now);
                yield null;
            }
            case Inbound.CancelAnswered a -> {
                if (a.update() != null) {
                    report(a.update(), out, now);
                } else {
                    out.emit(new DomainEvent.OrderCancelFailed(a.clientOrderId(), String.valueOf(a.error()), now));
                }
                yield null;
            }
            case Inbound.QueryAnswered a -> {
                queryAnswered(a, out, now);
                yield null;
            }
            case Inbound.VenueFetched f -> reconciliations.fetched(f, out, now);
            case Inbound.Tick t -> {
                tick(out, now);
                yield null;
            }
            case Inbound.SnapshotRequest s -> {
                TradingSnapshot snapshot = snapshot();
                yield () -> s.reply().complete(snapshot);
            }
            case Inbound.DurableRequest d -> {
                TradingState.Durable durable = state.durable();
                yield () -> d.reply().complete(durable);
            }
            case Inbound.Accepting a -> {
                accepting = a.accepting();
                if (a.accepting()) {
                    out.emit(new DomainEvent.EngineStarted(now));
                }
                yield () -> a.reply().complete(new CommandResult.Accepted(List.of(), List.of()));
            }
            case Inbound.CancelAll c -> {
                List<ClientOrderId> cancelled = cancelAll(c.reason(), out, now);
                yield () -> c.reply().complete(new CommandResult.Accepted(cancelled, List.of()));
            }
            case Inbound.InitialSync s -> {
                reconciliations.start(s.reply(), out, now);
                yield null;
            }
            case Inbound.FuturesIn f -> {
                futuresEvent(f.event(), out, now);
                yield null;
            }
            case Inbound.FuturesPositionsFetched f -> {
                if (f.positions() != null) {
                    Map<Symbol, FuturesPosition> risk = new HashMap<>();
                    f.positions().stream().filter(p -> !p.isFlat()).forEach(p -> risk.put(p.symbol(), p));
                    for (FuturesPosition p : risk.values()) {
                        if (state.price(Market.FUTURES, p.symbol()) == null && p.markPrice().signum() > 0) {
                            state.mark(Market.FUTURES, p.symbol(), p.markPrice()); // until the mark stream's first tick
                        }
                    }
                    futuresRisk = Map.copyOf(risk);
                }
                yield null;
            }
            case Inbound.JournalFailed f -> {
                journalFailure = f.reason();
                accepting = false;
                yield null;
            }
            case Inbound.Shutdown s -> {
                accepting = false;
                out.emit(new DomainEvent.EngineStopped(s.reason(), now));
                yield () -> s.reply().complete(new CommandResult.Accepted(List.of(), List.of()));
            }
        };
        if (accepting && journalFailure == null) {
            ocos.resume(this::closeNow, out, now);
        }
        if (!out.events().isEmpty() && !(message instanceof Inbound.Shutdown)) {
            watchPrices(out.events(), out);
            if (markets.contains(Market.FUTURES) && changesFuturesPosition(out.events())) {
                futuresRiskAsked = now;
                out.effect(new Effect.FetchFuturesPositions()); // the venue's liquidation price moved with it
            }
        }
        return new Output(out.events(), out.effects(), reply);
    }

    /**
     * Follows the prices of the symbols of every order and position (and of BNB, which pays fees): the
     * set only grows while the engine runs, and each growth replaces the subscription.
     */
    private void watchPrices(List<DomainEvent> events, Emitter out) {
        Set<Market> grown = java.util.EnumSet.noneOf(Market.class);
        if (watched.isEmpty()) {
            try {
                Symbol bnb = Symbol.of("BNB" + settings.quoteAsset().code());
                Market feeMarket = markets.contains(Market.SPOT) ? Market.SPOT : markets.getFirst();
                if (instruments.getOrDefault(feeMarket, Map.of()).containsKey(bnb) && watch(feeMarket, bnb)) {
                    grown.add(feeMarket);
                }
            } catch (IllegalArgumentException notASymbol) {
                // no BNB market for this quote asset
            }
            following.forEach((market, symbols) -> symbols.forEach(symbol -> {
                if (instruments.getOrDefault(market, Map.of()).containsKey(symbol) && watch(market, symbol)) {
                    grown.add(market);
                }
            }));
            for (var position : state.positions()) {
                if (watch(position.market(), position.symbol())) {
                    grown.add(position.market());
                }
            }
            for (Order order : state.unsettledOrders()) {
                if (watch(order.market(), order.symbol())) {
                    grown.add(order.market());
                }
            }
        }
        for (DomainEvent event : events) {
            Order order = switch (event) {
                case DomainEvent.OrderSubmitted e -> e.order();
                case DomainEvent.OrderAdopted e -> e.order();
                default -> null;
            };
            if (order != null && watch(order.market(), order.symbol())) {
                grown.add(order.market());
            }
            if (event instanceof DomainEvent.PositionOpened e && watch(e.position().market(), e.position().symbol())) {
                grown.add(e.position().market());
            }
        }
        for (Market market : grown) {
            out.effect(new Effect.WatchPrices(market, watched.get(market)));
        }
    }

    private boolean watch(Market market, Symbol symbol) {
        return markets.contains(market) && watched.computeIfAbsent(market, m -> new java.util.TreeSet<>()).add(symbol);
    }

    private static boolean changesFuturesPosition(List<DomainEvent> events) {
        for (DomainEvent event : events) {
            boolean futures = switch (event) {
                case DomainEvent.PositionOpened e -> e.position().market() == Market.FUTURES;
                case DomainEvent.PositionUpdated e -> e.position().market() == Market.FUTURES;
                case DomainEvent.PositionClosed e -> e.market() == Market.FUTURES;
                case DomainEvent.FundingPaid e -> true;
                case DomainEvent.ReconciliationCompleted e -> true;
                default -> false;
            };
            if (futures) {
                return true;
            }
        }
        return false;
    }

    /**
     * The futures-only stream content: funding payments become P&L, wallet changes keep the futures balance
     * current between reconciliations. Liquidations need nothing here: the venue's autoclose- order reports
     * itself like any order, is adopted and closes the position with exit reason liquidation.
     */
    private void futuresEvent(FuturesAccountEvent event, Emitter out, Instant now) {
        if (!(event instanceof FuturesAccountEvent.AccountUpdated update)) {
            return;
        }
        for (FuturesAccountEvent.WalletChange wallet : update.wallets()) {
            if (update.reason() == FuturesAccountEvent.UpdateReason.FUNDING_FEE && wallet.balanceChange().signum() != 0) {
                // an isolated position's funding names it; a cross one's does not (then the only open one paid it)
                Symbol symbol = update.positions().size() == 1 ? update.positions().getFirst().symbol() : null;
                ledger.funding(symbol, wallet.asset(), wallet.balanceChange(), update.venueTime(), out, now);
            }
            AssetBalance known = state.balance(Market.FUTURES, wallet.asset());
            if (known != null && known.asOf().isAfter(update.venueTime())) {
                continue; // older than what we have
            }
            // the wallet balance is the total; what of it margin ties up is known from the last balance fetch
            BigDecimal locked = known == null ? BigDecimal.ZERO : known.locked().min(wallet.walletBalance().max(BigDecimal.ZERO));
            BigDecimal free = wallet.walletBalance().subtract(locked).max(BigDecimal.ZERO);
            if (known == null || !known.sameAmounts(free, locked)) {
                out.emit(new DomainEvent.BalanceUpdated(new AssetBalance(Market.FUTURES, wallet.asset(), free, locked,
                        update.venueTime()), now));
            }
        }
    }

    private Runnable command(Inbound.CommandIn in, Emitter out, Instant now) {
        CommandResult result = execute(in.command(), out, now);
        return () -> in.reply().complete(result);
    }

    private CommandResult execute(Command command, Emitter out, Instant now) {
        return switch (command) {
            case Command.PlaceOrder p -> refusal(p.intent()) != null ? CommandResult.Rejected.because(refusal(p.intent()))
                    : orderPath.place(p.intent(), p.clientOrderId(settings.clientIdPrefix()), false, out, now);
            case Command.Signal s -> {
                if (refusal(s.intent()) != null) {
                    yield CommandResult.Rejected.because(refusal(s.intent()));
                }
                out.emit(new DomainEvent.SignalReceived(s.signalId(), s.intent(), now));
                yield s.intent().origin() != OrderOrigin.SIGNAL
                        ? CommandResult.Rejected.because("a signal's order must have origin SIGNAL, not " + s.intent().origin())
                        : orderPath.place(s.intent(), false, out, now);
            }
            case Command.CancelOrder c -> cancel(c.clientOrderId(), c.reason(), out, now);
            case Command.ClosePosition c -> refusal(null) != null ? CommandResult.Rejected.because(refusal(null))
                    : ocos.close(c, this::closeNow, out, now);
            case Command.PlaceProtectionOco p -> refusal(null) != null ? CommandResult.Rejected.because(refusal(null))
                    : ocos.place(p, out, now);
            case Command.PlaceOco o -> refusal(o.above()) != null ? CommandResult.Rejected.because(refusal(o.above()))
                    : ocos.place(o, orderPath, out, now);
            case Command.EmergencyStop e -> emergencyStop(e.reason(), out, now);
            case Command.ResumeTrading r -> {
                if (!state.halted()) {
                    yield CommandResult.Rejected.because("trading is not halted");
                }
                out.emit(new DomainEvent.TradingResumed(r.by(), now));
                yield new CommandResult.Accepted(List.of(), List.of());
            }
            case Command.ChangeSettings c -> {
                EngineSettings next = settings;
                if (c.cancelOpenOrdersOnStop() != null) {
                    next = next.withCancelOpenOrdersOnStop(c.cancelOpenOrdersOnStop());
                }
                if (c.reconcileInterval() != null) {
                    next = next.withReconcileInterval(c.reconcileInterval());
                }
                settings = next;
                out.emit(new DomainEvent.SettingsChanged("cancel open orders on stop: " + next.cancelOpenOrdersOnStop()
                        + ", reconcile every " + next.reconcileInterval(), now));
                yield new CommandResult.Accepted(List.of(), List.of());
            }
            case Command.Reconcile r -> {
                reconciliations.start(null, out, now);
                yield new CommandResult.Accepted(List.of(), List.of("reconciliation started"));
            }
            case Command.RecordGuardEvents r -> {
                r.events().forEach(out::emit);
                yield new CommandResult.Accepted(List.of(), List.of());
            }
        };
    }

    private CommandResult closeNow(Command.ClosePosition c, boolean emergency, Emitter out, Instant now) {
        return orderPath.close(c.market(), c.symbol(), c.origin(), c.reason(), emergency, out, now);
    }

    /** Why no order can be placed now, or null. */
    private String refusal(io.tradeguard.core.order.OrderIntent intent) {
        if (intent != null && !markets.contains(intent.market())) {
            return "this engine trades " + String.join(" and ", markets.stream().map(Market::wireName).toList())
                    + ", not " + intent.market().wireName();
        }
        if (journalFailure != null) {
            return "the journal cannot be written (" + journalFailure + "); no order is sent until it works again";
        }
        if (!accepting) {
            return "the engine is not taking orders (starting or stopping)";
        }
        return null;
    }

    private CommandResult cancel(ClientOrderId id, String reason, Emitter out, Instant now) {
        Order order = state.order(id);
        if (order == null) {
            return CommandResult.Rejected.because("no order " + id + " is known");
        }
        if (order.status() == OrderStatus.PENDING_SUBMIT) {
            return CommandResult.Rejected.because("order " + id + " has not reached the venue yet; cancel it once it is acknowledged");
        }
        if (order.status().isTerminal()) {
            return CommandResult.Rejected.because("order " + id + " is already " + order.status());
        }
        out.emit(new DomainEvent.OrderCancelRequested(id, reason, now));
        out.effect(new Effect.Cancel(order.market(), order.symbol(), id));
        return new CommandResult.Accepted(List.of(id), List.of());
    }

    private List<ClientOrderId> cancelAll(String reason, Emitter out, Instant now) {
        List<ClientOrderId> ids = new ArrayList<>();
        for (Order order : state.unsettledOrders()) {
            if (!markets.contains(order.market())) {
                continue;
            }
            out.emit(new DomainEvent.OrderCancelRequested(order.clientOrderId(), reason, now));
            if (order.status() == OrderStatus.PENDING_SUBMIT) {
                cancelWhenAcknowledged.add(order.clientOrderId()); // a cancel cannot overtake its order
            } else {
                out.effect(new Effect.Cancel(order.market(), order.symbol(), order.clientOrderId()));
            }
            ids.add(order.clientOrderId());
        }
        return ids;
    }

    private CommandResult emergencyStop(String reason, Emitter out, Instant now) {
        out.emit(new DomainEvent.EmergencyStop(reason, now));
        List<ClientOrderId> ids = new ArrayList<>(cancelAll("emergency stop: " + reason, out, now));
        List<String> notes = new ArrayList<>();
        if (journalFailure != null) {
            notes.add("the journal cannot be written: positions were not flattened");
        } else {
            for (var position : state.positions()) {
                // a holding an OCO locks is flattened once the cancel-all above has freed it
                CommandResult waiting = ocos.emergencyClose(new Command.ClosePosition(position.market(), position.symbol(),
                        OrderOrigin.PROTECTION, "emergency stop"), now);
                CommandResult result = waiting != null ? waiting : orderPath.close(position.market(), position.symbol(), OrderOrigin.PROTECTION,
                        "emergency stop", true, out, now);
                switch (result) {
                    case CommandResult.Accepted a -> ids.addAll(a.orders());
                    case CommandResult.Rejected r -> notes.add("could not flatten " + position.symbol() + ": "
                            + String.join("; ", r.reasons()));
                }
            }
        }
        return new CommandResult.Accepted(ids, notes);
    }

    private void venueEvent(VenueEvent event, Emitter out, Instant now) {
        switch (event) {
            case VenueEvent.OrderUpdated u -> report(u.update(), out, now);
            case VenueEvent.BalancesUpdated b -> {
                for (Balance balance : b.balances()) {
                    AssetBalance known = state.balance(balance.market(), balance.asset());
                    if (known != null && known.asOf().isAfter(b.venueTime())) {
                        continue; // older than what we have
                    }
                    if (known == null || !known.sameAmounts(balance.free(), balance.locked())) {
                        out.emit(new DomainEvent.BalanceUpdated(AssetBalance.of(balance, b.venueTime()), now));
                    }
                }
            }
            case VenueEvent.BalanceDelta d -> {
                AssetBalance known = state.balance(d.market(), d.asset());
                if (known == null) {
                    out.emit(new DomainEvent.BalanceUpdated(new AssetBalance(d.market(), d.asset(), d.delta(),
                            java.math.BigDecimal.ZERO, d.venueTime()), now));
                } else if (known.asOf().isBefore(d.venueTime())) {
                    // a snapshot at or after the delta's time already contains it
                    out.emit(new DomainEvent.BalanceUpdated(known.plusFree(d.delta(), d.venueTime()), now));
                }
            }
            case VenueEvent.OrderListUpdated l -> ocos.listUpdated(l, out);
            case VenueEvent.ConnectionLost l -> out.emit(new DomainEvent.ConnectionLost(l.stream(), l.reason(), now));
            case VenueEvent.ConnectionRestored r -> {
                out.emit(new DomainEvent.ConnectionRestored(r.stream(), now));
                reconciliations.start(null, out, now); // anything may have happened during the gap
            }
            case VenueEvent.CallsSuspended s -> { } // the circuit breaker (risk issue) reacts to these
            case VenueEvent.PriceTick t -> {
                state.mark(t.market(), t.symbol(), t.price());
                if (priceWatcher != null && accepting) {
                    follow(priceWatcher.onPrice(t, this::snapshot), out, now);
                }
            }
        }
    }

    /** An execution report, an order response or a query answer. */
    private void report(OrderUpdate update, Emitter out, Instant now) {
        Order order = state.order(update.clientOrderId());
        if (order == null && state.settledAndForgotten(update.clientOrderId())) {
            // it settled with every fill accounted before it left memory: adopting it would post its fills again
            lateReportsOfForgottenOrders++;
            LOG.warning("a report of order " + update.clientOrderId().value() + " (" + update.status() + (update.lastFill() != null
                    ? ", trade " + update.lastFill().tradeId() : "") + ") arrived after the order settled and left memory; its fills"
                    + " are already accounted, so it is not applied (the journal and the store hold the order)");
            return;
        }
        if (order == null) {
            OrderOrigin origin = OrderOrigin.ofClientOrderId(update.clientOrderId(), settings.clientIdPrefix());
            order = Order.adopted(update, origin, now);
            out.emit(new DomainEvent.OrderAdopted(order, now));
        }
        OrderReports.Applied applied = OrderReports.apply(order, update);
        changes.emit(applied, out, now);
        if (applied.order().status().isOpen() && cancelWhenAcknowledged.remove(applied.order().clientOrderId())) {
            out.effect(new Effect.Cancel(applied.order().market(), applied.order().symbol(), applied.order().clientOrderId()));
        } else if (applied.order().status().isTerminal()) {
            cancelWhenAcknowledged.remove(applied.order().clientOrderId());
            lastQueried.remove(applied.order().clientOrderId()); // asked no more: the map must not keep every order
        }
    }

    private void submitAnswered(Inbound.SubmitAnswered answer, Emitter out, Instant now) {
        Order order = state.order(answer.clientOrderId());
        if (order == null) {
            return; // cannot happen: the intent was journaled before the request
        }
        switch (answer.result()) {
            case SubmitResult.Accepted a -> report(a.order(), out, now);
            case SubmitResult.Rejected r -> changes.emit(OrderReports.local(order, OrderTrigger.NOT_PLACED,
                    "rejected by the venue: " + r.error().message(), now), out, now);
            case SubmitResult.NotPlaced n -> changes.emit(OrderReports.local(order, OrderTrigger.NOT_PLACED,
                    "not placed: " + n.cause().message(), now), out, now);
            case SubmitResult.Unknown u -> {
                OrderReports.Applied applied = OrderReports.local(order, OrderTrigger.ANSWER_LOST, "", now);
                if (applied.anomaly() != null) {
                    out.emit(new DomainEvent.OrderAnomaly(order.clientOrderId(), applied.anomaly(), now));
                } else if (applied.changed()) {
                    out.emit(new DomainEvent.OrderStatusUnknown(applied.order(), u.cause().toString(), now));
                    lastQueried.put(order.clientOrderId(), now);
                }
            }
        }
    }

    private void queryAnswered(Inbound.QueryAnswered answer, Emitter out, Instant now) {
        Order order = state.order(answer.clientOrderId());
        if (order == null || answer.error() != null) {
            return; // asked again at the next interval
        }
        if (answer.found() != null) {
            report(answer.found(), out, now);
        } else if ((order.status() == OrderStatus.UNKNOWN || order.status() == OrderStatus.PENDING_SUBMIT)
                && !now.isBefore(order.createdAt().plus(settings.unknownGrace()))) {
            changes.emit(OrderReports.local(order, OrderTrigger.NOT_PLACED,
                    "the venue has no order " + order.clientOrderId() + ": it was never placed", now), out, now);
        }
    }

    /** Runs the price watcher's follow-up commands in this step. */
    private void follow(List<Command> commands, Emitter out, Instant now) {
        for (Command follow : commands) {
            CommandResult result = execute(follow, out, now);
            if (result instanceof CommandResult.Rejected r) {
                LOG.warning("the price watcher's " + follow.getClass().getSimpleName() + " was refused: "
                        + String.join("; ", r.reasons()));
            }
        }
    }

    private void tick(Emitter out, Instant now) {
        ledger.ensureDay(out, now);
        if (priceWatcher != null && accepting) {
            follow(priceWatcher.onTimer(this::snapshot), out, now);
        }
        for (Order order : state.unsettledOrders()) {
            // a request normally leaves within milliseconds of its intent; an order still PENDING_SUBMIT
            // after the grace is one whose request a crash may or may not have sent: ask like for UNKNOWN
            boolean inDoubt = order.status() == OrderStatus.UNKNOWN || (order.status() == OrderStatus.PENDING_SUBMIT
                    && !now.isBefore(order.createdAt().plus(settings.unknownGrace())));
            if (!inDoubt) {
                continue;
            }
            Instant last = lastQueried.get(order.clientOrderId());
            if (last == null || !now.isBefore(last.plus(settings.queryInterval()))) {
                lastQueried.put(order.clientOrderId(), now);
                out.effect(new Effect.Query(order.market(), order.symbol(), order.clientOrderId()));
            }
        }
        if (reconciliations.due(now)) {
            reconciliations.start(null, out, now);
        }
        if (!futuresRisk.isEmpty() && !now.isBefore(futuresRiskAsked.plus(FUTURES_RISK_EVERY))) {
            // a cross position's liquidation price moves with the marks of the others: refresh it now and then
            futuresRiskAsked = now;
            out.effect(new Effect.FetchFuturesPositions());
        }
    }

    TradingSnapshot snapshot() {
        Instant now = clock.instant();
        DailyStats daily = state.daily() != null ? state.daily()
                : DailyStats.start(java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC), valuation.equity(), 0);
        List<Order> open = new ArrayList<>(state.unsettledOrders());
        open.sort(Comparator.comparing(Order::createdAt));
        Map<Market, Map<Symbol, BigDecimal>> prices = new EnumMap<>(Market.class);
        for (int i = 0; i < markets.size(); i++) {
            prices.put(markets.get(i), state.prices(markets.get(i)));
        }
        // one copy of the positions and balances for the snapshot and its equity (each read copies them)
        List<io.tradeguard.core.ledger.Position> positions = state.positions();
        List<AssetBalance> balances = state.balances();
        if (frozenInstruments == null) {
            frozenInstruments = TradingSnapshot.frozen(instruments);
        }
        return new TradingSnapshot(open, positions, balances, prices, frozenInstruments, futuresRisk,
                markets.getFirst(), daily, settings.quoteAsset(), valuation.equity(balances, positions), state.halted(),
                state.haltReason(), state.lastSequence(), now);
    }
}
