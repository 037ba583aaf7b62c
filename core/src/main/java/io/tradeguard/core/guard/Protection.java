package io.tradeguard.core.guard;

import io.tradeguard.core.engine.Command;
import io.tradeguard.core.engine.CommandResult;
import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.ledger.PositionSide;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.OcoLegIds;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderInstructions;
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
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Automatic stop-loss and take-profit for every position, as the entry order asked ({@link OrderInstructions}:
 * none, its own prices, or a trailing stop instead of the fixed one) or else at the configured distances.
 *
 * <p>On a venue with OCO lists (spot) a long is protected on the exchange: a native OCO selling the holding,
 * TAKE_PROFIT above and STOP_LOSS (or a trailing STOP_LOSS) below; when one leg works the exchange cancels the
 * other. A further entry fill cancels the OCO and places one for the new size; from the cancel until the new
 * list is acknowledged a local bracket for the new size covers the position (the window that remains is the
 * time a local exit at market takes, should the price cross a level in those few round trips). Where no native
 * form exists (futures, venues without OCO, or when the exchange refused the list, which an event says) the
 * protection is a local bracket: two price triggers sharing the position id as their group, re-priced and
 * re-sized on every further entry fill, exiting at market when one fires. Called under the guards' lock.
 */
final class Protection {
    private static final Logger LOG = Logger.getLogger(Protection.class.getName());
    private record Key(Market market, Symbol symbol) {
    }

    private final TradingGuards guards;
    private final AtomicLong ids = new AtomicLong();
    /** by position id */
    private final Map<String, NativeBracket> brackets = new LinkedHashMap<>();
    /** what the latest entry order of each position asked for */
    private final Map<Key, OrderInstructions> wanted = new HashMap<>();
    /** the latest known position of each symbol */
    private final Map<Key, Position> positions = new HashMap<>();
    /** legs whose cancel the engine asked for (a resize or a close, not someone else) */
    private final Set<ClientOrderId> cancelAsked = new HashSet<>();
    /** legs that reached a final state, by list */
    private final Map<ClientOrderId, Set<ClientOrderId>> finishedLegs = new HashMap<>();
    private boolean nativeOco;
    private boolean nativeFutures;
    /** futures legs the exchange acknowledged, by bracket id: the bracket is live once both are */
    private final Map<ClientOrderId, Set<ClientOrderId>> ackedLegs = new HashMap<>();

    Protection(TradingGuards guards) {
        this.guards = guards;
    }

    /** Whether longs on spot get a native OCO (the venue has them and the configuration wants them). */
    void nativeOco(boolean on) {
        this.nativeOco = on;
    }

    /**
     * Whether futures positions get native reduce-only STOP_MARKET / TAKE_PROFIT_MARKET algo orders (the engine trades
     * futures and the configuration wants native protection).
     */
    void nativeFutures(boolean on) {
        this.nativeFutures = on;
    }

    List<NativeBracket> brackets() {
        return List.copyOf(brackets.values());
    }

    void restore(List<NativeBracket> saved) {
        brackets.clear();
        saved.forEach(b -> brackets.put(b.positionId(), b));
    }

    // ---------------------------------------------------------------- order events

    /** An entry fill: remembers what its order asked for, for the position event that follows it. */
    void filled(Order order) {
        NativeBracket leg = bracketOf(order.clientOrderId());
        if (leg != null && leg.market() == Market.FUTURES && order.status().isTerminal()) {
            finishedLegs.computeIfAbsent(leg.listClientOrderId(), k -> new HashSet<>()).add(order.clientOrderId());
        }
        if (order.origin() == OrderOrigin.PROTECTION || order.origin() == OrderOrigin.EXTERNAL) {
            return;
        }
        wanted.put(new Key(order.market(), order.symbol()), order.instructions());
    }

