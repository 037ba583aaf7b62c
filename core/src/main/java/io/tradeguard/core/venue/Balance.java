package io.tradeguard.core.venue;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Market;

import java.math.BigDecimal;
import java.util.Objects;

/** Free and locked amount of one asset in one wallet (spot, or the futures wallet). */
public record Balance(Market market, Asset asset, BigDecimal free, BigDecimal locked) {
    public Balance {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(free, "free");
        Objects.requireNonNull(locked, "locked");
    }

    public BigDecimal total() {
        return free.add(locked);
    }
}
