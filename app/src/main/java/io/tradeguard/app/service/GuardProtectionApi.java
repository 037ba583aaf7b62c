package io.tradeguard.app.service;

import io.tradeguard.core.guard.TradingGuards;
import io.tradeguard.core.protection.LocalTrigger;
import io.tradeguard.core.protection.PriceTrigger;
import io.tradeguard.core.protection.TrailingStop;
import io.tradeguard.server.api.ComponentHealth;
import io.tradeguard.server.api.MonitorStatus;
import io.tradeguard.server.api.Outcome;
import io.tradeguard.server.api.ProtectionApi;
import io.tradeguard.server.api.ProtectionRequest;
import io.tradeguard.server.api.ProtectionView;
import io.tradeguard.server.auth.Principal;
import io.tradeguard.server.http.ApiException;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.ledger.PositionSide;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Side;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/sl-tp/…} over the guards' local triggers (stop-loss, take-profit, trailing stops watched on every
 * price tick on the engine thread). A protection armed by hand is a local trigger on an open position, kept in
 * the guards' journaled state (a restart resumes it); it fires on the first tick through its price and exits at
 * market like the automatic bracket. The monitor runs with the engine and cannot be stopped on its own (409).
 */
final class GuardProtectionApi implements ProtectionApi {
    private final TradingGuards guards;
    private final EngineLink link;

    GuardProtectionApi(TradingGuards guards, EngineLink link) {
        this.guards = guards;
        this.link = link;
    }

    @Override
    public Outcome<ProtectionView> protect(Principal by, ProtectionRequest request) {
        ProtectionRequest.Target target = request.target();
        TradingSnapshot state = link.snapshot().orElse(null);
        if (state == null) {
            return new Outcome.Unavailable<>("the engine did not answer; nothing was armed");
        }
        Position position = state.position(target.market(), target.symbol()).filter(p -> p.size().signum() > 0).orElse(null);
        if (position == null || target.positionId() != null && !target.positionId().equals(position.positionId())) {
            return new Outcome.NotFound<>("no open " + target.market().name().toLowerCase(Locale.ROOT) + " position "
                    + (target.positionId() != null ? target.positionId() + " " : "") + "in " + target.symbol());
        }
        boolean longSide = position.side() == PositionSide.LONG;
        Side exitSide = longSide ? Side.SELL : Side.BUY;
        BigDecimal quantity = target.quantity() != null ? target.quantity() : position.size();
        if (quantity.compareTo(position.size()) > 0) {
            throw bad("quantity", "quantity " + quantity.toPlainString() + " is more than the position's "
                    + position.size().toPlainString());
        }
        Instrument instrument = state.instrument(target.market(), target.symbol()).orElse(null);
        if (target.quantity() != null && instrument != null && instrument.lotSize().stepSize().signum() > 0
                && quantity.remainder(instrument.lotSize().stepSize()).signum() != 0) {
            throw bad("quantity", "quantity " + quantity.toPlainString() + " is not a multiple of the lot step "
                    + instrument.lotSize().stepSize().stripTrailingZeros().toPlainString());
        }
        BigDecimal last = state.price(target.market(), target.symbol()).orElse(null);
        if (last == null) {
            return new Outcome.Unavailable<>("no price for " + target.symbol() + " yet; nothing was armed");
        }
        String id = switch (request) {
            case ProtectionRequest.StopLoss s -> "man-sl-" + suffix();
            case ProtectionRequest.TakeProfit t -> "man-tp-" + suffix();
            case ProtectionRequest.TrailingStop t -> "man-ts-" + suffix();
        };
        LocalTrigger trigger = switch (request) {
            case ProtectionRequest.StopLoss s -> {
                // a stop already through the price would fire on the next tick: an exit at market, not a protection
                if (longSide ? s.stopPrice().compareTo(last) >= 0 : s.stopPrice().compareTo(last) <= 0) {
                    throw bad("stop_price", "a " + (longSide ? "long" : "short") + "'s stop-loss must be "
                            + (longSide ? "below" : "above") + " the last price " + last.toPlainString() + ", was "
                            + s.stopPrice().toPlainString());
                }
                yield new PriceTrigger(id, target.market(), target.symbol(), exitSide, quantity, PriceTrigger.Kind.STOP_LOSS,
                        s.stopPrice(), position.positionId());
            }
            case ProtectionRequest.TakeProfit t -> {
                if (longSide ? t.stopPrice().compareTo(last) <= 0 : t.stopPrice().compareTo(last) >= 0) {
                    throw bad("stop_price", "a " + (longSide ? "long" : "short") + "'s take-profit must be "
                            + (longSide ? "above" : "below") + " the last price " + last.toPlainString() + ", was "
                            + t.stopPrice().toPlainString());
                }
                yield new PriceTrigger(id, target.market(), target.symbol(), exitSide, quantity, PriceTrigger.Kind.TAKE_PROFIT,
                        t.stopPrice(), position.positionId());
            }
            case ProtectionRequest.TrailingStop t -> {
                BigDecimal bipsExact = t.callbackRate().movePointRight(2);
                if (bipsExact.stripTrailingZeros().scale() > 0 || bipsExact.compareTo(BigDecimal.ONE) < 0) {
                    throw bad("callback_rate", "callback_rate is a percent in steps of 0.01, was " + t.callbackRate().toPlainString());
                }
                yield TrailingStop.start(id, target.market(), target.symbol(), exitSide, quantity, bipsExact.intValueExact(),
                        t.activationPrice(), position.positionId());
            }
        };
        guards.arm(trigger);
        ProtectionView armed = view(trigger);
        return Outcome.done(new ProtectionView(armed.orderId(), armed.positionId(), armed.symbol(), armed.market(), armed.kind(),
                armed.stopPrice(), armed.callbackRate(), armed.quantity(), false, false, link.now()));
    }

