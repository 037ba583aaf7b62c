package io.tradeguard.sim.engine;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A spot symbol and its filters as exchangeInfo publishes them (binance-api.md §3.2). Values are decimals
 * here; {@link Instrument} compiles them to the fixed-point form the book uses.
 */
public record SymbolSpec(String symbol, String baseAsset, String quoteAsset,
                         BigDecimal tickSize, BigDecimal minPrice, BigDecimal maxPrice,
                         BigDecimal stepSize, BigDecimal minQty, BigDecimal maxQty,
                         BigDecimal marketMaxQty,
                         BigDecimal minNotional, BigDecimal maxNotional,
                         int maxNumOrders, int maxNumAlgoOrders,
                         int minTrailingDelta, int maxTrailingDelta,
                         BigDecimal initialPrice) {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,20}");
    private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{2,10}");

    public SymbolSpec {
        Objects.requireNonNull(symbol, "symbol");
        if (!SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("symbol must be 2-20 upper-case letters or digits: " + symbol);
        }
        if (!ASSET.matcher(baseAsset).matches() || !ASSET.matcher(quoteAsset).matches() || baseAsset.equals(quoteAsset)) {
            throw new IllegalArgumentException("bad assets " + baseAsset + "/" + quoteAsset);
        }
        positive("tickSize", tickSize);
        positive("stepSize", stepSize);
        positive("minQty", minQty);
        positive("maxQty", maxQty);
        positive("marketMaxQty", marketMaxQty);
        positive("maxPrice", maxPrice);
        positive("initialPrice", initialPrice);
        if (minPrice.signum() <= 0 || minNotional.signum() < 0 || maxNotional.compareTo(minNotional) <= 0) {
            throw new IllegalArgumentException("bad price or notional bounds for " + symbol);
        }
        if (Math.max(0, tickSize.stripTrailingZeros().scale()) + Math.max(0, stepSize.stripTrailingZeros().scale()) > Units.ASSET_SCALE) {
            // price x quantity must be exact in 8 decimals
            throw new IllegalArgumentException("tick and step decimals of " + symbol + " add up to more than 8");
        }
        if (maxNumOrders < 1 || maxNumAlgoOrders < 1 || minTrailingDelta < 1 || maxTrailingDelta < minTrailingDelta) {
            throw new IllegalArgumentException("bad order limits for " + symbol);
        }
    }

    private static void positive(String name, BigDecimal v) {
        if (v == null || v.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    public static SymbolSpec spot(String base, String quote, String tick, String step, String minQty, String maxQty,
                                  String marketMaxQty, String initialPrice) {
        return new SymbolSpec(base + quote, base, quote, new BigDecimal(tick), new BigDecimal(tick),
                new BigDecimal("1000000"), new BigDecimal(step), new BigDecimal(minQty), new BigDecimal(maxQty),
                new BigDecimal(marketMaxQty), new BigDecimal("5"), new BigDecimal("9000000"), 200, 5, 10, 2000,
                new BigDecimal(initialPrice));
    }

    /** BTCUSDT, ETHUSDT, BNBUSDT, SOLUSDT with filters like Binance's. */
    public static java.util.List<SymbolSpec> defaults() {
        return java.util.List.of(
                spot("BTC", "USDT", "0.01", "0.00001", "0.00001", "9000", "120", "60000"),
                spot("ETH", "USDT", "0.01", "0.0001", "0.0001", "9000", "2500", "3000"),
                spot("BNB", "USDT", "0.01", "0.001", "0.001", "9000", "5000", "600"),
                spot("SOL", "USDT", "0.01", "0.001", "0.001", "9000", "20000", "150"));
    }
}
