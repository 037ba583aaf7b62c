package io.tradeguard.app.service;

import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.pretrade.GateDecision;
import io.tradeguard.core.pretrade.PreTradeGate;
import io.tradeguard.core.state.TradingSnapshot;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether new risk may be taken: {@code POST /api/real-trading/start|stop}. Live venues start with it off.
 * While off, only protective orders (closes, reduce-only, protection) pass; cancels are never gated.
 */
final class TradingSwitch implements PreTradeGate {
    record State(boolean enabled, Instant since, String by) {
    }

    private final AtomicReference<State> state;

    TradingSwitch(boolean enabled, Instant now) {
        state = new AtomicReference<>(new State(enabled, now, "configuration"));
    }

    State state() {
        return state.get();
    }

    void set(boolean enabled, Instant now, String by) {
        state.set(new State(enabled, now, by));
    }

    @Override
    public Stage stage() {
        return Stage.SAFETY;
    }

    @Override
    public String name() {
        return "trading-enabled";
    }

    @Override
    public GateDecision check(OrderIntent intent, TradingSnapshot snapshot) {
        boolean protective = intent.origin() == OrderOrigin.PROTECTION || RiskCheck.reduces(intent, snapshot);
        if (state.get().enabled() || protective) {
            return GateDecision.PASS;
        }
        return GateDecision.Reject.because("trading is stopped: POST /api/real-trading/start (or trading.enabled: true) allows new orders");
    }
}
