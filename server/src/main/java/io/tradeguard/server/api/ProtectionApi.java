package io.tradeguard.server.api;

import io.tradeguard.server.auth.Principal;

import java.util.List;

/** What {@code /api/sl-tp/…} needs from the engine's protection logic. */
public interface ProtectionApi {
    Outcome<ProtectionView> protect(Principal by, ProtectionRequest request);

    /** Checks locally triggered protections against the latest prices now; answers those that fired. */
    List<ProtectionView> checkTriggers(Principal by);

    Outcome<ProtectionView> remove(Principal by, String orderId);

    List<ProtectionView> active();

    MonitorStatus monitorStatus();

    Outcome<MonitorStatus> startMonitor(Principal by);

    Outcome<MonitorStatus> stopMonitor(Principal by);

    ComponentHealth protectionHealth();
}
