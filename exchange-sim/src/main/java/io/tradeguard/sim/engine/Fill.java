package io.tradeguard.sim.engine;

/** One trade of one account's order (a row of myTrades, an entry of FULL `fills`). */
public record Fill(Instrument inst, long tradeId, long orderId, long orderListId, long price, long qty, long quote,
                   long commission, String commissionAsset, long time, boolean buyer, boolean maker) {
}
