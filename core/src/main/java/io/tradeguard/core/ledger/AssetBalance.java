package io.tradeguard.core.ledger;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.venue.Balance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Free and locked amount of one asset in one wallet, with the venue time it is true as of: a delta
 * older than the snapshot is already contained in it.
 */
public record AssetBalance(Market market, Asset asset, BigDecimal free, BigDecimal locked, Instant asOf) {
    public AssetBalance {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(free, "free");
        Objects.requireNonNull(locked, "locked");
        Objects.requireNonNull(asOf, "asOf");
    }

    public static AssetBalance of(Balance balance, Instant asOf) {
        return new AssetBalance(balance.market(), balance.asset(), balance.free(), balance.locked(), asOf);
    }

    public BigDecimal total() {
        return free.add(locked);
    }

    /** Same free and locked (scale ignored: 1.0 equals 1.00). */
    public boolean sameAmounts(BigDecimal otherFree, BigDecimal otherLocked) {
        return free.compareTo(otherFree) == 0 && locked.compareTo(otherLocked) == 0;
    }

    /** A deposit, withdrawal or transfer that moved free funds. */
    public AssetBalance plusFree(BigDecimal delta, Instant time) {
        return new AssetBalance(market, asset, free.add(delta), locked, time);
    }
}
