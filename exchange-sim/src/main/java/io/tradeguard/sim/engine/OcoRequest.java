package io.tradeguard.sim.engine;

import java.util.Objects;

/** An OCO with its above and below legs (binance-api.md §3.6); legs carry the shared quantity. */
public record OcoRequest(String symbol, Side side, String listClientOrderId, NewOrder above, NewOrder below) {
    public OcoRequest {
        Objects.requireNonNull(symbol);
        Objects.requireNonNull(side);
        Objects.requireNonNull(listClientOrderId);
        Objects.requireNonNull(above);
        Objects.requireNonNull(below);
        if (above.side() != side || below.side() != side || above.quantity() != below.quantity()) {
            throw new IllegalArgumentException("both legs share side and quantity");
        }
    }
}
