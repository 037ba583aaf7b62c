package io.tradeguard.core.guard;

import io.tradeguard.core.engine.Command;
import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.ledger.PositionSide;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.protection.EntryFill;
import io.tradeguard.core.protection.LocalTrigger;
import io.tradeguard.core.protection.PriceTrigger;
import io.tradeguard.core.protection.ProtectionPlan;
import io.tradeguard.core.protection.ProtectionPlanner;
import io.tradeguard.core.protection.ProtectionSpec;
import io.tradeguard.core.protection.TrailingStop;
import io.tradeguard.core.protection.TriggerBook;
import io.tradeguard.core.protection.TriggerFired;
import io.tradeguard.core.state.TradingSnapshot;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Automatic stop-loss and take-profit for every position, as a local bracket (two price triggers sharing the
 * position id as their group): armed when the position opens, re-priced and re-sized on every further entry
 * fill (from the new average entry, as {@link ProtectionPlanner#resize} does), removed when it closes. When one
 * leg fires the book removes the other; the exit closes the position at market. Called under the guards' lock.
 */
final class Protection {
    private static final Logger LOG = Logger.getLogger(Protection.class.getName());
    private final TradingGuards guards;
    private final AtomicLong ids = new AtomicLong();

    Protection(TradingGuards guards) {
        this.guards = guards;
    }

    /** A position opened or changed: (re)arm its bracket for its current size. */
    void changed(Position position, TriggerBook book) {
        String group = position.positionId();
        PriceTrigger stop = (PriceTrigger) book.find(group + ":sl").orElse(null);
        if (stop != null && stop.quantity().compareTo(position.size()) == 0) {
            return; // already covers it (a partial exit by hand keeps the bracket until the size changes)
        }
        Side entrySide = position.side() == PositionSide.LONG ? Side.BUY : Side.SELL;
        ProtectionSpec spec = ProtectionSpec.defaults(guards.configLocked());
        var instrument = guards.instrument(position.symbol());
        BigDecimal tick = instrument == null ? BigDecimal.ZERO : instrument.priceFilter().tickSize();
        EntryFill fill = new EntryFill(position.market(), position.symbol(), entrySide, position.size(), position.entryPrice(), null);
        ProtectionPlan plan = ProtectionPlanner.plan(fill, spec, tick, () -> ClientOrderId.of("g" + ids.incrementAndGet()));
        BigDecimal slPrice;
        BigDecimal tpPrice;
        switch (plan) {
            case ProtectionPlan.SpotOco oco -> {
                slPrice = oco.stopLoss();
                tpPrice = oco.takeProfit();
            }
            case ProtectionPlan.FuturesBracket b -> {
                slPrice = b.stopLoss().stopPrice();
                tpPrice = b.takeProfit().stopPrice();
            }
            case ProtectionPlan.Refused r -> {
                LOG.warning("no protection for " + position.symbol() + ": " + r.reason());
                return;
            }
        }
        book.cancel(group + ":sl");
        book.cancel(group + ":tp");
        Side exit = entrySide.opposite();
        book.add(new PriceTrigger(group + ":sl", position.market(), position.symbol(), exit, position.size(),
                PriceTrigger.Kind.STOP_LOSS, slPrice, group));
        book.add(new PriceTrigger(group + ":tp", position.market(), position.symbol(), exit, position.size(),
                PriceTrigger.Kind.TAKE_PROFIT, tpPrice, group));
        guards.record(List.of(), "protection of " + position.symbol() + " " + position.size().toPlainString()
                + ": stop-loss " + slPrice.toPlainString() + ", take-profit " + tpPrice.toPlainString());
    }

    /** The position closed: its bracket (and any trigger on it) goes. */
    void closed(DomainEvent.PositionClosed closed, TriggerBook book) {
        removeFor(closed.market(), closed.symbol(), book);
    }

    /** The position is gone (or only unsellable dust is left): every trigger on it goes. */
    void removeFor(Market market, io.tradeguard.core.model.Symbol symbol, TriggerBook book) {
        boolean removed = false;
        for (LocalTrigger t : book.snapshot()) {
            if (t.market() == market && t.symbol().equals(symbol)) {
                removed |= book.cancel(t.id());
            }
        }
        if (removed) {
            guards.record(List.of(), "position in " + symbol + " closed: its triggers removed");
        }
    }

    /** The stop-loss price of each protected position, by position id, for the portfolio-heat rule. */
    Map<String, BigDecimal> stops(TriggerBook book) {
        Map<String, BigDecimal> out = new HashMap<>();
        for (LocalTrigger t : book.snapshot()) {
            if (t instanceof PriceTrigger p && p.kind() == PriceTrigger.Kind.STOP_LOSS && p.group() != null) {
                out.put(p.group(), p.triggerPrice());
            }
        }
        return out;
    }

    /** The exit a fired trigger sends: the whole position at market when it covers it, else its own quantity. */
    Command exit(TriggerFired fired, Supplier<TradingSnapshot> state) {
        LocalTrigger t = fired.trigger();
        String label = switch (t) {
            case PriceTrigger p -> p.kind() == PriceTrigger.Kind.STOP_LOSS ? "stop loss" : "take profit";
            case TrailingStop s -> "trailing stop";
        };
        Position position = state.get().position(t.market(), t.symbol()).orElse(null);
        if (position == null || t.quantity().compareTo(position.size()) >= 0) {
            return new Command.ClosePosition(t.market(), t.symbol(), OrderOrigin.PROTECTION, label);
        }
        return new Command.PlaceOrder(new OrderIntent(t.market(), t.symbol(), t.exitSide(), OrderType.MARKET, null,
                t.quantity(), null, null, null, null, null, null, t.market() == Market.FUTURES, false,
                OrderOrigin.PROTECTION, label, null));
    }
}
