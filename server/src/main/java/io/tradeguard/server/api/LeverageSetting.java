package io.tradeguard.server.api;

import io.tradeguard.core.model.Symbol;

import java.util.Objects;

/** A futures symbol's leverage as the venue confirmed it. */
public record LeverageSetting(Symbol symbol, int leverage) {
    public LeverageSetting {
        Objects.requireNonNull(symbol, "symbol");
        if (leverage < 1) {
            throw new IllegalArgumentException("leverage is at least 1");
        }
    }
}
