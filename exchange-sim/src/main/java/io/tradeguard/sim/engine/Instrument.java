package io.tradeguard.sim.engine;

import java.math.BigDecimal;

/**
 * A symbol compiled to fixed point: prices are longs at {@link #priceScale}, quantities longs at
 * {@link #qtyScale}; asset amounts are longs at scale 8.
 */
public final class Instrument {
    public final SymbolSpec spec;
    public final String symbol;
    /** Position of the symbol in the engine, for per-market arrays. */
    final int index;
    public final int baseAsset;
    public final int quoteAsset;
    public final int priceScale;
    public final int qtyScale;
    public final long tick;
    public final long minPrice;
    public final long maxPrice;
    public final long step;
    public final long minQty;
    public final long maxQty;
    public final long marketMaxQty;
    public final long minNotional;
    public final long maxNotional;
    /** 10^(8 - priceScale - qtyScale): price units x qty units -> asset units. */
    private final long notionalFactor;
    /** 10^(8 - qtyScale): qty units -> asset units. */
    private final long baseFactor;

    Instrument(SymbolSpec spec, int index, int baseAsset, int quoteAsset) {
        this.spec = spec;
        this.index = index;
        this.symbol = spec.symbol();
        this.baseAsset = baseAsset;
        this.quoteAsset = quoteAsset;
        this.priceScale = Math.max(0, spec.tickSize().stripTrailingZeros().scale());
        this.qtyScale = Math.max(0, spec.stepSize().stripTrailingZeros().scale());
        this.tick = Units.toUnits(spec.tickSize(), priceScale);
        this.minPrice = Units.toUnits(spec.minPrice(), priceScale);
        this.maxPrice = Units.toUnits(spec.maxPrice(), priceScale);
        this.step = Units.toUnits(spec.stepSize(), qtyScale);
        this.minQty = Units.toUnits(spec.minQty(), qtyScale);
        this.maxQty = Units.toUnits(spec.maxQty(), qtyScale);
        this.marketMaxQty = Units.toUnits(spec.marketMaxQty(), qtyScale);
        this.minNotional = Units.toUnits(spec.minNotional(), Units.ASSET_SCALE);
        this.maxNotional = Units.toUnits(spec.maxNotional(), Units.ASSET_SCALE);
        this.notionalFactor = Units.pow10(Units.ASSET_SCALE - priceScale - qtyScale);
        this.baseFactor = Units.pow10(Units.ASSET_SCALE - qtyScale);
    }

    /** An instrument outside the spot engine (the futures market's klines and streams): no asset ids. */
    public static Instrument standalone(SymbolSpec spec) {
        return new Instrument(spec, -1, -1, -1);
    }

    /** Quote-asset amount of {@code qty} at {@code price}. */
    public long notional(long price, long qty) {
        return Math.multiplyExact(Math.multiplyExact(price, qty), notionalFactor);
    }

    /** Base-asset amount of a quantity. */
    public long baseUnits(long qty) {
        return Math.multiplyExact(qty, baseFactor);
    }

    /** Largest quantity (a multiple of the step) whose notional at {@code price} is at most {@code quote}. */
    public long qtyForQuote(long quote, long price) {
        long raw = quote / Math.multiplyExact(price, notionalFactor);
        return raw - raw % step;
    }

    public long price(BigDecimal value) {
        return Units.toUnits(value, priceScale);
    }

    public long qty(BigDecimal value) {
        return Units.toUnits(value, qtyScale);
    }

    public String priceText(long price) {
        return Units.text(price, priceScale);
    }

    public String qtyText(long qty) {
        return Units.text(qty, qtyScale);
    }

    public BigDecimal priceDecimal(long price) {
        return Units.toDecimal(price, priceScale);
    }

    /** Price moved by {@code bips} (1 = 0.01 %), rounded up to a tick when {@code up}, else down. */
    public long shiftByBips(long price, long bips, boolean up) {
        long scaled = up ? Units.mulDivCeil(price, 10_000 + bips, 10_000) : Units.mulDivFloor(price, Math.max(0, 10_000 - bips), 10_000);
        long rem = scaled % tick;
        if (rem == 0) {
            return scaled;
        }
        return up ? scaled - rem + tick : scaled - rem;
    }
}