    private static String suffix() {
        return java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static ApiException bad(String field, String message) {
        return ApiException.badField(field, message);
    }

    /** The guards check every trigger on each price tick; nothing waits for a manual check. */
    @Override
    public List<ProtectionView> checkTriggers(Principal by) {
        return List.of();
    }

    @Override
    public Outcome<ProtectionView> remove(Principal by, String orderId) {
        List<ProtectionView> before = active();
        for (ProtectionView view : before) {
            if (view.orderId().equals(orderId) && view.onExchange()) {
                return new Outcome.Conflict<>("protection_on_exchange", orderId + " is a protective order resting on the"
                        + " exchange; cancel it as an order with DELETE /api/real-trading/order/{id} (an OCO's other leg is"
                        + " cancelled by the exchange, a futures pair's by the engine)");
            }
            if (view.orderId().equals(orderId) && guards.disarm(orderId)) {
                return Outcome.done(view);
            }
        }
        return new Outcome.NotFound<>("no active protection " + orderId);
    }

    /** Local triggers and the legs of native OCO brackets resting on the exchange. */
    @Override
    public List<ProtectionView> active() {
        List<ProtectionView> out = new java.util.ArrayList<>(guards.activeTriggers().stream().map(GuardProtectionApi::view).toList());
        for (io.tradeguard.core.guard.NativeBracket b : guards.nativeBrackets()) {
            if (b.listClientOrderId() == null) {
                continue; // not named yet: nothing on the exchange to show
            }
            out.add(new ProtectionView(b.takeProfitLeg().value(),
                    b.positionId(), b.symbol(), b.market(), "take_profit", b.takeProfit(), null, b.quantity(), true, false, null));
            out.add(new ProtectionView(b.stopLossLeg().value(),
                    b.positionId(), b.symbol(), b.market(), b.trailingDeltaBips() == null ? "stop_loss" : "trailing_stop",
                    b.stopLoss(), b.trailingDeltaBips() == null ? null : BigDecimal.valueOf(b.trailingDeltaBips()).movePointLeft(2),
                    b.quantity(), true, false, null));
        }
        return List.copyOf(out);
    }

    @Override
    public MonitorStatus monitorStatus() {
        return new MonitorStatus(true, guards.activeTriggers().size() + 2 * guards.nativeBrackets().size(), null);
    }

    @Override
    public Outcome<MonitorStatus> startMonitor(Principal by) {
        return Outcome.done(monitorStatus());
    }

    @Override
    public Outcome<MonitorStatus> stopMonitor(Principal by) {
        return new Outcome.Conflict<>("monitor_always_on", "the protection monitor runs with the engine and cannot be stopped on its own; "
                + "remove single protections with DELETE /api/sl-tp/{id}");
    }

    @Override
    public ComponentHealth protectionHealth() {
        return new ComponentHealth(ComponentHealth.Status.UP, guards.activeTriggers().size() + " local triggers watched on every price tick, "
                + guards.nativeBrackets().size() + " native OCO brackets on the exchange");
    }

    private static ProtectionView view(LocalTrigger trigger) {
        return switch (trigger) {
            case PriceTrigger p -> new ProtectionView(p.id(), p.group(), p.symbol(), p.market(),
                    p.kind().name().toLowerCase(Locale.ROOT), p.triggerPrice(), null, p.quantity(), false, false, null);
            case TrailingStop t -> new ProtectionView(t.id(), t.group(), t.symbol(), t.market(), "trailing_stop",
                    null, BigDecimal.valueOf(t.deltaBips()).movePointLeft(2), t.quantity(), false, false, null);
        };
    }
}
