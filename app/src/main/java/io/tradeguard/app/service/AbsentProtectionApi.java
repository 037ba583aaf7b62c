package io.tradeguard.app.service;

import io.tradeguard.server.api.ComponentHealth;
import io.tradeguard.server.api.MonitorStatus;
import io.tradeguard.server.api.Outcome;
import io.tradeguard.server.api.ProtectionApi;
import io.tradeguard.server.api.ProtectionRequest;
import io.tradeguard.server.api.ProtectionView;
import io.tradeguard.server.auth.Principal;

import java.util.List;

/**
 * {@code /api/sl-tp/…} while the engine has no protection service wired: nothing is watched, every request
 * to protect is refused with 409 and says what to do instead, and health says DEGRADED. Never a fake success.
 */
final class AbsentProtectionApi implements ProtectionApi {
    private static final String WHY = "automatic stop-loss / take-profit is not wired in this version; "
            + "place a stop-loss or take-profit order through /api/real-trading/order/stop-loss or /order/take-profit";

    @Override
    public Outcome<ProtectionView> protect(Principal by, ProtectionRequest request) {
        return new Outcome.Conflict<>("protection_not_wired", WHY);
    }

    @Override
    public List<ProtectionView> checkTriggers(Principal by) {
        return List.of();
    }

    @Override
    public Outcome<ProtectionView> remove(Principal by, String orderId) {
        return new Outcome.NotFound<>("no protection " + orderId + ": " + WHY);
    }

    @Override
    public List<ProtectionView> active() {
        return List.of();
    }

    @Override
    public MonitorStatus monitorStatus() {
        return new MonitorStatus(false, 0, null);
    }

    @Override
    public Outcome<MonitorStatus> startMonitor(Principal by) {
        return new Outcome.Conflict<>("protection_not_wired", WHY);
    }

    @Override
    public Outcome<MonitorStatus> stopMonitor(Principal by) {
        return new Outcome.Conflict<>("protection_not_wired", WHY);
    }

    @Override
    public ComponentHealth protectionHealth() {
        return new ComponentHealth(ComponentHealth.Status.DEGRADED, WHY);
    }
}
