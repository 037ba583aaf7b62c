package io.tradeguard.sim.futures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A USDⓈ-M account: one USDT wallet (cross part plus isolated wallets), settings and positions per symbol. */
public final class FAccount {
    public static final int DEFAULT_LEVERAGE = 20;

    /** Per symbol: leverage, margin type and the one-way position. */
    static final class Slot {
        int leverage = DEFAULT_LEVERAGE;
        boolean isolated;
        BigDecimal amt = BigDecimal.ZERO;
        BigDecimal entry = BigDecimal.ZERO;
        BigDecimal isolatedWallet = BigDecimal.ZERO;
        BigDecimal realized = BigDecimal.ZERO;
        long updateTime;
        boolean marginCalled;
    }

    final long id;
    final String apiKey;
    /** Total wallet balance: cross wallet plus every isolated wallet. */
    BigDecimal wallet;
    BigDecimal makerRate = new BigDecimal("0.0002");
    BigDecimal takerRate = new BigDecimal("0.0005");
    boolean crossMarginCalled;
    long updateTime;
    final Map<String, Slot> slots = new LinkedHashMap<>();
    final Map<Long, FOrder> orders = new LinkedHashMap<>();
    final Map<Long, AlgoOrder> algos = new LinkedHashMap<>();
    final List<Trade> trades = new ArrayList<>();
    /** The income history (GET /fapi/v1/income); the simulator records its funding fees there. */
    final List<Income> income = new ArrayList<>();
    final Map<String, FOrder> openByClientId = new HashMap<>();

    /** One fill as userTrades shows it. */
    public record Trade(long id, String symbol, long orderId, String side, BigDecimal price, BigDecimal qty, BigDecimal quote,
                 BigDecimal realizedPnl, BigDecimal commission, boolean maker, long time) {
    }

    /** One row of the income history: what changed the wallet, on which symbol, when. */
    public record Income(long tranId, String symbol, String incomeType, BigDecimal income, String asset, String info, long time) {
    }

    FAccount(long id, String apiKey, BigDecimal wallet) {
        this.id = id;
        this.apiKey = apiKey;
        this.wallet = wallet;
    }

    public long id() {
        return id;
    }

    /** The account's maker commission rate (read under the venue's lock). */
    public BigDecimal makerRate() {
        return makerRate;
    }

    public BigDecimal takerRate() {
        return takerRate;
    }

    public String apiKey() {
        return apiKey;
    }

    Slot slot(String symbol) {
        return slots.computeIfAbsent(symbol, s -> new Slot());
    }

    BigDecimal isolatedWallets() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Slot s : slots.values()) {
            sum = sum.add(s.isolatedWallet);
        }
        return sum;
    }

    BigDecimal crossWallet() {
        return wallet.subtract(isolatedWallets());
    }

    List<FOrder> openOrders(String symbol) {
        List<FOrder> out = new ArrayList<>();
        for (FOrder o : orders.values()) {
            if (o.isOpen() && (symbol == null || o.contract.symbol.equals(symbol))) {
                out.add(o);
            }
        }
        return out;
    }

    List<AlgoOrder> openAlgos(String symbol) {
        List<AlgoOrder> out = new ArrayList<>();
        for (AlgoOrder a : algos.values()) {
            if (a.status == AlgoOrder.Status.NEW && (symbol == null || a.contract.symbol.equals(symbol))) {
                out.add(a);
            }
        }
        return out;
    }
}