    /** The engine journaled an order: a leg of a list this guard asked for gets its bracket's list id. */
    void submitted(Order order, TriggerBook book) {
        if (order.origin() == OrderOrigin.PROTECTION && order.market() == Market.FUTURES) {
            NativeBracket b = bracketOf(order.clientOrderId());
            if (b != null && b.stage() == NativeBracket.Stage.PLACING) {
                // the engine's id of the leg is its label with the engine's prefix: the bracket keeps the full ids
                String v = order.clientOrderId().value();
                brackets.put(b.positionId(), b.withList(ClientOrderId.of(v.substring(0, v.length() - 3))));
            }
            return;
        }
        if (order.origin() != OrderOrigin.PROTECTION || !OcoLegIds.isLeg(order.clientOrderId())) {
            return;
        }
        ClientOrderId list = OcoLegIds.listOf(order.clientOrderId()).orElseThrow();
        for (NativeBracket b : brackets.values()) {
            if (b.stage() == NativeBracket.Stage.PLACING && b.listClientOrderId() == null
                    && b.market() == order.market() && b.symbol().equals(order.symbol())) {
                brackets.put(b.positionId(), b.withList(list));
                return;
            }
        }
    }

    void cancelRequested(ClientOrderId id) {
        if (OcoLegIds.isLeg(id)) {
            cancelAsked.add(id);
        }
    }

    /** A leg is acknowledged by the exchange: the list is live and the local bracket that covered the gap goes. */
    void placed(Order order, TriggerBook book) {
        NativeBracket b = bracketOf(order.clientOrderId());
        if (b == null || b.stage() != NativeBracket.Stage.PLACING) {
            return;
        }
        if (b.market() == Market.FUTURES) {
            Set<ClientOrderId> acked = ackedLegs.computeIfAbsent(b.listClientOrderId(), k -> new HashSet<>());
            acked.add(order.clientOrderId());
            if (acked.size() < 2) {
                return; // the local bracket covers the position until both legs rest on the exchange
            }
            ackedLegs.remove(b.listClientOrderId());
            // the venue's liquidation price may have arrived since the legs were sent: say it if the stop lies beyond
            Position now = positions.get(new Key(b.market(), b.symbol()));
            String warning = now == null ? null : beyondLiquidation(now, b.stopLoss());
            if (warning != null) {
                guards.record(List.of(), warning);
            }
        }
        brackets.put(b.positionId(), b.with(NativeBracket.Stage.LIVE));
        boolean covered = book.cancel(b.positionId() + ":sl") | book.cancel(b.positionId() + ":tp")
                | book.cancel(b.positionId() + ":trail");
        guards.record(List.of(), (b.market() == Market.FUTURES ? "native reduce-only algo orders " + b.stopLossLeg() + " / "
                + b.takeProfitLeg() : "native OCO " + b.listClientOrderId()) + " protect " + b.market().wireName() + " "
                + b.symbol() + " " + b.quantity().toPlainString() + ": take-profit " + b.takeProfit().toPlainString() + ", "
                + (b.stopLoss() != null ? "stop-loss " + b.stopLoss().toPlainString() : "trailing stop " + b.trailingDeltaBips() + " BIPS")
                + (covered ? " (the local bracket that covered the gap is removed)" : ""));
        // more of the entry may have filled while the list was on its way: resize now, no later event would
        Position latest = positions.get(new Key(b.market(), b.symbol()));
        if (latest != null && latest.positionId().equals(b.positionId()) && sellable(latest).compareTo(b.quantity()) > 0) {
            changed(latest, book);
        }
    }

