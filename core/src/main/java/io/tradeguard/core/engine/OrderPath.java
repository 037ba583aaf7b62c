package io.tradeguard.core.engine;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.ledger.AssetBalance;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.ledger.PositionSide;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.ClientOrderIdGenerator;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.pretrade.GateDecision;
import io.tradeguard.core.pretrade.PreTradeGate;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.venue.OrderRequest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The order path of DESIGN.md section 3 up to the request: halt check → gates (instrument filters, risk
 * rules, safety gates, in that order) → client order id → write-ahead event → submit effect. The effect
 * is released only once the write-ahead event is durable (see {@link Engine}).
 */
final class OrderPath {
    private final TradingState state;
    private final List<PreTradeGate> gates;
    private final ClientOrderIdGenerator ids;
    private final Supplier<TradingSnapshot> snapshot;
    private final FuturesLeverage leverage;

    OrderPath(TradingState state, List<PreTradeGate> gates, ClientOrderIdGenerator ids, Supplier<TradingSnapshot> snapshot,
              FuturesLeverage leverage) {
        this.state = state;
        this.leverage = leverage;
        List<PreTradeGate> sorted = new ArrayList<>(gates);
        sorted.sort(Comparator.comparing(PreTradeGate::stage)); // stable: keeps the given order within a stage
        this.gates = List.copyOf(sorted);
        this.ids = ids;
        this.snapshot = snapshot;
    }

    /**
     * @param emergency an emergency flatten: only the instrument filters apply (risk and safety rules stop
     *                  new risk; they must not keep a position open)
     */
    CommandResult place(OrderIntent intent, boolean emergency, Emitter out, Instant now) {
        return place(intent, null, emergency, out, now);
    }

    /** @param requested the id the caller chose (see {@link Command.PlaceOrder#label()}), or null for a generated one */
    CommandResult place(OrderIntent intent, ClientOrderId requested, boolean emergency, Emitter out, Instant now) {
        if (requested != null && state.order(requested) != null) {
            return deny(intent, "the client order id " + requested + " is already in use; nothing was sent", out, now);
        }
        if (state.halted() && !emergency && !reducesPosition(intent)) {
            return deny(intent, "trading is halted (" + state.haltReason() + "): only orders that reduce a position"
                    + " are allowed until an admin resumes trading", out, now);
        }
        OrderIntent current = intent;
        if (intent.market() == Market.FUTURES && !intent.reduceOnly() && !intent.closePosition()) {
            // the leverage is decided before the gates, so the risk rules judge margin at the leverage that is sent
            FuturesLeverage.Decision wanted = leverage.decide(intent, state.position(Market.FUTURES, intent.symbol()));
            if (wanted.refusal() != null) {
                return deny(intent, wanted.refusal(), out, now);
            }
            current = wanted.intent();
        }
        TradingSnapshot view = snapshot.get();
        List<String> notes = null; // most orders pass unchanged: no list for them
        for (PreTradeGate gate : gates) {
            if (emergency && gate.stage() != PreTradeGate.Stage.INSTRUMENT) {
                continue;
            }
            GateDecision decision;
            try {
                decision = gate.check(current, view);
            } catch (RuntimeException e) {
                // a check that cannot decide refuses: fail closed
                decision = GateDecision.Reject.because("the check " + gate.name() + " failed: " + e.getMessage());
            }
            switch (decision) {
                case GateDecision.Pass p -> { }
                case GateDecision.Adjust a -> {
                    OrderIntent adjusted = a.adjusted();
                    if (adjusted.market() != current.market() || !adjusted.symbol().equals(current.symbol())
                            || adjusted.side() != current.side() || adjusted.origin() != current.origin()) {
                        return deny(current, "the check " + gate.name()
                                + " tried to change the market, symbol, side or origin of the order", out, now);
                    }
                    current = adjusted;
                    if (notes == null) {
                        notes = new ArrayList<>();
                    }
                    for (String r : a.reasons()) {
                        notes.add(gate.name() + ": " + r);
                    }
                }
                case GateDecision.Reject r -> {
                    out.emit(new DomainEvent.OrderDenied(current, r.reasons(), now));
                    return new CommandResult.Rejected(r.reasons());
                }
            }
        }
        ClientOrderId id = requested != null ? requested : ids.next(current.origin());
        if (state.order(id) != null) {
            return deny(current, "the client order id " + id + " is already in use; nothing was sent", out, now);
        }
        OrderRequest request = current.toRequest(id);
        out.emit(new DomainEvent.OrderSubmitted(Order.pending(current, id, now), request, now));
        Integer atLeverage = current.instructions().leverage();
        out.effect(current.market() == Market.FUTURES && atLeverage != null && !current.reduceOnly() && !current.closePosition()
                ? new Effect.SubmitAtLeverage(request, atLeverage, leverage.cap()) : new Effect.Submit(request));
        return new CommandResult.Accepted(List.of(id), notes == null ? List.of() : notes);
    }

