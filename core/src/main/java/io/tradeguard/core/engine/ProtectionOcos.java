package io.tradeguard.core.engine;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.ledger.AssetBalance;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.ledger.PositionSide;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.ClientOrderIdGenerator;
import io.tradeguard.core.order.OcoLegIds;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.order.OrderReports;
import io.tradeguard.core.order.OrderTrigger;
import io.tradeguard.core.venue.OcoRequest;
import io.tradeguard.core.venue.OcoResult;
import io.tradeguard.core.venue.OrderUpdate;
import io.tradeguard.core.venue.VenueEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Native protection OCOs on spot, on the engine thread: placing one (both legs journaled as orders before the list
 * is sent, like every order), the venue's answer, its list status, and closing a position whose holding an OCO
 * still locks (the legs are cancelled first, the close follows once the coins are free).
 */
final class ProtectionOcos {
    /** A close waits at most this long for the cancelled legs' coins to show as free; then it sells what is free. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    interface Reporter {
        void report(OrderUpdate update, Emitter out, Instant now);
    }

    interface Closer {
        CommandResult close(Command.ClosePosition close, boolean emergency, Emitter out, Instant now);
    }

    private record PendingClose(Command.ClosePosition command, boolean emergency, Instant deadline) {
    }

    private final TradingState state;
    private final ClientOrderIdGenerator ids;
    private final OrderChanges changes;
    private final Reporter reporter;
    private final Set<ClientOrderId> cancelWhenAcknowledged;
    private final Supplier<EngineSettings> settings;
    private final Map<Symbol, PendingClose> closes = new LinkedHashMap<>();

    ProtectionOcos(TradingState state, ClientOrderIdGenerator ids, OrderChanges changes, Reporter reporter,
                   Set<ClientOrderId> cancelWhenAcknowledged, Supplier<EngineSettings> settings) {
        this.state = state;
        this.ids = ids;
        this.changes = changes;
        this.reporter = reporter;
        this.cancelWhenAcknowledged = cancelWhenAcknowledged;
        this.settings = settings;
    }

    CommandResult place(Command.PlaceProtectionOco p, Emitter out, Instant now) {
        if (settings.get().market() != Market.SPOT) {
            return CommandResult.Rejected.because("OCO lists exist on spot only; this engine trades "
                    + settings.get().market().wireName());
        }
        if (state.halted()) {
            return CommandResult.Rejected.because("trading is halted (" + state.haltReason() + "): no new protection is placed");
        }
        Position position = state.position(Market.SPOT, p.symbol());
        if (position == null || position.side() != PositionSide.LONG) {
            return CommandResult.Rejected.because("there is no spot holding of " + p.symbol() + " to protect");
        }
        if (p.quantity().compareTo(position.size()) > 0) {
            return CommandResult.Rejected.because("the OCO would sell " + p.quantity().toPlainString() + " but the holding is "
                    + position.size().toPlainString());
        }
        ClientOrderId list = ids.next(OrderOrigin.PROTECTION);
        ClientOrderId tpId = OcoLegIds.takeProfit(list);
        ClientOrderId slId = OcoLegIds.stopLoss(list);
        if (state.order(tpId) != null || state.order(slId) != null) {
            return CommandResult.Rejected.because("the client order id " + list + " is already in use; nothing was sent");
        }
        OrderIntent tp = leg(p, OrderType.TAKE_PROFIT, p.takeProfit(), null, "take profit");
        OrderIntent sl = leg(p, OrderType.STOP_LOSS, p.stopLoss(), p.trailingDelta(),
                p.trailingDelta() != null ? "trailing stop" : "stop loss");
        // write-ahead: both legs are journaled before the list is sent (the effect waits for them to be durable)
        out.emit(new DomainEvent.OrderSubmitted(Order.pending(tp, tpId, now), tp.toRequest(tpId), now));
        out.emit(new DomainEvent.OrderSubmitted(Order.pending(sl, slId, now), sl.toRequest(slId), now));
        OcoRequest request = new OcoRequest(p.symbol(), Side.SELL, p.quantity(),
                new OcoRequest.Leg(OrderType.TAKE_PROFIT, null, p.takeProfit(), null, null, tpId),
                new OcoRequest.Leg(OrderType.STOP_LOSS, null, p.stopLoss(), p.trailingDelta(), null, slId), list);
        out.effect(new Effect.SubmitOco(request));
        return new CommandResult.Accepted(List.of(tpId, slId), List.of());
    }

    /** A requested OCO (manual): both legs pass the order path's checks, are journaled, then the list is sent. */
    CommandResult place(Command.PlaceOco o, OrderPath path, Emitter out, Instant now) {
        if (settings.get().market() != Market.SPOT) {
            return CommandResult.Rejected.because("OCO lists exist on spot only; this engine trades "
                    + settings.get().market().wireName());
        }
        for (OrderIntent leg : List.of(o.limitLeg(), o.stopLeg())) {
            List<String> refused = path.screen(leg, out, now);
            if (!refused.isEmpty()) {
                return new CommandResult.Rejected(refused);
            }
        }
        ClientOrderId list = ids.next(o.above().origin());
        ClientOrderId limitId = OcoLegIds.takeProfit(list);
        ClientOrderId stopId = OcoLegIds.stopLoss(list);
        if (state.order(limitId) != null || state.order(stopId) != null) {
            return CommandResult.Rejected.because("the client order id " + list + " is already in use; nothing was sent");
        }
        // write-ahead: both legs are journaled before the list is sent
        out.emit(new DomainEvent.OrderSubmitted(Order.pending(o.limitLeg(), limitId, now), o.limitLeg().toRequest(limitId), now));
        out.emit(new DomainEvent.OrderSubmitted(Order.pending(o.stopLeg(), stopId, now), o.stopLeg().toRequest(stopId), now));
        OcoRequest request = new OcoRequest(o.above().symbol(), o.above().side(), o.above().quantity(),
                ocoLeg(o.above(), o.above() == o.limitLeg() ? limitId : stopId),
                ocoLeg(o.below(), o.below() == o.limitLeg() ? limitId : stopId), list);
        out.effect(new Effect.SubmitOco(request));
        return new CommandResult.Accepted(List.of(limitId, stopId), List.of());
    }