    /** A leg reached a final state without a fill of its own. */
    void ended(Order order, boolean rejected, boolean halted, TriggerBook book) {
        NativeBracket b = bracketOf(order.clientOrderId());
        if (b == null) {
            return;
        }
        ClientOrderId list = b.listClientOrderId();
        Set<ClientOrderId> done = finishedLegs.computeIfAbsent(list, k -> new HashSet<>());
        done.add(order.clientOrderId());
        boolean asked = cancelAsked.contains(b.stopLossLeg()) || cancelAsked.contains(b.takeProfitLeg());
        Position position = positions.get(new Key(b.market(), b.symbol()));
        switch (b.stage()) {
            case RESIZING -> {
                if (done.size() < 2) {
                    return; // the other leg's cancel is still to come: its coins are still locked
                }
                forget(b);
                if (position != null && !halted) {
                    placeNative(position, book, "resized to " + position.size().toPlainString());
                }
            }
            case CANCELLING -> {
                if (done.size() >= 2) {
                    forget(b);
                }
            }
            case PLACING, LIVE -> {
                if (b.market() == Market.SPOT && !rejected && !asked
                        && order.status() == io.tradeguard.core.model.OrderStatus.EXPIRED) {
                    return; // the exchange expires one leg when the other works: the fill closes the position
                }
                forget(b);
                if (b.market() == Market.FUTURES) {
                    // the pair works as one: the other leg alone would protect only one side
                    ClientOrderId other = order.clientOrderId().equals(b.stopLossLeg()) ? b.takeProfitLeg() : b.stopLossLeg();
                    guards.send(new Command.CancelOrder(other, "its protective sibling ended"));
                }
                if (position != null && position.size().signum() > 0 && !halted) {
                    String why = rejected ? "could not be placed (" + order.rejectReason() + ")"
                            : "was cancelled on the exchange";
                    armLocal(position, book, (b.market() == Market.FUTURES ? "native protective order " + order.clientOrderId()
                            : "native OCO " + list) + " for " + b.symbol() + " " + why
                            + ": local stop-loss/take-profit armed instead");
                }
            }
        }
    }

    private void forget(NativeBracket b) {
        brackets.remove(b.positionId());
        if (b.listClientOrderId() != null) {
            finishedLegs.remove(b.listClientOrderId());
            ackedLegs.remove(b.listClientOrderId());
            cancelAsked.remove(b.takeProfitLeg());
            cancelAsked.remove(b.stopLossLeg());
        }
    }

