package io.tradeguard.sim.engine;

import java.util.List;

/**
 * Places an OCO (binance-api.md §3.6): legs of the right kinds on the right sides of the last price,
 * one lock for both, the stop-loss leg first.
 */
final class OcoPlacement {
    private final MatchingEngine engine;

    OcoPlacement(MatchingEngine engine) {
        this.engine = engine;
    }

    Outcome place(Account a, Market m, OcoRequest req) {
        Instrument inst = m.inst;
        NewOrder above = req.above();
        NewOrder below = req.below();
        boolean sell = req.side() == Side.SELL;
        // SELL: limit/take-profit above, stop-loss below; BUY the other way round
        if (sell ? (above.type().isStopLoss() || !below.type().isStopLoss())
                : (!above.type().isStopLoss() || below.type().isStopLoss())) {
            return new Outcome.Rejected(new Reject(-1158, "Order type not supported in OCO."));
        }
        int open = a.openOrderCount(inst);
        int algo = m.algoOrders(a);
        for (NewOrder leg : List.of(above, below)) {
            Reject r = OrderRules.check(inst, leg, m.lastPrice, open, algo, 2);
            if (r != null) {
                return new Outcome.Rejected(r);
            }
        }
        if (a.openLists.values().stream().anyMatch(l -> l.listClientOrderId.equals(req.listClientOrderId()))) {
            return new Outcome.Rejected(Reject.DUPLICATE);
        }
        for (NewOrder leg : List.of(above, below)) {
            if (a.openByClientId(leg.clientOrderId()) != null) {
                return new Outcome.Rejected(Reject.DUPLICATE);
            }
        }
        if (above.clientOrderId().equals(below.clientOrderId())) {
            return new Outcome.Rejected(Reject.DUPLICATE);
        }
        long aboveRef = ocoReference(above);
        long belowRef = ocoReference(below);
        if ((aboveRef > 0 && aboveRef <= m.lastPrice) || (belowRef > 0 && belowRef >= m.lastPrice)) {
            return new Outcome.Rejected(Reject.OCO_PRICES);
        }
        for (NewOrder leg : List.of(above, below)) {
            Reject r = engine.engineChecks(a, m, leg);
            if (r != null) {
                return new Outcome.Rejected(r);
            }
        }
        long qty = above.quantity();
        int lockAsset = sell ? inst.baseAsset : inst.quoteAsset;
        long lockAmount = sell ? inst.baseUnits(qty)
                : Math.max(inst.notional(MatchingEngine.buyReference(m, above), qty), inst.notional(MatchingEngine.buyReference(m, below), qty));
        if (a.free(lockAsset) < lockAmount) {
            return new Outcome.Rejected(Reject.INSUFFICIENT_BALANCE);
        }
        OrderList list = new OrderList(engine.takeListId(), req.listClientOrderId(), inst, engine.execution().now);
        LockHolder lock = new LockHolder(lockAsset, lockAmount, 2);
        a.lock(lockAsset, lockAmount);
        engine.events().dirty(a);
        // the stop-loss leg gets the first id, as Binance lists it
        NewOrder first = sell ? below : above;
        NewOrder second = sell ? above : below;
        Order o1 = engine.newOrder(a, inst, first, qty, first.clientOrderId(), list);
        Order o2 = engine.newOrder(a, inst, second, qty, second.clientOrderId(), list);
        o1.lock = lock;
        o2.lock = lock;
        list.above = sell ? o2 : o1;
        list.below = sell ? o1 : o2;
        a.openLists.put(list.listId, list);
        a.remember(list, engine.historyLimit());
        engine.events().orderUpdate(o1, ExecutionType.NEW, o1.clientOrderId, "", 0, 0, 0, 0, null, -1, false, engine.execution().now);
        engine.events().orderUpdate(o2, ExecutionType.NEW, o2.clientOrderId, "", 0, 0, 0, 0, null, -1, false, engine.execution().now);
        engine.events().listUpdate(a, list, engine.execution().now);
        engine.events().flushAccounts(engine.execution().now);
        for (Order o : List.of(o1, o2)) {
            if (o.type.isConditional()) {
                m.triggers.add(o);
            } else {
                engine.execution().work(m, o);
            }
        }
        return new Outcome.ListPlaced(list.view(), engine.execution().now);
    }

    /** The price an OCO leg is judged by: a limit maker's price, else its stop (0 = pure trailing, unchecked). */
    private static long ocoReference(NewOrder leg) {
        return leg.type() == OrderType.LIMIT_MAKER ? leg.price() : leg.stopPrice();
    }
}
