package io.tradeguard.core.engine;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.ledger.AssetBalance;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderReports;
import io.tradeguard.core.order.OrderTrigger;
import io.tradeguard.core.reconcile.Correction;
import io.tradeguard.core.reconcile.Reconciler;
import io.tradeguard.core.venue.OrderUpdate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Reconciliation as the engine runs it: plans what to fetch, hands the venue's answers and the local
 * state to the pure {@link Reconciler}, and applies its corrections through the normal order and
 * ledger paths, so every fix is an ordinary, journaled event. One run at a time.
 */
final class Reconciliations {

    /** Applies a venue report to an order through the state machine (adopting unknown orders). */
    @FunctionalInterface
    interface ReportPath {
        void report(OrderUpdate update, Emitter out, Instant now);
    }

    private final TradingState state;
    private final Supplier<EngineSettings> settings;
    private final OrderChanges changes;
    private final LedgerPosting ledger;
    private final ReportPath reports;
    private final List<CompletableFuture<CommandResult>> waiters = new ArrayList<>();
    private final Set<Market> markets;
    /** markets whose venue has not answered this run yet; empty: no run under way */
    private final Set<Market> inFlight = EnumSet.noneOf(Market.class);
    private final List<String> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Instant last = Instant.MIN;

    Reconciliations(TradingState state, Set<Market> markets, Supplier<EngineSettings> settings, OrderChanges changes,
                    LedgerPosting ledger, ReportPath reports) {
        this.state = state;
        this.markets = Set.copyOf(markets);
        this.settings = settings;
        this.changes = changes;
        this.ledger = ledger;
        this.reports = reports;
    }

    /** The periodic run is due (never before the first run, which the start sequence makes). */
    boolean due(Instant now) {
        return last != Instant.MIN && !now.isBefore(last.plus(settings.get().reconcileInterval()));
    }

    /**
     * Starts a run unless one is under way; a waiter is answered when the run (this one or the one under
     * way) has been applied.
     */
    void start(CompletableFuture<CommandResult> waiter, Emitter out, Instant now) {
        if (waiter != null) {
            waiters.add(waiter);
        }
        if (!inFlight.isEmpty()) {
            return;
        }
        last = now;
        failures.clear();
        notes.clear();
        for (Market market : markets) {
            inFlight.add(market);
            out.effect(fetch(market, now));
        }
    }

    /** One venue's part of the run: its orders, and the trades of its symbols with orders in doubt or positions. */
    private Effect.FetchVenue fetch(Market market, Instant now) {
        EngineSettings s = settings.get();
        Set<Symbol> symbols = new HashSet<>();
        Instant since = now.minus(s.tradesLookback());
        Instant oldest = now;
        for (Order order : state.allOrders()) {
            if (order.market() == market && (order.unsettled() || order.missingFills())) {
                symbols.add(order.symbol());
                if (order.createdAt().isBefore(oldest)) {
                    oldest = order.createdAt();
                }
            }
        }
        state.positions().stream().filter(p -> p.market() == market).forEach(p -> symbols.add(p.symbol()));
        // a minute before the oldest order in doubt, but never further back than the lookback
        Instant from = oldest.minusSeconds(60).isAfter(since) ? oldest.minusSeconds(60) : since;
        List<Order> local = state.allOrders().stream().filter(o -> o.market() == market).toList();
        return new Effect.FetchVenue(market, local, symbols, from);
    }

    /** The venue answered: reconcile against the state as it is now, apply, summarize. */
    Runnable fetched(Inbound.VenueFetched fetched, Emitter out, Instant now) {
        inFlight.remove(fetched.market());
        String prefix = markets.size() > 1 ? fetched.market().wireName() + ": " : "";
        if (fetched.error() != null) {
            failures.add(prefix + fetched.error());
        } else {
            EngineSettings s = settings.get();
            Reconciler.Result result = Reconciler.reconcile(state.allOrders(), state.balances(), fetched.snapshot(),
                    new Reconciler.Policy(s.clientIdPrefix(), s.unknownGrace()), now);
            for (Correction correction : result.corrections()) {
                apply(correction, out, now);
            }
            out.emit(new DomainEvent.ReconciliationCompleted(result.summary(), now));
            result.summary().notes().forEach(n -> notes.add(prefix + n));
        }
        if (!inFlight.isEmpty()) {
            return null; // the other venue's answer completes the run
        }
        ledger.ensureDay(out, now);
        List<CompletableFuture<CommandResult>> answered = List.copyOf(waiters);
        waiters.clear();
        CommandResult done = failures.isEmpty() ? new CommandResult.Accepted(List.of(), List.copyOf(notes))
                : CommandResult.Rejected.because("reconciliation failed: " + String.join("; ", failures));
        return () -> answered.forEach(w -> w.complete(done));
    }

    private void apply(Correction correction, Emitter out, Instant now) {
        switch (correction) {
            case Correction.Adopt a -> {
                if (state.order(a.venueOrder().clientOrderId()) == null) {
                    out.emit(new DomainEvent.OrderAdopted(Order.adopted(a.venueOrder(), a.origin(), now), now));
                }
            }
            case Correction.ApplyReport r -> reports.report(r.report(), out, now);
            case Correction.ApplyFill f -> {
                Order order = state.order(f.clientOrderId());
                if (order != null) {
                    changes.emit(OrderReports.applyFill(order, f.fill(), now), out, now);
                }
            }
            case Correction.MarkNotPlaced n -> {
                Order order = state.order(n.clientOrderId());
                if (order != null) {
                    changes.emit(OrderReports.local(order, OrderTrigger.NOT_PLACED, n.reason(), now), out, now);
                }
            }
            case Correction.CorrectBalance b ->
                    out.emit(new DomainEvent.BalanceUpdated(AssetBalance.of(b.venue(), b.asOf()), now));
            case Correction.Discrepancy d -> { } // listed in the summary's notes
            case Correction.UnmatchedTrade u -> { } // the manual-trade issue matches these to positions
        }
    }
}
