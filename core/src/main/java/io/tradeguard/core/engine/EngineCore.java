package io.tradeguard.core.engine;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.ledger.AssetBalance;
import io.tradeguard.core.ledger.DailyStats;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Instrument;
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
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.SubmitResult;
import io.tradeguard.core.venue.VenueEvent;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
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
    private final Map<Symbol, Instrument> instruments = new HashMap<>();
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
    /** symbols whose prices the engine follows: those of its orders and positions, and BNB for fees */
    private final Set<Symbol> watched = new java.util.TreeSet<>();
    /** orders a cancel-all caught before the venue acknowledged them; cancelled as soon as it does */
    private final Set<ClientOrderId> cancelWhenAcknowledged = new HashSet<>();
    private final ProtectionOcos ocos;

    EngineCore(EngineSettings settings, TradingState state, List<PreTradeGate> gates, ClientOrderIdGenerator ids,
               InstantSource clock) {
        this.settings = settings;
        this.state = state;
        this.clock = clock;
        this.valuation = new Valuation(state, instruments, settings.quoteAsset(), settings.market());
        this.ledger = new LedgerPosting(state, valuation);
        this.changes = new OrderChanges(ledger);
        this.orderPath = new OrderPath(state, gates, ids, this::snapshot);
        this.reconciliations = new Reconciliations(state, () -> this.settings, changes, ledger, this::report);
        this.ocos = new ProtectionOcos(state, ids, changes, this::report, cancelWhenAcknowledged, () -> this.settings);
    }

    void instruments(List<Instrument> list) {
        instruments.clear();
        list.forEach(i -> instruments.put(i.symbol(), i));
        valuation.reindex();
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
        }
        return new Output(out.events(), out.effects(), reply);
    }

    /**
     * Follows the prices of the symbols of every order and position (and of BNB, which pays fees): the
     * set only grows while the engine runs, and each growth replaces the subscription.
     */
    private void watchPrices(List<DomainEvent> events, Emitter out) {
        boolean grown = false;
        if (watched.isEmpty()) {
            try {
                Symbol bnb = Symbol.of("BNB" + settings.quoteAsset().code());
                grown |= instruments.containsKey(bnb) && watched.add(bnb);
            } catch (IllegalArgumentException notASymbol) {
                // no BNB market for this quote asset
            }
            for (var position : state.positions()) {
                grown |= watched.add(position.symbol());
            }
            for (Order order : state.unsettledOrders()) {
                grown |= watched.add(order.symbol());
            }
        }
        for (DomainEvent event : events) {
            Symbol symbol = switch (event) {
                case DomainEvent.OrderSubmitted e -> e.order().symbol();
                case DomainEvent.OrderAdopted e -> e.order().symbol();
                case DomainEvent.PositionOpened e -> e.position().symbol();
                default -> null;
            };
            grown |= symbol != null && watched.add(symbol);
        }
        if (grown) {
            out.effect(new Effect.WatchPrices(watched));
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
        if (intent != null && intent.market() != settings.market()) {
            return "this engine trades " + settings.market().wireName() + ", not " + intent.market().wireName();
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
        out.effect(new Effect.Cancel(order.symbol(), id));
        return new CommandResult.Accepted(List.of(id), List.of());
    }

    private List<ClientOrderId> cancelAll(String reason, Emitter out, Instant now) {
        List<ClientOrderId> ids = new ArrayList<>();
        for (Order order : state.unsettledOrders()) {
            if (order.market() != settings.market()) {
                continue;
            }
            out.emit(new DomainEvent.OrderCancelRequested(order.clientOrderId(), reason, now));
            if (order.status() == OrderStatus.PENDING_SUBMIT) {
                cancelWhenAcknowledged.add(order.clientOrderId()); // a cancel cannot overtake its order
            } else {
                out.effect(new Effect.Cancel(order.symbol(), order.clientOrderId()));
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
                state.mark(t.symbol(), t.price());
                if (priceWatcher != null && accepting) {
                    follow(priceWatcher.onPrice(t, this::snapshot), out, now);
                }
            }
        }
    }

    /** An execution report, an order response or a query answer. */
    private void report(OrderUpdate update, Emitter out, Instant now) {
        Order order = state.order(update.clientOrderId());
        if (order == null) {
            OrderOrigin origin = OrderOrigin.ofClientOrderId(update.clientOrderId(), settings.clientIdPrefix());
            order = Order.adopted(update, origin, now);
            out.emit(new DomainEvent.OrderAdopted(order, now));
        }
        OrderReports.Applied applied = OrderReports.apply(order, update);
        changes.emit(applied, out, now);
        if (applied.order().status().isOpen() && cancelWhenAcknowledged.remove(applied.order().clientOrderId())) {
            out.effect(new Effect.Cancel(applied.order().symbol(), applied.order().clientOrderId()));
        } else if (applied.order().status().isTerminal()) {
            cancelWhenAcknowledged.remove(applied.order().clientOrderId());
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
                out.effect(new Effect.Query(order.symbol(), order.clientOrderId()));
            }
        }
        if (reconciliations.due(now)) {
            reconciliations.start(null, out, now);
        }
    }

    TradingSnapshot snapshot() {
        Instant now = clock.instant();
        DailyStats daily = state.daily() != null ? state.daily()
                : DailyStats.start(java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC), valuation.equity(), 0);
        List<Order> open = new ArrayList<>(state.unsettledOrders());
        open.sort(Comparator.comparing(Order::createdAt));
        return new TradingSnapshot(open, state.positions(), state.balances(), state.prices(), instruments, daily,
                settings.quoteAsset(), valuation.equity(), state.halted(), state.haltReason(), state.lastSequence(), now);
    }
}
