package io.tradeguard.sim.engine;

import java.util.ArrayList;
import java.util.List;

/** Builds the engine's events (only when someone listens) and batches account positions per command. */
final class Events {
    private final EngineListener listener;
    private final boolean on;
    private final Assets assets;
    private final List<Account> dirty = new ArrayList<>();

    Events(EngineListener listener, Assets assets) {
        this.listener = listener;
        this.on = listener != EngineListener.NONE;
        this.assets = assets;
    }

    boolean isOn() {
        return on;
    }

    String assetName(int id) {
        return assets.name(id);
    }

    void dirty(Account a) {
        if (!on) {
            return; // nobody listens: no account positions to batch (the accounts' change bits stay set, unused)
        }
        if (!a.dirty) {
            a.dirty = true;
        }
        if (!a.queued) {
            a.queued = true;
            dirty.add(a);
        }
    }

    void orderUpdate(Order o, ExecutionType x, String clientOrderId, String origClientOrderId, long lastQty,
                     long lastPrice, long lastQuote, long fee, String feeAsset, long tradeId, boolean maker, long now) {
        if (on) {
            listener.on(new EngineEvent.OrderUpdate(o.account.id, o.view(), x, clientOrderId, origClientOrderId,
                    lastQty, lastPrice, lastQuote, fee, feeAsset, tradeId, maker, now));
        }
    }

    void listUpdate(Account a, OrderList list, long now) {
        if (on) {
            listener.on(new EngineEvent.ListUpdate(a.id, list.view(), now));
        }
    }

    void publicTrade(Instrument inst, long tradeId, long price, long qty, long now, boolean buyerMaker) {
        if (on) {
            listener.on(new EngineEvent.PublicTrade(inst, tradeId, price, qty, now, buyerMaker));
        }
    }

    void balanceChange(Account a, String asset, long delta, long now) {
        if (on) {
            listener.on(new EngineEvent.BalanceChange(a.id, asset, delta, now));
        }
    }

    void top(EngineEvent.TopOfBook top) {
        if (on) {
            listener.on(top);
        }
    }

    /** One outboundAccountPosition per changed account, listing the assets that changed. */
    void flushAccounts(long now) {
        int n = dirty.size(); // always 0 when nobody listens
        for (int i = 0; i < n; i++) {
            Account a = dirty.get(i);
            a.queued = false;
            if (!a.dirty) {
                continue;
            }
            a.dirty = false;
            List<EngineEvent.Balance> changed = new ArrayList<>();
            for (int w = 0; w < a.touched.length; w++) {
                long bits = a.touched[w];
                a.touched[w] = 0;
                while (bits != 0) {
                    int asset = (w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    changed.add(new EngineEvent.Balance(assets.name(asset), a.free(asset), a.locked(asset)));
                }
            }
            if (!changed.isEmpty()) {
                listener.on(new EngineEvent.AccountPosition(a.id, a.updateTime > 0 ? a.updateTime : now, changed));
            }
        }
        if (n > 0) {
            dirty.clear();
        }
    }
}
