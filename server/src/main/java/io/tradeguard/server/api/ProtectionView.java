package io.tradeguard.server.api;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An active (or just triggered) protective order.
 *
 * @param kind          {@code stop_loss}, {@code take_profit} or {@code trailing_stop}
 * @param onExchange    true when the venue holds the order; false when triggered locally from prices
 * @param createdAt     when it was armed; null when the source does not record it
 */
public record ProtectionView(String orderId, String positionId, Symbol symbol, Market market, String kind,
                             BigDecimal stopPrice, BigDecimal callbackRate, BigDecimal quantity, boolean onExchange,
                             boolean triggered, Instant createdAt) {
    public ProtectionView {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(kind, "kind");
    }
}
