package io.tradeguard.app.service;

import io.tradeguard.app.signals.SignalSink;
import io.tradeguard.core.engine.Command;
import io.tradeguard.core.engine.CommandResult;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.order.OrderInstructions;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.signal.SeenSignals;
import io.tradeguard.core.signal.SignalDecider;
import io.tradeguard.core.signal.SignalDirection;
import io.tradeguard.core.signal.SignalId;
import io.tradeguard.core.signal.SignalPlan;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.server.api.EngineEvent;
import io.tradeguard.server.api.Outcome;
import io.tradeguard.server.api.Signal;
import io.tradeguard.server.api.SignalApi;
import io.tradeguard.server.api.SignalDecision;
import io.tradeguard.server.auth.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Signals from {@code POST /api/signals} and from the bridge folder: {@link SignalDecider} decides, the engine
 * trades what was accepted (its gates still apply), and every decision is kept for {@code GET /api/signals}.
 * An opening order carries the signal's stop-loss and take-profit prices, its futures leverage, strategy and
 * confidence as {@link OrderInstructions}, journaled with the order: the automatic protection reads its
 * bracket prices from there, and manual-trade learning reads strategy and confidence back after a restart.
 */
final class EngineSignalApi implements SignalApi, SignalSink {
    private static final Logger LOG = LoggerFactory.getLogger(EngineSignalApi.class);
    private static final int KEEP = 500;

    private final EngineLink link;
    private final SignalDecider decider;
    private final SeenSignals seen;
    private final EventFeed feed;
    private final Deque<SignalDecision> recent = new ArrayDeque<>();

    EngineSignalApi(EngineLink link, SignalDecider decider, SeenSignals seen, EventFeed feed) {
        this.link = link;
        this.decider = decider;
        this.seen = seen;
        this.feed = feed;
    }

    @Override
    public Outcome<SignalDecision> submit(Principal by, Signal signal) {
        Signal given = signal.source() != null ? signal : new Signal(signal.id(), signal.symbol(), signal.market(),
                signal.direction(), signal.confidence(), signal.entry(), signal.stopLoss(), signal.takeProfit(), signal.leverage(),
                signal.sizeUsd(), signal.strategy(), "api:" + by.username().value(), signal.time());
        io.tradeguard.core.signal.Signal core;
        try {
            core = toCore(given);
        } catch (IllegalArgumentException invalid) {
            // the signal itself is unusable: recorded as rejected with the reason, never traded
            SignalDecision rejected = new SignalDecision(given, SignalDecision.Decision.REJECTED, invalid.getMessage(), null, link.now());
            remember(rejected);
            return Outcome.done(rejected);
        }
        boolean seenBefore = !seen.firstSighting(core.id(), link.now());
        return decide(core, seenBefore);
    }

    /** From the bridge folder: already de-duplicated by the intake. Throws when the signal was not taken. */
    @Override
    public void accept(io.tradeguard.core.signal.Signal signal) {
        Outcome<SignalDecision> outcome = decide(signal, false);
        if (outcome instanceof Outcome.Unavailable<SignalDecision> u) {
            throw new IllegalStateException(u.detail());
        }
    }

    @Override
    public synchronized List<SignalDecision> recent(int limit) {
        return recent.stream().limit(Math.max(0, limit)).toList();
    }

    private Outcome<SignalDecision> decide(io.tradeguard.core.signal.Signal signal, boolean seenBefore) {
        TradingSnapshot snapshot = link.snapshot().orElse(null);
        if (snapshot == null) {
            return new Outcome.Unavailable<>("the engine did not answer in time");
        }
        Signal view = toView(signal);
        feed.publish(new EngineEvent.SignalReceived(view, link.now()));
        io.tradeguard.core.signal.SignalDecision decision = decider.decide(signal,
                io.tradeguard.core.signal.TradingMode.valueOf(link.mode().name()),
                snapshot.price(signal.symbol()).orElse(null), seenBefore, link.now());
        SignalDecision answer;
        if (decision.plan().isEmpty()) {
            SignalDecision.Decision kind = decision.outcome() == io.tradeguard.core.signal.SignalDecision.Outcome.REJECTED_INVALID
                    ? SignalDecision.Decision.REJECTED : SignalDecision.Decision.IGNORED;
            answer = new SignalDecision(view, kind, decision.reason(), null, decision.decidedAt());
        } else {
            answer = trade(view, signal, decision.plan().get(), decision.reason());
        }
        LOG.info("signal {} {} {}: {} ({})", signal.id().value(), signal.symbol(), signal.direction(), answer.decision(), answer.reason());
        remember(answer);
        return Outcome.done(answer);
    }

