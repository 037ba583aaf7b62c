package io.tradeguard.sim.futures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One USDⓈ-M perpetual, its filters (binance-api.md §6.6) and its market state. */
public final class Contract {
    public final String symbol;
    public final String baseAsset;
    public final BigDecimal tickSize;
    public final BigDecimal minPrice;
    public final BigDecimal maxPrice;
    public final BigDecimal stepSize;
    public final BigDecimal minQty;
    public final BigDecimal maxQty;
    public final BigDecimal marketMaxQty;
    public final BigDecimal minNotional;
    public static final BigDecimal MULTIPLIER_UP = new BigDecimal("1.0500");
    public static final BigDecimal MULTIPLIER_DOWN = new BigDecimal("0.9500");
    public static final int MAX_NUM_ORDERS = 200;
    public static final int MAX_NUM_ALGO_ORDERS = 10;

    BigDecimal lastPrice;
    BigDecimal markPrice;
    BigDecimal fundingRate = new BigDecimal("0.0001");
    long nextFundingTime;
    long bookUpdateId = 1;
    /** Resting orders: bids best first, asks best first; each level in time order. */
    final TreeMap<BigDecimal, List<FOrder>> bids = new TreeMap<>(java.util.Comparator.reverseOrder());
    final TreeMap<BigDecimal, List<FOrder>> asks = new TreeMap<>();

    Contract(String symbol, String baseAsset, String tick, String minPrice, String maxPrice, String step, String minQty,
             String maxQty, String marketMaxQty, String minNotional, BigDecimal initialPrice) {
        this.symbol = symbol;
        this.baseAsset = baseAsset;
        this.tickSize = new BigDecimal(tick);
        this.minPrice = new BigDecimal(minPrice);
        this.maxPrice = new BigDecimal(maxPrice);
        this.stepSize = new BigDecimal(step);
        this.minQty = new BigDecimal(minQty);
        this.maxQty = new BigDecimal(maxQty);
        this.marketMaxQty = new BigDecimal(marketMaxQty);
        this.minNotional = new BigDecimal(minNotional);
        this.lastPrice = initialPrice;
        this.markPrice = initialPrice;
    }

    /** BTCUSDT, ETHUSDT, BNBUSDT, SOLUSDT with filters like Binance's USDⓈ-M ones; prices from the spot specs when given. */
    static List<Contract> defaults(Map<String, BigDecimal> initialPrices) {
        List<Contract> out = new ArrayList<>();
        out.add(new Contract("BTCUSDT", "BTC", "0.10", "556.80", "4529764", "0.001", "0.001", "1000", "120", "100",
                initialPrices.getOrDefault("BTCUSDT", new BigDecimal("60000"))));
        out.add(new Contract("ETHUSDT", "ETH", "0.01", "39.86", "306177", "0.001", "0.001", "10000", "2000", "20",
                initialPrices.getOrDefault("ETHUSDT", new BigDecimal("3000"))));
        out.add(new Contract("BNBUSDT", "BNB", "0.010", "6.600", "100000", "0.01", "0.01", "100000", "2000", "5",
                initialPrices.getOrDefault("BNBUSDT", new BigDecimal("600"))));
        out.add(new Contract("SOLUSDT", "SOL", "0.0100", "0.4200", "6857", "1", "1", "1000000", "5000", "5",
                initialPrices.getOrDefault("SOLUSDT", new BigDecimal("150"))));
        return out;
    }

    public int priceScale() {
        return Math.max(0, tickSize.stripTrailingZeros().scale());
    }

    public int qtyScale() {
        return Math.max(0, stepSize.stripTrailingZeros().scale());
    }

    public String priceText(BigDecimal p) {
        return p.setScale(Math.max(priceScale(), p.stripTrailingZeros().scale()), java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    public String qtyText(BigDecimal q) {
        return q.setScale(qtyScale(), java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    public BigDecimal lastPrice() {
        return lastPrice;
    }

    public BigDecimal markPrice() {
        return markPrice;
    }

    public BigDecimal fundingRate() {
        return fundingRate;
    }

    public long bookUpdateId() {
        return bookUpdateId;
    }

    public long nextFundingTime() {
        return nextFundingTime;
    }

    boolean onTick(BigDecimal price) {
        return price.remainder(tickSize).signum() == 0;
    }

    boolean onStep(BigDecimal qty) {
        return qty.remainder(stepSize).signum() == 0;
    }

    TreeMap<BigDecimal, List<FOrder>> book(FOrder.Side side) {
        return side == FOrder.Side.BUY ? bids : asks;
    }
}
