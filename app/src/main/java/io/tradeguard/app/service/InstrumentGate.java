package io.tradeguard.app.service;

import io.tradeguard.core.instrument.Conformance;
import io.tradeguard.core.instrument.OrderFilters;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.pretrade.GateDecision;
import io.tradeguard.core.pretrade.PreTradeGate;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.venue.OrderRequest;

/** The venue's symbol filters as the first gate: rounds to tick and step, refuses what rounding cannot fix. */
final class InstrumentGate implements PreTradeGate {
    private static final ClientOrderId PROBE = ClientOrderId.of("conform");

    @Override
    public Stage stage() {
        return Stage.INSTRUMENT;
    }

    @Override
    public String name() {
        return "instrument-filters";
    }

    @Override
    public GateDecision check(OrderIntent intent, TradingSnapshot state) {
        Instrument instrument = state.instrument(intent.symbol()).orElse(null);
        if (instrument == null) {
            return GateDecision.Reject.because(intent.symbol() + " is not traded on this venue (" + intent.market().wireName() + ")");
        }
        return switch (conform(instrument, intent, state)) {
            case Conformance.Refused r -> GateDecision.Reject.because(r.reason());
            case Conformance.Conformed c when c.adjustments().isEmpty() -> GateDecision.PASS;
            case Conformance.Conformed c -> new GateDecision.Adjust(apply(intent, c.order()), c.adjustments());
        };
    }

    static Conformance conform(Instrument instrument, OrderIntent intent, TradingSnapshot state) {
        OrderRequest request = intent.toRequest(PROBE);
        return OrderFilters.conform(instrument, request, state.price(intent.symbol()).orElse(null));
    }

    static OrderIntent apply(OrderIntent intent, OrderRequest conformed) {
        return new OrderIntent(intent.market(), intent.symbol(), intent.side(), intent.type(), intent.timeInForce(),
                conformed.quantity(), conformed.quoteQuantity(), conformed.price(), conformed.stopPrice(),
                intent.trailingDelta(), intent.callbackRate(), conformed.activationPrice(), intent.reduceOnly(),
                intent.closePosition(), intent.origin(), intent.reason());
    }
}
