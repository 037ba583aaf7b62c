package io.tradeguard.sim.futures;

import java.util.List;

/** What the futures engine did, in order; rendered to Binance's user-data and market payloads elsewhere. */
public sealed interface FuturesEvent {

    /** ORDER_TRADE_UPDATE. Fill fields are empty strings when the update carries no fill. */
    record OrderUpdate(FOrder.View order, String execType, String lastQty, String lastPrice, String commission,
                       long tradeId, boolean maker, String realizedProfit, long time) implements FuturesEvent {
    }

    /** ACCOUNT_UPDATE with its reason {@code m}. */
    record AccountUpdate(long accountId, String reason, long time, List<BalanceRow> balances, List<PositionRow> positions)
            implements FuturesEvent {
        public AccountUpdate {
            balances = List.copyOf(balances);
            positions = List.copyOf(positions);
        }
    }

    record BalanceRow(String asset, String walletBalance, String crossWallet, String balanceChange) {
    }

    record PositionRow(String symbol, String positionAmt, String entryPrice, String breakEvenPrice, String accumulatedRealized,
                       String unrealizedPnl, String marginType, String isolatedWallet, String markPrice, String maintMargin) {
    }

    /** ALGO_UPDATE. */
    record AlgoUpdate(AlgoOrder.View algo, long time) implements FuturesEvent {
    }

    /** MARGIN_CALL. */
    record MarginCall(long accountId, String crossWallet, List<PositionRow> positions, long time) implements FuturesEvent {
        public MarginCall {
            positions = List.copyOf(positions);
        }
    }

    /** ACCOUNT_CONFIG_UPDATE for a leverage change. */
    record ConfigUpdate(long accountId, String symbol, int leverage, long time) implements FuturesEvent {
    }

    /** A public trade (aggTrade, klines). */
    record Trade(String symbol, long id, String price, String qty, long time, boolean buyerMaker) implements FuturesEvent {
    }

    /** Best bid and ask changed. */
    record BookTicker(String symbol, long updateId, String bid, String bidQty, String ask, String askQty, long time)
            implements FuturesEvent {
    }

    /** markPriceUpdate, every second from the simulator's clock. */
    record MarkPrice(String symbol, String markPrice, String indexPrice, String fundingRate, long nextFundingTime,
                     long time) implements FuturesEvent {
    }
}
