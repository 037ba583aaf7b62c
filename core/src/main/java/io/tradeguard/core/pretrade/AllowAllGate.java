package io.tradeguard.core.pretrade;

import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.state.TradingSnapshot;

/**
 * Checks nothing and lets every order pass. Only for wiring where the real gates are not yet plugged in
 * (tests, benchmarks); an engine that trades real money needs the instrument, risk and safety gates.
 */
public final class AllowAllGate implements PreTradeGate {
    private final Stage stage;

    public AllowAllGate(Stage stage) {
        this.stage = stage;
    }

    @Override
    public Stage stage() {
        return stage;
    }

    @Override
    public String name() {
        return "allow-all-unchecked";
    }

    @Override
    public GateDecision check(OrderIntent intent, TradingSnapshot state) {
        return GateDecision.PASS;
    }
}
