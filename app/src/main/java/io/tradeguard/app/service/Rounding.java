package io.tradeguard.app.service;

import io.tradeguard.core.instrument.Conformance;
import io.tradeguard.core.instrument.OrderFilters;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.core.venue.OrderRequest;

/** The instrument filters applied to an intent for a preview, exactly as the engine's instrument gate applies them. */
final class Rounding {
    private static final ClientOrderId PROBE = ClientOrderId.of("conform");

    private Rounding() {
    }

    static Conformance conform(Instrument instrument, OrderIntent intent, TradingSnapshot state) {
        return OrderFilters.conform(instrument, intent.toRequest(PROBE), state.price(intent.market(), intent.symbol()).orElse(null));
    }

    static OrderIntent apply(OrderIntent intent, OrderRequest conformed) {
        return new OrderIntent(intent.market(), intent.symbol(), intent.side(), intent.type(), intent.timeInForce(),
                conformed.quantity(), conformed.quoteQuantity(), conformed.price(), conformed.stopPrice(),
                intent.trailingDelta(), intent.callbackRate(), conformed.activationPrice(), intent.reduceOnly(),
                intent.closePosition(), intent.origin(), intent.reason(), intent.instructions());
    }
}
