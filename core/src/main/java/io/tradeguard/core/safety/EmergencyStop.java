package io.tradeguard.core.safety;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.risk.OpenPosition;
import io.tradeguard.core.venue.OrderRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The emergency stop: halts trading, cancels every open order and closes every position at market
 * (reduce-only on futures), retrying each leg up to {@code maxAttempts} times and reporting what could not
 * be done. The halt is persisted and lasts until an explicit {@link #reset}. Its legs never ask the
 * circuit breaker: they go out even while it is open.
 *
 * <p>Cancels go first; a symbol's flatten goes out once that symbol's cancels have an outcome (on spot a
 * resting sell locks the coins the flatten must sell). The engine loop: {@link #start}, then repeatedly
 * {@link #takeDue()} → send each → {@link #onSucceeded} / {@link #onFailed}.
 */
public final class EmergencyStop {
    private final int maxAttempts;
    private EmergencyStopState state;
    private boolean finishedReported;

    public EmergencyStop(int maxAttempts, EmergencyStopState state) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max attempts must be at least 1");
        }
        this.maxAttempts = maxAttempts;
        Objects.requireNonNull(state, "state");
        // a leg sent before a restart has no known outcome: send it again (same client order id)
        List<EmergencyLeg> legs = new ArrayList<>(state.legs().size());
        for (EmergencyLeg leg : state.legs()) {
            legs.add(leg.status() == EmergencyLeg.Status.SENT ? leg.with(EmergencyLeg.Status.PENDING, leg.attempts(), leg.lastError()) : leg);
        }
        this.state = new EmergencyStopState(state.halted(), state.reason(), state.startedAt(), legs, state.resetAt(), state.resetReason());
        this.finishedReported = this.state.legs().stream().allMatch(EmergencyLeg::finished);
    }

    public EmergencyStopState state() {
        return state;
    }

    public boolean blocksEntries() {
        return state.halted();
    }

    public Optional<String> entryBlockReason() {
        return state.halted() ? Optional.of("Emergency stop since " + state.startedAt() + ": " + state.reason()
                + "; trading resumes only after an explicit reset") : Optional.empty();
    }

    /**
     * Halts and plans a leg for every open order and every position. Called again while halted, it plans
     * afresh from the book given (to retry what is left after failures); the halt keeps its start.
     */
    public List<SafetyEvent> start(String reason, List<RestingOrder> openOrders, List<OpenPosition> positions,
                                   Supplier<ClientOrderId> ids, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an emergency stop needs a reason");
        }
        List<EmergencyLeg> legs = new ArrayList<>(openOrders.size() + positions.size());
        for (RestingOrder order : openOrders) {
            legs.add(new EmergencyLeg(legs.size(), EmergencyLeg.Kind.CANCEL, order.market(), order.symbol(), order, null,
                    EmergencyLeg.Status.PENDING, 0, null));
        }
        for (OpenPosition position : positions) {
            boolean futures = position.market() == Market.FUTURES;
            OrderRequest close = new OrderRequest(position.market(), position.symbol(), position.side().opposite(),
                    OrderType.MARKET, null, position.quantity(), null, null, null, null, null, null,
                    futures, false, ids.get());
            legs.add(new EmergencyLeg(legs.size(), EmergencyLeg.Kind.FLATTEN, position.market(), position.symbol(), null,
                    close, EmergencyLeg.Status.PENDING, 0, null));
        }
        boolean wasHalted = state.halted();
        state = new EmergencyStopState(true, wasHalted ? state.reason() : reason.strip(),
                wasHalted ? state.startedAt() : now, legs, null, null);
        finishedReported = false;
        List<SafetyEvent> events = new ArrayList<>(2);
        events.add(new SafetyEvent.EmergencyStop(reason.strip(), openOrders.size(), positions.size(), now));
        finishIfDone(now, events);
        return events;
    }

    /** The legs to send now, marked as sent. */
    public List<EmergencyLeg> takeDue() {
        List<EmergencyLeg> legs = new ArrayList<>(state.legs());
        List<EmergencyLeg> due = new ArrayList<>();
        for (int i = 0; i < legs.size(); i++) {
            EmergencyLeg leg = legs.get(i);
            if (leg.status() != EmergencyLeg.Status.PENDING) {
                continue;
            }
            if (leg.kind() == EmergencyLeg.Kind.FLATTEN && cancelsOutstanding(leg)) {
                continue;
            }
            EmergencyLeg sent = leg.with(EmergencyLeg.Status.SENT, leg.attempts() + 1, leg.lastError());
            legs.set(i, sent);
            due.add(sent);
        }
        replaceLegs(legs);
        return due;
    }

    /** The leg's call succeeded (for a cancel: also when the order was already gone). */
    public List<SafetyEvent> onSucceeded(int legId, Instant now) {
        EmergencyLeg leg = sentLeg(legId);
        update(leg.with(EmergencyLeg.Status.DONE, leg.attempts(), leg.lastError()));
        List<SafetyEvent> events = new ArrayList<>(1);
        finishIfDone(now, events);
        return events;
    }

    /** The leg's call failed: it is retried until it has been tried {@code maxAttempts} times. */
    public List<SafetyEvent> onFailed(int legId, String error, Instant now) {
        EmergencyLeg leg = sentLeg(legId);
        EmergencyLeg.Status next = leg.attempts() >= maxAttempts ? EmergencyLeg.Status.GAVE_UP : EmergencyLeg.Status.PENDING;
        update(leg.with(next, leg.attempts(), Objects.requireNonNull(error, "error")));
        List<SafetyEvent> events = new ArrayList<>(1);
        finishIfDone(now, events);
        return events;
    }

    /** What could not be done, one sentence per leg; empty when everything succeeded or is still under way. */
    public List<String> notDone() {
        return state.legs().stream().filter(l -> l.status() == EmergencyLeg.Status.GAVE_UP)
                .map(l -> l.describe() + " failed after " + l.attempts() + " attempts: " + l.lastError()).toList();
    }

    public boolean finished() {
        return state.legs().stream().allMatch(EmergencyLeg::finished);
    }

    /**
     * Lifts the halt. Legs still under way are left as they are and stay in the report.
     *
     * @throws IllegalStateException when trading is not halted
     */
    public List<SafetyEvent> reset(String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reset needs a reason");
        }
        if (!state.halted()) {
            throw new IllegalStateException("trading is not halted");
        }
        state = new EmergencyStopState(false, state.reason(), state.startedAt(), state.legs(), now, reason.strip());
        return List.of(new SafetyEvent.EmergencyHaltReset(reason.strip(), now));
    }

    private boolean cancelsOutstanding(EmergencyLeg flatten) {
        for (EmergencyLeg leg : state.legs()) {
            if (leg.kind() == EmergencyLeg.Kind.CANCEL && !leg.finished() && leg.market() == flatten.market()
                    && leg.symbol().equals(flatten.symbol())) {
                return true;
            }
        }
        return false;
    }

    private EmergencyLeg sentLeg(int legId) {
        if (legId < 0 || legId >= state.legs().size()) {
            throw new IllegalArgumentException("no emergency leg " + legId);
        }
        EmergencyLeg leg = state.legs().get(legId);
        if (leg.status() != EmergencyLeg.Status.SENT) {
            throw new IllegalStateException("emergency leg " + legId + " is " + leg.status() + ", not SENT");
        }
        return leg;
    }

    private void update(EmergencyLeg leg) {
        List<EmergencyLeg> legs = new ArrayList<>(state.legs());
        legs.set(leg.id(), leg);
        replaceLegs(legs);
    }

    private void replaceLegs(List<EmergencyLeg> legs) {
        state = new EmergencyStopState(state.halted(), state.reason(), state.startedAt(), legs, state.resetAt(), state.resetReason());
    }

    private void finishIfDone(Instant now, List<SafetyEvent> events) {
        if (!finishedReported && finished()) {
            finishedReported = true;
            events.add(new SafetyEvent.EmergencyStopFinished(notDone(), now));
        }
    }
}
