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

    public static TriggerBook restore(List<LocalTrigger> snapshot) {
        TriggerBook book = new TriggerBook();
        snapshot.forEach(book::add);
        return book;
    }

    public void add(LocalTrigger trigger) {
        if (find(trigger.id()).isPresent()) {
            throw new IllegalArgumentException("a trigger with id " + trigger.id() + " is already active");
        }
        bySymbol.computeIfAbsent(new Key(trigger.market(), trigger.symbol()), k -> new ArrayList<>(2)).add(trigger);
    }

    /** Removes a trigger (and nothing else); false when it was not active. */
    public boolean cancel(String id) {
        for (List<LocalTrigger> triggers : bySymbol.values()) {
            if (triggers.removeIf(t -> t.id().equals(id))) {
                return true;
            }
        }
        return false;
    }

    public Optional<LocalTrigger> find(String id) {
        for (List<LocalTrigger> triggers : bySymbol.values()) {
            for (LocalTrigger trigger : triggers) {
                if (trigger.id().equals(id)) {
                    return Optional.of(trigger);
                }
            }
        }
        return Optional.empty();
    }

    /** Every active trigger with its current state (trailing extremes included). */
    public List<LocalTrigger> snapshot() {
        List<LocalTrigger> all = new ArrayList<>();
        bySymbol.values().forEach(all::addAll);
        return all;
    }

    /** One tick of a symbol's price on a market: updates the trails and returns what fired. */
    public List<TriggerFired> onTick(Market market, Symbol symbol, BigDecimal price, Instant now) {
        List<LocalTrigger> triggers = bySymbol.get(new Key(market, symbol));
        if (triggers == null || triggers.isEmpty()) {
            return List.of();
        }
        List<TriggerFired> fired = null;
        for (int i = 0; i < triggers.size(); i++) {
            LocalTrigger.Step step = triggers.get(i).onTick(price);
            triggers.set(i, step.next());
            if (step.fired()) {
                if (fired == null) {
                    fired = new ArrayList<>(1);
                }
                fired.add(new TriggerFired(step.next(), step.level(), price, now, List.of()));
            }
        }
        if (fired == null) {
            return List.of();
        }
        return removeFired(triggers, fired);
    }

    /** Removes the fired triggers and their brackets; of two legs of one bracket firing on one tick, the first wins. */
    private static List<TriggerFired> removeFired(List<LocalTrigger> triggers, List<TriggerFired> fired) {
        List<TriggerFired> out = new ArrayList<>(fired.size());
        List<String> groupsDone = new ArrayList<>(1);
        for (TriggerFired f : fired) {
            String group = f.trigger().group();
            if (group != null && groupsDone.contains(group)) {
                continue;
            }
            List<String> cancelled = new ArrayList<>(1);
            triggers.removeIf(t -> {
                if (t.id().equals(f.trigger().id())) {
                    return true;
                }
                if (group != null && group.equals(t.group())) {
                    cancelled.add(t.id());
                    return true;
                }
                return false;
            });
            if (group != null) {
                groupsDone.add(group);
            }
            out.add(new TriggerFired(f.trigger(), f.level(), f.tickPrice(), f.at(), cancelled));
        }
        return out;
    }
}