    private static OcoRequest.Leg ocoLeg(OrderIntent leg, ClientOrderId id) {
        return new OcoRequest.Leg(leg.type(), leg.price(), leg.stopPrice(), leg.trailingDelta(),
                leg.type() == OrderType.LIMIT_MAKER ? null : leg.timeInForce(), id);
    }

    private static OrderIntent leg(Command.PlaceProtectionOco p, OrderType type, java.math.BigDecimal stop,
                                   Integer trailingDelta, String reason) {
        return new OrderIntent(Market.SPOT, p.symbol(), Side.SELL, type, null, p.quantity(), null, null, stop,
                trailingDelta, null, null, false, false, OrderOrigin.PROTECTION, reason, null);
    }

    void answered(Inbound.OcoAnswered answer, Emitter out, Instant now) {
        OcoRequest request = answer.request();
        List<ClientOrderId> legs = List.of(request.above().clientOrderId(), request.below().clientOrderId());
        switch (answer.result()) {
            case OcoResult.Placed placed -> placed.list().orders().forEach(o -> reporter.report(o, out, now));
            // a leg the answer left out stays PENDING_SUBMIT: the engine's tick queries it after the grace
            case OcoResult.Rejected r -> notPlaced(legs, "OCO rejected by the venue: " + r.error().message(), out, now);
            case OcoResult.NotPlaced n -> notPlaced(legs, "OCO not placed: " + n.cause().message(), out, now);
            case OcoResult.Unknown u -> {
                for (ClientOrderId id : legs) {
                    Order order = state.order(id);
                    if (order == null) {
                        continue;
                    }
                    OrderReports.Applied applied = OrderReports.local(order, OrderTrigger.ANSWER_LOST, "", now);
                    if (applied.anomaly() != null) {
                        out.emit(new DomainEvent.OrderAnomaly(id, applied.anomaly(), now));
                    } else if (applied.changed()) {
                        // each leg is then queried by its client id until the venue says whether it has it
                        out.emit(new DomainEvent.OrderStatusUnknown(applied.order(), u.cause().toString(), now));
                    }
                }
            }
        }
    }

    private void notPlaced(List<ClientOrderId> legs, String reason, Emitter out, Instant now) {
        for (ClientOrderId id : legs) {
            Order order = state.order(id);
            if (order != null) {
                changes.emit(OrderReports.local(order, OrderTrigger.NOT_PLACED, reason, now), out, now);
            }
        }
    }

