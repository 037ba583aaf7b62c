package io.tradeguard.server.api;

import io.tradeguard.server.auth.Principal;
import io.tradeguard.server.order.OrderIntent;

/** What {@code /api/trading-safety/…} needs from the engine's risk and safety state. */
public interface SafetyApi {
    /** Judges an order without placing it. */
    RiskVerdict validate(Principal by, OrderIntent order);

    SlippageVerdict checkSlippage(SlippageCheck check);

    Outcome<SafetyStatus> recordTrade(Principal by, TradeResult trade);

    SafetyStatus safetyStatus();

    Outcome<SafetyStatus> resetKillSwitch(Principal by);

    SafetyConfiguration configuration();

    Outcome<SafetyConfiguration> updateConfiguration(Principal by, SafetyConfigurationPatch patch);

    ComponentHealth safetyHealth();
}