    private SignalDecision trade(Signal view, io.tradeguard.core.signal.Signal signal, SignalPlan plan, String reason) {
        Command command = switch (plan) {
            case SignalPlan.ClosePosition c -> new Command.ClosePosition(c.market(), c.symbol(), OrderOrigin.SIGNAL,
                    "signal " + signal.id().value());
            case SignalPlan.OpenPosition o -> {
                OrderInstructions instructions = instructions(o, signal);
                OrderIntent intent = switch (o.entryType()) {
                    case LIMIT -> new OrderIntent(o.market(), o.symbol(), o.side(), o.entryType(), TimeInForce.GTC, o.quantity(),
                            null, o.limitPrice(), null, null, null, null, false, false, OrderOrigin.SIGNAL,
                            "signal " + signal.id().value(), instructions);
                    default -> OrderIntent.market(o.market(), o.symbol(), o.side(), o.quantity(), OrderOrigin.SIGNAL)
                            .withReason("signal " + signal.id().value()).withInstructions(instructions);
                };
                link.refreshBook(intent);
                yield new Command.Signal(signal.id().value(), intent);
            }
        };
        return switch (link.submit(command)) {
            case Outcome.Done<CommandResult> d when d.value() instanceof CommandResult.Accepted a ->
                    new SignalDecision(view, SignalDecision.Decision.ACCEPTED, reason,
                            a.orders().isEmpty() ? null : a.orders().get(0).value(), link.now());
            case Outcome.Done<CommandResult> d -> new SignalDecision(view, SignalDecision.Decision.REJECTED,
                    String.join("; ", ((CommandResult.Rejected) d.value()).reasons()), null, link.now());
            case Outcome.Unavailable<CommandResult> u -> new SignalDecision(view, SignalDecision.Decision.REJECTED, u.detail(), null, link.now());
            default -> new SignalDecision(view, SignalDecision.Decision.REJECTED, "the engine did not answer", null, link.now());
        };
    }

    /** The plan's protection at the signal's (or the default) prices; leverage only on futures. */
    static OrderInstructions instructions(SignalPlan.OpenPosition o, io.tradeguard.core.signal.Signal signal) {
        return OrderInstructions.DEFAULTS
                .withLeverage(o.market() == Market.FUTURES ? o.leverage() : null)
                .withProtection(true, o.stopLoss(), o.takeProfit(), null)
                .withSource(signal.strategy(), signal.confidence());
    }

    private synchronized void remember(SignalDecision decision) {
        recent.addFirst(decision);
        while (recent.size() > KEEP) {
            recent.removeLast();
        }
    }

    private static io.tradeguard.core.signal.Signal toCore(Signal s) {
        return new io.tradeguard.core.signal.Signal(SignalId.of(s.id()), s.symbol(), s.market(),
                SignalDirection.valueOf(s.direction().name()), s.confidence(), s.entry(), s.stopLoss(), s.takeProfit(),
                s.leverage(), s.sizeUsd(), s.strategy(), s.source(), s.time());
    }

    private static Signal toView(io.tradeguard.core.signal.Signal s) {
        return new Signal(s.id().value(), s.symbol(), s.market(), Signal.Direction.valueOf(s.direction().name()), s.confidence(),
                s.entry(), s.stopLoss(), s.takeProfit(), s.leverage(), s.sizeUsd(), s.strategy(), s.source(), s.time());
    }
}