    /**
     * A list is done on the venue: each of its legs should have had its own execution report; a leg still open
     * here missed it, so it is asked for.
     */
    void listUpdated(VenueEvent.OrderListUpdated list, Emitter out) {
        if (!"ALL_DONE".equals(list.listOrderStatus()) || list.listClientOrderId() == null) {
            return;
        }
        ClientOrderId listId;
        try {
            listId = ClientOrderId.of(list.listClientOrderId());
        } catch (IllegalArgumentException notOurs) {
            return;
        }
        for (ClientOrderId leg : List.of(OcoLegIds.takeProfit(listId), OcoLegIds.stopLoss(listId))) {
            Order order = state.order(leg);
            if (order != null && order.unsettled() && order.status() != OrderStatus.PENDING_SUBMIT) {
                out.effect(new Effect.Query(order.market(), order.symbol(), leg));
            }
        }
    }

    /**
     * Closing a spot position whose coins a protection OCO locks: the OCO is cancelled first and the close waits
     * (see {@link #resume}); otherwise the close goes at once.
     */
    CommandResult close(Command.ClosePosition c, Closer closer, Emitter out, Instant now) {
        List<Order> legs = legs(c.market(), c.symbol());
        if (legs.isEmpty()) {
            return closer.close(c, false, out, now);
        }
        cancelLegs(legs, c.reason(), out, now);
        closes.put(c.symbol(), new PendingClose(c, false, now.plus(CLOSE_WAIT)));
        // the orders this command acted on now are the legs; the market close follows as its own order
        return new CommandResult.Accepted(legs.stream().map(Order::clientOrderId).toList(), List.of("the protection OCO of "
                + c.symbol() + " is cancelled first; the position is closed at market once its coins are free"));
    }

    /**
     * An emergency stop's flatten of a spot holding that an OCO locks: the stop's cancel-all has asked for the legs'
     * cancels already; the flatten follows once the coins are free. Null when no leg locks it (flatten at once).
     */
    CommandResult emergencyClose(Command.ClosePosition c, Instant now) {
        if (legs(c.market(), c.symbol()).isEmpty()) {
            return null;
        }
        closes.put(c.symbol(), new PendingClose(c, true, now.plus(CLOSE_WAIT)));
        return new CommandResult.Accepted(List.of(), List.of("the flatten of " + c.symbol()
                + " waits for its protection OCO to be cancelled"));
    }

    private void cancelLegs(List<Order> legs, String reason, Emitter out, Instant now) {
        java.util.Set<ClientOrderId> listsCancelled = new java.util.HashSet<>();
        for (Order leg : legs) {
            out.emit(new DomainEvent.OrderCancelRequested(leg.clientOrderId(), "position closed: " + reason, now));
            if (leg.status() == OrderStatus.PENDING_SUBMIT || leg.status() == OrderStatus.UNKNOWN) {
                cancelWhenAcknowledged.add(leg.clientOrderId());
            } else if (listsCancelled.add(OcoLegIds.listOf(leg.clientOrderId()).orElseThrow())) {
                // cancelling one leg cancels the whole list on the exchange; a cancel of the other would be refused
                out.effect(new Effect.Cancel(leg.market(), leg.symbol(), leg.clientOrderId()));
            }
        }
    }

    /** After every message: the closes whose OCO is gone and whose coins are free (or whose wait is over) go out. */
    void resume(Closer closer, Emitter out, Instant now) {
        if (closes.isEmpty()) {
            return;
        }
        for (var it = closes.entrySet().iterator(); it.hasNext(); ) {
            PendingClose pending = it.next().getValue();
            Command.ClosePosition c = pending.command();
            Position position = state.position(c.market(), c.symbol());
            if (position == null) {
                it.remove(); // a leg closed it meanwhile
                continue;
            }
            if (!legs(c.market(), c.symbol()).isEmpty()) {
                continue;
            }
            AssetBalance base = state.balance(Market.SPOT, position.baseAsset());
            boolean free = base != null && base.free().compareTo(position.size()) >= 0;
            if (free || !now.isBefore(pending.deadline())) {
                it.remove();
                CommandResult result = closer.close(c, pending.emergency(), out, now);
                if (result instanceof CommandResult.Rejected r) {
                    java.util.logging.Logger.getLogger(ProtectionOcos.class.getName()).warning("closing " + c.symbol()
                            + " after its OCO was cancelled was refused: " + String.join("; ", r.reasons()));
                }
            }
        }
    }

    /** The unsettled protection OCO legs of a symbol. */
    private List<Order> legs(Market market, Symbol symbol) {
        List<Order> out = new ArrayList<>();
        for (Order order : state.unsettledOrders()) {
            if (order.market() == market && order.symbol().equals(symbol) && order.origin() == OrderOrigin.PROTECTION
                    && OcoLegIds.isLeg(order.clientOrderId())) {
                out.add(order);
            }
        }
        return out;
    }
}