    private NativeBracket bracketOf(ClientOrderId leg) {
        for (NativeBracket b : brackets.values()) {
            if (b.hasLeg(leg)) {
                return b;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- position events

    /** A position opened or changed: protect it for its current size, as its entry order asked. */
    void changed(Position position, TriggerBook book) {
        positions.put(new Key(position.market(), position.symbol()), position);
        OrderInstructions asked = wanted.getOrDefault(new Key(position.market(), position.symbol()), OrderInstructions.DEFAULTS);
        NativeBracket current = brackets.get(position.positionId());
        if (!asked.protect()) {
            // the order that opened it asked for no automatic protection; one that grew it keeps what protects the
            // earlier part as it is
            return;
        }
        if (!usesNative(position)) {
            changedLocal(position, book);
            return;
        }
        if (current == null) {
            placeNative(position, book, "opened");
            return;
        }
        if (position.size().compareTo(current.quantity()) <= 0 || current.stage() != NativeBracket.Stage.LIVE) {
            return; // a leg filling reduces it (the exchange handles the rest); a resize is already under way
        }
        BigDecimal sellable = sellable(position);
        if (sellable.compareTo(current.quantity()) <= 0) {
            return; // the growth is below one step: the OCO still sells all that can be sold
        }
        // an OCO's quantity cannot change: cancel it (both legs go), place one for the new size once both are gone
        brackets.put(position.positionId(), current.with(NativeBracket.Stage.RESIZING));
        ClientOrderId leg = current.takeProfitLeg();
        cancelAsked.add(leg);
        guards.send(new Command.CancelOrder(leg, "protection resized"));
        if (position.market() == Market.FUTURES) {
            // two separate algo orders: both are cancelled, the pair is placed again once both are gone
            cancelAsked.add(current.stopLossLeg());
            guards.send(new Command.CancelOrder(current.stopLossLeg(), "protection resized"));
        }
        armLocal(position, book, "protection of " + position.symbol() + " grows to " + position.size().toPlainString()
                + ": OCO " + current.listClientOrderId() + " cancelled to be placed again; a local bracket covers the gap");
    }

    private boolean usesNative(Position position) {
        if (position.market() == Market.FUTURES) {
            return nativeFutures;
        }
        return nativeOco && position.market() == Market.SPOT && position.side() == PositionSide.LONG;
    }

    /** The part of the holding the exchange will sell: down to the lot step. */
    private BigDecimal sellable(Position position) {
        var instrument = guards.instrument(position.market(), position.symbol());
        BigDecimal step = instrument == null ? BigDecimal.ZERO : instrument.lotSize().stepSize();
        if (step.signum() == 0) {
            return position.size();
        }
        return position.size().divide(step, 0, RoundingMode.FLOOR).multiply(step).stripTrailingZeros();
    }

    private void placeNative(Position position, TriggerBook book, String why) {
        OrderInstructions asked = wanted.getOrDefault(new Key(position.market(), position.symbol()), OrderInstructions.DEFAULTS);
        Prices prices = prices(position, asked);
        if (prices == null) {
            return;
        }
        BigDecimal quantity = sellable(position);
        var instrument = guards.instrument(position.market(), position.symbol());
        if (quantity.signum() <= 0 || instrument != null && instrument.minNotional() != null
                && quantity.multiply(prices.stop() != null ? prices.stop() : position.entryPrice()).compareTo(instrument.minNotional()) < 0) {
            LOG.warning("no native protection for " + position.symbol() + " " + position.size().toPlainString()
                    + ": below the exchange's minimum order");
            return;
        }
        Integer trailing = asked.trailingPct() == null ? null : TrailingStop.bipsOf(asked.trailingPct());
        BigDecimal stop = trailing == null ? prices.stop() : null;
        if (position.market() == Market.FUTURES) {
            placeFutures(position, quantity, prices, trailing, asked, book);
            return;
        }
        NativeBracket bracket = new NativeBracket(position.market(), position.symbol(), position.positionId(), null,
                quantity, prices.target(), stop, trailing, NativeBracket.Stage.PLACING);
        brackets.put(position.positionId(), bracket);
        Command.PlaceProtectionOco command = new Command.PlaceProtectionOco(position.symbol(), quantity, prices.target(), stop, trailing);
        guards.send(command, result -> {
            if (result instanceof CommandResult.Rejected r) {
                synchronized (guards.lock()) {
                    NativeBracket now = brackets.get(position.positionId());
                    if (now != null && now.listClientOrderId() == null) {
                        brackets.remove(position.positionId());
                        Position latest = positions.get(new Key(position.market(), position.symbol()));
                        if (latest != null && !guards.haltedLocked()) {
                            armLocal(latest, guards.triggerBook(), "native OCO for " + position.symbol()
                                    + " refused by the engine (" + String.join("; ", r.reasons()) + "): local bracket armed instead");
                        }
                    }
                }
            }
        });
        LOG.fine("native OCO requested for " + position.symbol() + " (" + why + ")");
    }

    /** Binance's bounds of a trailing stop's callbackRate, in percent. */
    private static final BigDecimal MIN_CALLBACK = new BigDecimal("0.1");
    private static final BigDecimal MAX_CALLBACK = BigDecimal.TEN;

    /**
     * A futures position's protection on the exchange: a reduce-only STOP_MARKET (or TRAILING_STOP_MARKET) and a
     * reduce-only TAKE_PROFIT_MARKET for the position's quantity, both algo orders, sent through the engine like any
     * order (journaled before they go). Reduce-only with the quantity rather than closePosition=true: a trailing stop
     * cannot close the position, and the engine resizes the pair itself when the position grows. The local bracket
     * covers the position until both legs are acknowledged and stays when the exchange or the engine refuses one.
     */
    private void placeFutures(Position position, BigDecimal quantity, Prices prices, Integer trailingBips,
                              OrderInstructions asked, TriggerBook book) {
        BigDecimal callbackRate = null;
        if (asked.trailingPct() != null) {
            callbackRate = asked.trailingPct().movePointRight(2).setScale(1, RoundingMode.HALF_UP);
            if (callbackRate.compareTo(MIN_CALLBACK) < 0 || callbackRate.compareTo(MAX_CALLBACK) > 0) {
                armLocal(position, book, "a trailing stop of " + asked.trailingPct().movePointRight(2).stripTrailingZeros().toPlainString()
                        + " % is outside Binance's callbackRate bounds (0.1-10 %): local trailing stop armed instead");
                return;
            }
        }
        String liquidationWarning = beyondLiquidation(position, prices.stop());
        ClientOrderId id = ClientOrderId.of("fp" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 14));
        NativeBracket bracket = new NativeBracket(position.market(), position.symbol(), position.positionId(), id,
                quantity, prices.target(), callbackRate == null ? prices.stop() : null, trailingBips, NativeBracket.Stage.PLACING);
        brackets.put(position.positionId(), bracket);
        // the local bracket covers the position until both legs rest on the exchange
        armLocal(position, book, liquidationWarning);
        Side exit = position.side() == PositionSide.LONG ? Side.SELL : Side.BUY;
        OrderIntent stopLeg = callbackRate == null
                ? new OrderIntent(Market.FUTURES, position.symbol(), exit, OrderType.STOP_MARKET, null, quantity, null, null,
                        prices.stop(), null, null, null, true, false, OrderOrigin.PROTECTION, "stop loss", null)
                : new OrderIntent(Market.FUTURES, position.symbol(), exit, OrderType.TRAILING_STOP_MARKET, null, quantity, null,
                        null, null, null, callbackRate, null, true, false, OrderOrigin.PROTECTION, "trailing stop", null);
        OrderIntent takeLeg = new OrderIntent(Market.FUTURES, position.symbol(), exit, OrderType.TAKE_PROFIT_MARKET, null,
                quantity, null, null, prices.target(), null, null, null, true, false, OrderOrigin.PROTECTION, "take profit", null);
        // the take-profit goes once the engine took the stop, so a refusal of either leaves no lone leg behind
        guards.send(new Command.PlaceOrder(stopLeg, bracket.stopLossLeg().value()), first -> {
            if (first instanceof CommandResult.Rejected r) {
                refused(bracket, r, null);
            } else if (first instanceof CommandResult.Accepted a) {
                guards.send(new Command.PlaceOrder(takeLeg, bracket.takeProfitLeg().value()), second -> {
                    if (second instanceof CommandResult.Rejected r) {
                        refused(bracket, r, a.order());
                    }
                });
            }
        });
    }

    /**
     * The engine refused a futures leg (no order was created for it): the leg it took before, if any, is cancelled
     * and the local bracket stays.
     */
    private void refused(NativeBracket bracket, CommandResult.Rejected r, ClientOrderId takenLeg) {
        synchronized (guards.lock()) {
            NativeBracket now = brackets.get(bracket.positionId());
            if (now != null && now.listClientOrderId().value().endsWith(bracket.listClientOrderId().value())) {
                forget(now);
            }
            if (takenLeg != null) {
                guards.send(new Command.CancelOrder(takenLeg, "its protective sibling was refused"));
            }
            guards.record(List.of(), "native protection of futures " + bracket.symbol() + " refused by the engine ("
                    + String.join("; ", r.reasons()) + "): the local stop-loss/take-profit stays");
        }
    }

    /**
     * A sentence when the stop lies at or beyond the position's liquidation price (the exchange would liquidate the
     * position before the stop works), else null.
     */
    private String beyondLiquidation(Position position, BigDecimal stop) {
        if (stop == null) {
            return null;
        }
        BigDecimal liquidation = guards.liquidationPrice(position.symbol());
        if (liquidation == null || liquidation.signum() <= 0) {
            return null;
        }
        boolean beyond = position.side() == PositionSide.LONG ? stop.compareTo(liquidation) <= 0 : stop.compareTo(liquidation) >= 0;
        if (!beyond) {
            return null;
        }
        String warning = "WARNING: the stop-loss " + stop.toPlainString() + " of futures " + position.symbol() + " lies beyond"
                + " its liquidation price " + liquidation.toPlainString() + ": the position would be liquidated before the stop works";
        LOG.warning(warning);
        return warning;
    }

    /** The local bracket, re-armed for the position's current size and average entry. */
    private void changedLocal(Position position, TriggerBook book) {
        String group = position.positionId();
        LocalTrigger stop = book.find(group + ":sl").or(() -> book.find(group + ":trail")).orElse(null);
        if (stop != null && stop.quantity().compareTo(position.size()) == 0) {
            return; // already covers it (a partial exit by hand keeps the bracket until the size changes)
        }
        armLocal(position, book, null);
    }

    private void armLocal(Position position, TriggerBook book, String why) {
        OrderInstructions asked = wanted.getOrDefault(new Key(position.market(), position.symbol()), OrderInstructions.DEFAULTS);
        Prices prices = prices(position, asked);
        if (prices == null) {
            return;
        }
        String group = position.positionId();
        book.cancel(group + ":sl");
        book.cancel(group + ":tp");
        book.cancel(group + ":trail");
        Side exit = position.side() == PositionSide.LONG ? Side.SELL : Side.BUY;
        String stopText;
        if (asked.trailingPct() != null) {
            int bips = TrailingStop.bipsOf(asked.trailingPct());
            book.add(TrailingStop.start(group + ":trail", position.market(), position.symbol(), exit, position.size(), bips, null, group));
            stopText = "trailing stop " + bips + " BIPS";
        } else {
            book.add(new PriceTrigger(group + ":sl", position.market(), position.symbol(), exit, position.size(),
                    PriceTrigger.Kind.STOP_LOSS, prices.stop(), group));
            stopText = "stop-loss " + prices.stop().toPlainString();
        }
        book.add(new PriceTrigger(group + ":tp", position.market(), position.symbol(), exit, position.size(),
                PriceTrigger.Kind.TAKE_PROFIT, prices.target(), group));
        guards.record(List.of(), (why == null ? "" : why + "; ") + "protection of " + position.symbol() + " "
                + position.size().toPlainString() + ": " + stopText + ", take-profit " + prices.target().toPlainString());
    }

    private record Prices(BigDecimal stop, BigDecimal target) {
    }

    /** The stop and target for the position, from its entry order's own prices or the configured distances. */
    private Prices prices(Position position, OrderInstructions asked) {
        Side entrySide = position.side() == PositionSide.LONG ? Side.BUY : Side.SELL;
        ProtectionSpec spec = ProtectionSpec.defaults(guards.configLocked()).withPrices(asked.stopLossPrice(), asked.takeProfitPrice());
        var instrument = guards.instrument(position.market(), position.symbol());
        BigDecimal tick = instrument == null ? BigDecimal.ZERO : instrument.priceFilter().tickSize();
        EntryFill fill = new EntryFill(position.market(), position.symbol(), entrySide, position.size(), position.entryPrice(), null);
        ProtectionPlan plan = ProtectionPlanner.plan(fill, spec, tick, () -> ClientOrderId.of("g" + ids.incrementAndGet()));
        return switch (plan) {
            case ProtectionPlan.SpotOco oco -> new Prices(oco.stopLoss(), oco.takeProfit());
            case ProtectionPlan.FuturesBracket b -> new Prices(b.stopLoss().stopPrice(), b.takeProfit().stopPrice());
            case ProtectionPlan.Refused r -> {
                LOG.warning("no protection for " + position.symbol() + ": " + r.reason());
                guards.record(List.of(), "no protection for " + position.symbol() + ": " + r.reason());
                yield null;
            }
        };
    }

    /** The position closed: its bracket (and any trigger on it) goes; a native OCO ended with it on the exchange. */
    void closed(DomainEvent.PositionClosed closed, TriggerBook book) {
        Key key = new Key(closed.market(), closed.symbol());
        positions.remove(key);
        wanted.remove(key);
        for (NativeBracket b : List.copyOf(brackets.values())) {
            if (b.market() == closed.market() && b.symbol().equals(closed.symbol())) {
                Set<ClientOrderId> done = b.listClientOrderId() == null ? Set.of()
                        : Set.copyOf(finishedLegs.getOrDefault(b.listClientOrderId(), Set.of()));
                forget(b);
                if (b.market() == Market.FUTURES && b.listClientOrderId() != null) {
                    // Binance does not cancel the other algo order when one works, nor either when the position is
                    // closed by hand or liquidated: a leg left behind would open a new position when it triggers
                    for (ClientOrderId leg : List.of(b.stopLossLeg(), b.takeProfitLeg())) {
                        if (!done.contains(leg) && guards.isOpenOrder(leg)) {
                            guards.send(new Command.CancelOrder(leg, "position closed"));
                        }
                    }
                }
            }
        }
        removeFor(closed.market(), closed.symbol(), book);
    }

    /** An emergency stop cancels every order and flattens: no native bracket is left to follow. */
    void halted() {
        brackets.clear();
        finishedLegs.clear();
        ackedLegs.clear();
    }

    /** The position is gone (or only unsellable dust is left): every trigger on it goes. */
    void removeFor(Market market, Symbol symbol, TriggerBook book) {
        boolean removed = false;
        for (LocalTrigger t : book.of(market, symbol)) {
            removed |= book.cancel(t.id());
        }
        if (removed) {
            guards.record(List.of(), "position in " + symbol + " closed: its triggers removed");
        }
    }

    /** The stop-loss price of each protected position, by position id, for the portfolio-heat rule; read-only. */
    Map<String, BigDecimal> stops(TriggerBook book) {
        LocalStops local = localStops(book);
        if (brackets.isEmpty() && local.trailing().isEmpty()) {
            return local.stopLosses(); // nothing to merge: the cached map itself, read-only
        }
        Map<String, BigDecimal> out = new HashMap<>();
        for (NativeBracket b : brackets.values()) {
            if (b.stopLoss() != null) {
                out.put(b.positionId(), b.stopLoss());
            }
        }
        out.putAll(local.stopLosses());
        local.trailing().forEach(out::putIfAbsent);
        return out;
    }

    /** A local stop-loss beats a native bracket's and a trailing stop's level; a trailing stop's level fills a gap. */
    private record LocalStops(TriggerBook book, long changes, Map<String, BigDecimal> stopLosses,
                              Map<String, BigDecimal> trailing) {
    }

    /** the book's stops at its last change count: every order's risk check needs them, the book rarely changes */
    private LocalStops localStops;

    private LocalStops localStops(TriggerBook book) {
        LocalStops cached = localStops;
        if (cached != null && cached.book() == book && cached.changes() == book.changes()) {
            return cached;
        }
        // maps made only when a trigger protects a position (has a group): hand-armed stops alone leave both empty
        final class Found {
            Map<String, BigDecimal> stopLosses = Map.of();
            Map<String, BigDecimal> trailing = Map.of();
        }
        Found found = new Found();
        book.forEach(t -> {
            if (t instanceof PriceTrigger p && p.kind() == PriceTrigger.Kind.STOP_LOSS && p.group() != null) {
                if (found.stopLosses.isEmpty()) {
                    found.stopLosses = new HashMap<>();
                }
                found.stopLosses.put(p.group(), p.triggerPrice());
            } else if (t instanceof TrailingStop s && s.group() != null && s.stopLevel() != null) {
                if (found.trailing.isEmpty()) {
                    found.trailing = new HashMap<>();
                }
                found.trailing.putIfAbsent(s.group(), s.stopLevel());
            }
        });
        localStops = new LocalStops(book, book.changes(), readOnly(found.stopLosses), readOnly(found.trailing));
        return localStops;
    }

    private static Map<String, BigDecimal> readOnly(Map<String, BigDecimal> found) {
        return found.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(found);
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
