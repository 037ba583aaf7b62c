package io.tradeguard.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A tradable symbol with the venue's filters (exchangeInfo). A zero tick, step or bound means the
 * venue does not enforce that filter, as on Binance.
 *
 * @param priceFilter      PRICE_FILTER
 * @param lotSize          LOT_SIZE (limit orders)
 * @param marketLotSize    MARKET_LOT_SIZE (market orders; Binance may send zero step = use LOT_SIZE)
 * @param minNotional      NOTIONAL.minNotional / MIN_NOTIONAL.minNotional (futures: MIN_NOTIONAL.notional)
 * @param maxNotional      NOTIONAL.maxNotional, zero when absent
 * @param applyMinToMarket whether the minimum notional also binds market orders
 * @param maxNumOrders     MAX_NUM_ORDERS, 0 when absent
 */
public record Instrument(Symbol symbol, Market market, Asset baseAsset, Asset quoteAsset,
                         PriceFilter priceFilter, LotSize lotSize, LotSize marketLotSize,
                         BigDecimal minNotional, BigDecimal maxNotional, boolean applyMinToMarket,
                         int maxNumOrders) {

    public Instrument {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(baseAsset, "baseAsset");
        Objects.requireNonNull(quoteAsset, "quoteAsset");
        Objects.requireNonNull(priceFilter, "priceFilter");
        Objects.requireNonNull(lotSize, "lotSize");
        Objects.requireNonNull(marketLotSize, "marketLotSize");
        requireNonNegative(minNotional, "minNotional");
        requireNonNegative(maxNotional, "maxNotional");
        if (maxNumOrders < 0) {
            throw new IllegalArgumentException("maxNumOrders must not be negative");
        }
    }

    /** PRICE_FILTER: minPrice, maxPrice, tickSize. */
    public record PriceFilter(BigDecimal minPrice, BigDecimal maxPrice, BigDecimal tickSize) {
        public PriceFilter {
            requireNonNegative(minPrice, "minPrice");
            requireNonNegative(maxPrice, "maxPrice");
            requireNonNegative(tickSize, "tickSize");
        }
    }

    /** LOT_SIZE or MARKET_LOT_SIZE: minQty, maxQty, stepSize. */
    public record LotSize(BigDecimal minQty, BigDecimal maxQty, BigDecimal stepSize) {
        public LotSize {
            requireNonNegative(minQty, "minQty");
            requireNonNegative(maxQty, "maxQty");
            requireNonNegative(stepSize, "stepSize");
        }
    }

    private static void requireNonNegative(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value.toPlainString());
        }
    }
}
