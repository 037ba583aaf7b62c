package io.tradeguard.server.api;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Market;

import java.math.BigDecimal;
import java.util.Objects;

/** Free and locked amount of one asset in one wallet. */
public record BalanceView(Market market, Asset asset, BigDecimal free, BigDecimal locked) {
    public BalanceView {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(free, "free");
        Objects.requireNonNull(locked, "locked");
    }
}
