package io.tradeguard.sim.engine;

/** One trade of one account's order (a row of myTrades, an entry of FULL `fills`). */
public record Fill(Instrument inst, long tradeId, long orderId, long orderListId, long price, long qty, long quote,
                   long commission, String commissionAsset, long time, boolean buyer, boolean maker) {
    public Fill {
        java.util.Objects.requireNonNull(inst, "inst");
        java.util.Objects.requireNonNull(commissionAsset, "commissionAsset");
        if (price <= 0 || qty <= 0 || quote <= 0 || commission < 0) {
            throw new IllegalArgumentException("a fill has a positive price, quantity and quote, and no negative commission");
        }
    }
}
