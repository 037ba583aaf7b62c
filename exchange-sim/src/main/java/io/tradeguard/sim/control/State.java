package io.tradeguard.sim.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeguard.sim.api.Json;
import io.tradeguard.sim.api.OrderJson;
import io.tradeguard.sim.api.Venue;
import io.tradeguard.sim.engine.Account;
import io.tradeguard.sim.engine.EngineEvent;
import io.tradeguard.sim.engine.EngineQueries;
import io.tradeguard.sim.engine.Instrument;
import io.tradeguard.sim.engine.OrderView;
import io.tradeguard.sim.engine.Units;
import io.tradeguard.sim.futures.Contract;
import io.tradeguard.sim.futures.FAccount;
import io.tradeguard.sim.futures.FuturesEngine;
import io.tradeguard.sim.futures.Margin;

/** GET /sim/v1/state: books, accounts with balances and open orders, the fee pool. */
final class State {
    private State() {
    }

    static ObjectNode of(Venue venue) {
        return venue.locked(e -> {
            ObjectNode n = Json.object();
            n.put("server_time", venue.now());
            ObjectNode books = n.putObject("books");
            for (Instrument inst : e.instruments()) {
                EngineQueries.Depth d = e.queries().depth(inst.symbol, 20);
                ObjectNode b = books.putObject(inst.symbol);
                b.put("last_price", inst.priceText(e.lastPrice(inst.symbol)));
                b.put("resting_orders", e.queries().restingOrders(inst.symbol));
                levels(b.putArray("bids"), inst, d.bids());
                levels(b.putArray("asks"), inst, d.asks());
            }
            ArrayNode accounts = n.putArray("accounts");
            for (Account a : e.accounts()) {
                ObjectNode an = accounts.addObject();
                an.put("api_key", a.apiKey);
                an.put("maker", Units.asset(a.makerRate()));
                an.put("taker", Units.asset(a.takerRate()));
                ObjectNode bal = an.putObject("balances");
                for (EngineEvent.Balance x : e.balances(a)) {
                    ObjectNode bn = bal.putObject(x.asset());
                    bn.put("free", Units.asset(x.free()));
                    bn.put("locked", Units.asset(x.locked()));
                }
                ArrayNode open = an.putArray("open_orders");
                for (OrderView o : e.queries().openOrders(a, null)) {
                    open.add(OrderJson.queried(o));
                }
            }
            ArrayNode futures = n.putArray("futures_accounts");
            venue.futures(f -> {
                for (FAccount fa : f.accounts()) {
                    futures.add(futuresAccount(f, fa));
                }
                return null;
            });
            ObjectNode fees = n.putObject("fees_collected");
            for (String asset : e.queries().assetNames()) {
                fees.put(asset, Units.asset(e.queries().feeUnits(asset)));
            }
            return n;
        });
    }

    static ObjectNode futuresAccount(Venue venue, FAccount a) {
        return venue.futures(f -> futuresAccount(f, a));
    }

    /** A futures account with every derived number of §6.8, ROE included (which Binance's REST does not return). */
    private static ObjectNode futuresAccount(FuturesEngine f, FAccount a) {
        FuturesEngine.Totals t = f.totals(a);
        ObjectNode n = Json.object();
        n.put("api_key", a.apiKey());
        n.put("wallet_balance", Margin.round(t.wallet()).toPlainString());
        n.put("cross_wallet_balance", Margin.round(t.crossWallet()).toPlainString());
        n.put("available_balance", Margin.round(t.available()).toPlainString());
        ArrayNode positions = n.putArray("positions");
        for (Contract k : f.contracts()) {
            FuturesEngine.PositionRisk r = f.risk(a, k.symbol);
            if (r.amt().signum() == 0) {
                continue;
            }
            ObjectNode p = positions.addObject();
            p.put("symbol", k.symbol);
            p.put("position_amt", k.qtyText(r.amt()));
            p.put("entry_price", Margin.round(r.entry()).toPlainString());
            p.put("mark_price", Margin.round(r.mark()).toPlainString());
            p.put("leverage", r.leverage());
            p.put("margin_type", r.isolated() ? "isolated" : "cross");
            p.put("isolated_wallet", Margin.round(r.isolatedWallet()).toPlainString());
            p.put("unrealized_pnl", Margin.round(r.unrealized()).toPlainString());
            p.put("initial_margin", Margin.round(r.initialMargin()).toPlainString());
            p.put("maint_margin", Margin.round(r.maintMargin()).toPlainString());
            p.put("roe", r.roe().toPlainString());
            p.put("liquidation_price", r.liquidationPrice().toPlainString());
        }
        return n;
    }

    private static void levels(ArrayNode arr, Instrument inst, java.util.List<long[]> levels) {
        for (long[] l : levels) {
            ArrayNode row = arr.addArray();
            row.add(inst.priceText(l[0]));
            row.add(inst.qtyText(l[1]));
        }
    }
}
