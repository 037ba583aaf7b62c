package io.tradeguard.core.guard;

import io.tradeguard.core.instrument.Conformance;
import io.tradeguard.core.instrument.OrderFilters;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.pretrade.GateDecision;
import io.tradeguard.core.pretrade.PreTradeGate;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.venue.OrderRequest;

import java.math.BigDecimal;

/** The venue's tick, step and notional filters: rounds what rounding can fix, refuses the rest. */
final class InstrumentGate implements PreTradeGate {
    static final ClientOrderId CHECK_ID = ClientOrderId.of("check");

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
        Instrument instrument = state.instrument(intent.market(), intent.symbol()).orElse(null);
        if (instrument == null) {
            return GateDecision.Reject.because(intent.symbol() + " is not traded on this venue");
        }
        BigDecimal reference = state.price(intent.market(), intent.symbol()).orElse(intent.price());
        return switch (OrderFilters.conform(instrument, intent.toRequest(CHECK_ID), reference)) {
            case Conformance.Refused r -> GateDecision.Reject.because(r.reason());
            case Conformance.Conformed c -> c.adjustments().isEmpty() ? GateDecision.PASS
                    : new GateDecision.Adjust(fromRequest(c.order(), intent), c.adjustments());
        };
    }

    static OrderIntent fromRequest(OrderRequest r, OrderIntent original) {
        return new OrderIntent(r.market(), r.symbol(), r.side(), r.type(), r.timeInForce(), r.quantity(), r.quoteQuantity(),
                r.price(), r.stopPrice(), r.trailingDelta(), r.callbackRate(), r.activationPrice(), r.reduceOnly(),
                r.closePosition(), original.origin(), original.reason(), original.instructions());
    }
}
