package io.tradeguard.server.api;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A symbol's trading filters as a client needs them to show and enter numbers: prices are multiples of
 * {@code tick_size}, quantities of {@code step_size}; {@code price_decimals} and {@code quantity_decimals} are
 * the decimals those steps have (a zero step, meaning no filter, has the venue's 8).
 */
public record InstrumentView(Symbol symbol, Market market, Asset baseAsset, Asset quoteAsset, BigDecimal tickSize,
                             BigDecimal stepSize, BigDecimal minQuantity, BigDecimal minNotional,
                             int priceDecimals, int quantityDecimals) {
    public InstrumentView {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(baseAsset, "baseAsset");
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        Objects.requireNonNull(tickSize, "tickSize");
        Objects.requireNonNull(stepSize, "stepSize");
        Objects.requireNonNull(minQuantity, "minQuantity");
        Objects.requireNonNull(minNotional, "minNotional");
    }

    /** Decimals of a step: 0.01 → 2, 1 → 0, 10 → 0; a zero step (no filter) → 8, Binance's finest. */
    public static int decimalsOf(BigDecimal step) {
        return step.signum() == 0 ? 8 : Math.max(0, step.stripTrailingZeros().scale());
    }
}
