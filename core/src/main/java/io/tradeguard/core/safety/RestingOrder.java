package io.tradeguard.core.safety;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;

import java.util.Objects;

/** An open order on the exchange that an emergency stop must cancel. */
public record RestingOrder(Market market, Symbol symbol, ClientOrderId clientOrderId) {
    public RestingOrder {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(clientOrderId, "clientOrderId");
    }
}
