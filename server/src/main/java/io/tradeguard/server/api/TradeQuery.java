package io.tradeguard.server.api;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;

import java.util.Optional;

/** Filter of {@code GET /api/real-trading/trades}. */
public record TradeQuery(Optional<Symbol> symbol, Optional<Market> market, int page, int size) {
    public TradeQuery {
        if (page < 0 || size < 1 || size > OrderQuery.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page >= 0 and 1 <= size <= " + OrderQuery.MAX_PAGE_SIZE);
        }
    }
}
