package io.tradeguard.core.ledger;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.venue.Fill;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;

/**
 * Converts a fill's commission to the quote asset: quote as is, base at the fill's price, any other asset
 * (BNB) at its price in quote. Empty when that price is not known: the caller must say so, never guess.
 */
public final class FeeConverter {

    private FeeConverter() {
    }

    public static Optional<BigDecimal> toQuote(Fill fill, Asset base, Asset quote,
                                               Function<Asset, Optional<BigDecimal>> priceInQuote) {
        Asset asset = fill.commissionAsset();
        if (asset == null || fill.commission().signum() == 0) {
            return Optional.of(BigDecimal.ZERO);
        }
        if (asset.equals(quote)) {
            return Optional.of(fill.commission());
        }
        if (asset.equals(base)) {
            return Optional.of(fill.commission().multiply(fill.price()));
        }
        return priceInQuote.apply(asset).map(price -> fill.commission().multiply(price));
    }
}
