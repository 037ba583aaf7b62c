package io.tradeguard.server.api;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;

import java.util.Optional;

/**
 * Filter of {@code GET /api/real-trading/orders}.
 *
 * @param open true: open orders only; false: finished ones only; empty: both
 */
public record OrderQuery(Optional<Symbol> symbol, Optional<Market> market, Optional<Boolean> open, int page, int size) {
    public static final int MAX_PAGE_SIZE = 500;

    public OrderQuery {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page >= 0 and 1 <= size <= " + MAX_PAGE_SIZE);
        }
    }
}
