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

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/sl-tp/…} over the guards' local triggers (stop-loss, take-profit, trailing stops watched on every
 * price tick on the engine thread). Listing and removing work; arming one by hand through this API and
 * stopping the monitor are not wired yet and answer 409 saying so: never a fake success.
 */
final class GuardProtectionApi implements ProtectionApi {
    private static final String NOT_WIRED = "arming a protection by hand through /api/sl-tp is not wired yet; "
            + "place a stop-loss or take-profit order through /api/real-trading/order/stop-loss or /order/take-profit";

    private final TradingGuards guards;

    GuardProtectionApi(TradingGuards guards) {
        this.guards = guards;
    }

    @Override
    public Outcome<ProtectionView> protect(Principal by, ProtectionRequest request) {
        return new Outcome.Conflict<>("not_wired", NOT_WIRED);
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
