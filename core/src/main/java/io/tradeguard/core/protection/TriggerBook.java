package io.tradeguard.core.protection;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The active local triggers, by market and symbol. Each price tick goes to the triggers of its symbol at
 * once (event-driven, no polling); a trigger fires once and is removed, together with the rest of its
 * bracket. Owned by the engine thread. {@link #snapshot()} is what to journal; {@link #restore} resumes.
 */
public final class TriggerBook {
    private record Key(Market market, Symbol symbol) {
    }

    private final Map<Key, List<LocalTrigger>> bySymbol = new HashMap<>();
    /** where each active trigger is, so find and cancel need not walk every symbol */
    private final Map<String, Key> byId = new HashMap<>();
    /** counts every change of the active triggers or their state: an unchanged count means an unchanged snapshot */
    private long changes;

    /**
     * What one tick did: the triggers that fired, and whether any trigger's state moved (a trailing stop's
     * extreme) without firing.
     */
    public record Tick(List<TriggerFired> fired, boolean moved) {
        private static final Tick NOTHING = new Tick(List.of(), false);
    }

    public static TriggerBook restore(List<LocalTrigger> snapshot) {
        TriggerBook book = new TriggerBook();
        snapshot.forEach(book::add);
        return book;
    }

    public void add(LocalTrigger trigger) {
        if (byId.containsKey(trigger.id())) {
            throw new IllegalArgumentException("a trigger with id " + trigger.id() + " is already active");
        }
        Key key = new Key(trigger.market(), trigger.symbol());
        bySymbol.computeIfAbsent(key, k -> new ArrayList<>(2)).add(trigger);
        byId.put(trigger.id(), key);
        changes++;
    }

    /** Removes a trigger (and nothing else); false when it was not active. */
    public boolean cancel(String id) {
        Key key = byId.remove(id);
        if (key == null) {
            return false;
        }
        bySymbol.get(key).removeIf(t -> t.id().equals(id));
        changes++;
        return true;
    }

    public Optional<LocalTrigger> find(String id) {
        Key key = byId.get(id);
        if (key == null) {
            return Optional.empty();
        }
        for (LocalTrigger trigger : bySymbol.get(key)) {
            if (trigger.id().equals(id)) {
                return Optional.of(trigger);
            }
        }
        throw new IllegalStateException("trigger " + id + " is indexed but not active");
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** The active triggers of a symbol on a market (a copy). */
    public List<LocalTrigger> of(Market market, Symbol symbol) {
        List<LocalTrigger> triggers = bySymbol.get(new Key(market, symbol));
        return triggers == null ? List.of() : List.copyOf(triggers);
    }

    /**
     * Grows with every change of the active triggers or of their state (arming, cancelling, firing, a trailing
     * stop moving): what was derived from the book at one count holds while the count is the same.
     */
    public long changes() {
        return changes;
    }

    /** the last snapshot and the change count it was taken at: a trigger firing is journaled and risk-checked */
    private List<LocalTrigger> snapshot = List.of();
    private long snapshotAt;

    /** Every active trigger with its current state (trailing extremes included); unmodifiable. */
    public List<LocalTrigger> snapshot() {
        if (snapshotAt != changes) {
            List<LocalTrigger> all = new ArrayList<>(byId.size());
            for (List<LocalTrigger> triggers : bySymbol.values()) {
                for (int i = 0; i < triggers.size(); i++) { // addAll would copy each symbol's list into an array first
                    all.add(triggers.get(i));
                }
            }
            snapshot = java.util.Collections.unmodifiableList(all);
            snapshotAt = changes;
        }
        return snapshot;
    }

    /** How many triggers are active. */
    public int size() {
        return byId.size();
    }

    /**
     * Every active trigger, in {@link #snapshot()}'s order, without building the list: what the guards' saved state
     * and the risk check's stops read after every change.
     */
    public void forEach(java.util.function.Consumer<? super LocalTrigger> action) {
        for (List<LocalTrigger> triggers : bySymbol.values()) {
            for (int i = 0; i < triggers.size(); i++) {
                action.accept(triggers.get(i));
            }
        }
    }

    /** One tick of a symbol's price on a market: updates the trails and returns what fired. */
    public List<TriggerFired> onTick(Market market, Symbol symbol, BigDecimal price, Instant now) {
        return tick(market, symbol, price, now).fired();
    }

    /**
     * One tick of a symbol's price on a market: only that symbol's triggers see it. Updates the trails and says
     * what fired and whether a trigger's state moved.
     */
    public Tick tick(Market market, Symbol symbol, BigDecimal price, Instant now) {
        List<LocalTrigger> triggers = bySymbol.get(new Key(market, symbol));
        if (triggers == null || triggers.isEmpty()) {
            return Tick.NOTHING;
        }
        List<TriggerFired> fired = null;
        boolean moved = false;
        for (int i = 0; i < triggers.size(); i++) {
            LocalTrigger before = triggers.get(i);
            LocalTrigger.Step step = before.onTick(price);
            if (step.next() != before && !step.next().equals(before)) {
                moved = true;
            }
            triggers.set(i, step.next());
            if (step.fired()) {
                if (fired == null) {
                    fired = new ArrayList<>(1);
                }
                fired.add(new TriggerFired(step.next(), step.level(), price, now, List.of()));
            }
        }
        if (moved) {
            changes++;
        }
        if (fired == null) {
            return moved ? new Tick(List.of(), true) : Tick.NOTHING;
        }
        changes++;
        List<TriggerFired> out = removeFired(triggers, fired);
        for (TriggerFired f : out) {
            byId.remove(f.trigger().id());
            f.cancelled().forEach(byId::remove);
        }
        return new Tick(out, moved);
    }

    /** Removes the fired triggers and their brackets; of two legs of one bracket firing on one tick, the first wins. */
    private static List<TriggerFired> removeFired(List<LocalTrigger> triggers, List<TriggerFired> fired) {
        List<TriggerFired> out = new ArrayList<>(fired.size());
        List<String> groupsDone = null;
        for (TriggerFired f : fired) {
            String group = f.trigger().group();
            if (group != null && groupsDone != null && groupsDone.contains(group)) {
                continue;
            }
            List<String> cancelled = null;
            // in place, without a predicate object: this runs on the engine thread for every trigger that fires
            for (int i = triggers.size() - 1; i >= 0; i--) {
                LocalTrigger t = triggers.get(i);
                if (t.id().equals(f.trigger().id())) {
                    triggers.remove(i);
                } else if (group != null && group.equals(t.group())) {
                    if (cancelled == null) {
                        cancelled = new ArrayList<>(1);
                    }
                    cancelled.add(0, t.id()); // walking backwards: keeps the book's order
                    triggers.remove(i);
                }
            }
            if (group != null) {
                if (groupsDone == null) {
                    groupsDone = new ArrayList<>(1);
                }
                groupsDone.add(group);
            }
            // f was built with no cancelled legs: it is the answer itself when its bracket had none left
            out.add(cancelled == null ? f : new TriggerFired(f.trigger(), f.level(), f.tickPrice(), f.at(), cancelled));
        }
        return out;
    }
}