    /**
     * The checks of {@link #place} without placing: the reasons the order would be refused, or an empty list. A
     * gate that would change the order refuses it too (an OCO's legs are sent as checked, or not at all); a refusal
     * is journaled as a denied order.
     */
    List<String> screen(OrderIntent intent, Emitter out, Instant now) {
        if (state.halted() && !reducesPosition(intent)) {
            String reason = "trading is halted (" + state.haltReason() + "): only orders that reduce a position"
                    + " are allowed until an admin resumes trading";
            deny(intent, reason, out, now);
            return List.of(reason);
        }
        TradingSnapshot view = snapshot.get();
        for (PreTradeGate gate : gates) {
            GateDecision decision;
            try {
                decision = gate.check(intent, view);
            } catch (RuntimeException e) {
                decision = GateDecision.Reject.because("the check " + gate.name() + " failed: " + e.getMessage());
            }
            List<String> reasons = switch (decision) {
                case GateDecision.Pass p -> List.of();
                case GateDecision.Adjust a -> a.adjusted().equals(intent) ? List.of()
                        : a.reasons().stream().map(r -> gate.name() + " would change the order: " + r).toList();
                case GateDecision.Reject r -> r.reasons();
            };
            if (!reasons.isEmpty()) {
                out.emit(new DomainEvent.OrderDenied(intent, reasons, now));
                return reasons;
            }
        }
        return List.of();
    }

    /** A market order for the whole position, through the same path. */
    CommandResult close(Market market, Symbol symbol, OrderOrigin origin, String reason, boolean emergency,
                        Emitter out, Instant now) {
        Position position = state.position(market, symbol);
        if (position == null) {
            return CommandResult.Rejected.because("there is no open position in " + symbol + " on " + market.wireName());
        }
        Side side = position.side() == PositionSide.LONG ? Side.SELL : Side.BUY;
        BigDecimal quantity = position.size();
        if (market == Market.SPOT) {
            if (position.side() == PositionSide.SHORT && emergency) {
                return CommandResult.Rejected.because("the spot short in " + symbol
                        + " is sold holdings; an emergency stop does not buy them back");
            }
            if (side == Side.SELL) {
                // the position is what the wallet got, but part of it may be locked by open orders
                AssetBalance base = state.balance(Market.SPOT, position.baseAsset());
                if (base != null && base.free().compareTo(quantity) < 0) {
                    quantity = base.free();
                }
                if (quantity.signum() <= 0) {
                    return CommandResult.Rejected.because("no free " + position.baseAsset() + " to sell");
                }
            }
        }
        OrderIntent intent = new OrderIntent(market, symbol, side, OrderType.MARKET, null, quantity, null, null, null,
                null, null, null, market == Market.FUTURES, false, origin,
                reason == null || reason.isEmpty() ? "close position" : reason, null);
        return place(intent, emergency, out, now);
    }

    private boolean reducesPosition(OrderIntent intent) {
        Position position = state.position(intent.market(), intent.symbol());
        if (position == null || intent.quantity() == null) {
            return false;
        }
        Side reducing = position.side() == PositionSide.LONG ? Side.SELL : Side.BUY;
        return intent.side() == reducing && intent.quantity().compareTo(position.size()) <= 0;
    }

    private static CommandResult deny(OrderIntent intent, String reason, Emitter out, Instant now) {
        out.emit(new DomainEvent.OrderDenied(intent, List.of(reason), now));
        return CommandResult.Rejected.because(reason);
    }
}
