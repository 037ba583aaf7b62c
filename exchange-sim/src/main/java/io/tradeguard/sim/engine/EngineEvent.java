package io.tradeguard.sim.engine;

import java.util.List;

/** Everything that happened inside the engine leaves as one of these, in the order it happened. */
public sealed interface EngineEvent {

    /** An executionReport for one order of one account. */
    record OrderUpdate(long accountId, OrderView order, ExecutionType execType, String clientOrderId,
                       String origClientOrderId, long lastQty, long lastPrice, long lastQuote, long commission,
                       String commissionAsset, long tradeId, boolean maker, long time) implements EngineEvent {
    }

    /** outboundAccountPosition: the assets of one account that may have changed. */
    record AccountPosition(long accountId, long time, List<Balance> balances) implements EngineEvent {
        public AccountPosition {
            balances = List.copyOf(balances);
        }
    }

    /** balanceUpdate: a deposit or withdrawal. */
    record BalanceChange(long accountId, String asset, long delta, long time) implements EngineEvent {
    }

    /** listStatus of an OCO. */
    record ListUpdate(long accountId, OrderListView list, long time) implements EngineEvent {
    }

    /** A public trade of a symbol (for @trade and klines). */
    record PublicTrade(Instrument inst, long tradeId, long price, long qty, long time, boolean buyerMaker)
            implements EngineEvent {
    }

    /** The best bid or ask of a symbol changed (for @bookTicker). */
    record TopOfBook(Instrument inst, long updateId, long bidPrice, long bidQty, long askPrice, long askQty)
            implements EngineEvent {
    }

    record Balance(String asset, long free, long locked) {
    }
}
