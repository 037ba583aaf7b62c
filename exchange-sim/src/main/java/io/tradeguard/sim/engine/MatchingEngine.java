package io.tradeguard.sim.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The spot exchange: accounts, one book per symbol, orders and OCO lists. Single-threaded by design:
 * the caller serialises commands (the simulator holds one lock). Every command takes "now" and returns
 * an {@link Outcome}; what happened leaves through the {@link EngineListener}.
 */
public final class MatchingEngine {
    private static final long RATE_ONE = 100_000_000L;
    private static final Outcome.Rejected UNKNOWN_ORDER_CANCEL = new Outcome.Rejected(Reject.UNKNOWN_ORDER_CANCEL);

    private final Assets assets = new Assets();
    private final Map<String, Market> markets = new LinkedHashMap<>();
    private final Map<String, Account> byKey = new HashMap<>();
    private final Map<Long, Account> byId = new LinkedHashMap<>();
    private final Events events;
    private final Execution exec;
    private final int historyLimit;
    private long nextOrderId = 1;
    private long nextListId = 1;
    private long nextAccountId = 1;
    /** The market of the last command: commands come in runs on one symbol, and this skips the map lookup. */
    private Market lastMarket;
    private final EngineQueries queries = new EngineQueries(this);

    public MatchingEngine(List<SymbolSpec> symbols, Liquidity liquidity, int historyLimit, EngineListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (symbols.isEmpty() || historyLimit < 1) {
            throw new IllegalArgumentException("at least one symbol and a positive history limit");
        }
        this.historyLimit = historyLimit;
        for (SymbolSpec spec : symbols) {
            Instrument inst = new Instrument(spec, markets.size(), assets.id(spec.baseAsset()), assets.id(spec.quoteAsset()));
            if (markets.putIfAbsent(spec.symbol(), new Market(inst)) != null) {
                throw new IllegalArgumentException("duplicate symbol " + spec.symbol());
            }
        }
        this.events = new Events(listener, assets);
        this.exec = new Execution(liquidity, events, historyLimit);
    }

    // ---- accounts --------------------------------------------------------------------------------

    /** Opens an account funded from outside; rates are fractions (0.001 = 0.1 %). */
    public Account openAccount(String apiKey, Map<String, BigDecimal> balances, BigDecimal makerRate,
                               BigDecimal takerRate, long now) {
        if (byKey.containsKey(apiKey)) {
            throw new IllegalArgumentException("an account with this API key exists");
        }
        Account a = new Account(nextAccountId++, apiKey, rate(makerRate), rate(takerRate));
        for (Map.Entry<String, BigDecimal> e : balances.entrySet()) {
            long units = Units.toUnits(e.getValue(), Units.ASSET_SCALE);
            if (units < 0) {
                throw new IllegalArgumentException("negative balance for " + e.getKey());
            }
            int asset = assets.id(e.getKey());
            a.addFree(asset, units);
            exec.external(asset, -units);
        }
        a.updateTime = now;
        byKey.put(apiKey, a);
        byId.put(a.id, a);
        events.flushAccounts(now);
        return a;
    }

    private static long rate(BigDecimal r) {
        long units = Units.toUnits(r, Units.ASSET_SCALE);
        if (units < 0 || units > RATE_ONE) {
            throw new IllegalArgumentException("a commission rate is between 0 and 1");
        }
        return units;
    }

    public Account account(String apiKey) {
        return byKey.get(apiKey);
    }

    public Account account(long id) {
        return byId.get(id);
    }

    public Collection<Account> accounts() {
        return List.copyOf(byId.values());
    }

    public void setRates(Account a, BigDecimal maker, BigDecimal taker) {
        a.makerRate = rate(maker);
        a.takerRate = rate(taker);
    }

    /** A deposit (delta > 0) or withdrawal; emits balanceUpdate then outboundAccountPosition. */
    public Outcome adjustBalance(Account a, String asset, BigDecimal delta, long now) {
        int id = assets.id(asset);
        long units = Units.toUnits(delta, Units.ASSET_SCALE);
        if (a.free(id) + units < 0) {
            return new Outcome.Rejected(Reject.INSUFFICIENT_BALANCE);
        }
        exec.now = now;
        a.addFree(id, units);
        exec.external(id, -units);
        a.updateTime = now;
        events.balanceChange(a, asset, units, now);
        events.dirty(a);
        events.flushAccounts(now);
        return null;
    }

    public List<EngineEvent.Balance> balances(Account a) {
        List<EngineEvent.Balance> out = new ArrayList<>();
        for (int i = 0; i < assets.size(); i++) {
            out.add(new EngineEvent.Balance(assets.name(i), a.free(i), a.locked(i)));
        }
        return out;
    }

    // ---- symbols ---------------------------------------------------------------------------------

    public Instrument instrument(String symbol) {
        Market m = markets.get(symbol);
        return m == null ? null : m.inst;
    }

    public List<Instrument> instruments() {
        return markets.values().stream().map(m -> m.inst).toList();
    }

    private Market market(String symbol) {
        Market m = lastMarket;
        if (m != null && m.inst.symbol.equals(symbol)) {
            return m;
        }
        m = markets.get(symbol);
        if (m != null) {
            lastMarket = m;
        }
        return m;
    }

    public long lastPrice(String symbol) {
        return markets.get(symbol).lastPrice;
    }

    // ---- orders ----------------------------------------------------------------------------------

    public Outcome place(Account a, NewOrder cmd, long now) {
        Market m = market(cmd.symbol());
        if (m == null) {
            return new Outcome.Rejected(new Reject(-1121, "Invalid symbol."));
        }
        begin(now);
        Outcome out = placeOne(a, m, cmd);
        end(m);
        return out;
    }

    /** Runs every check an order faces, then places it; nothing changes when it is rejected. */
    private Outcome placeOne(Account a, Market m, NewOrder cmd) {
        Instrument inst = m.inst;
        Reject r = OrderRules.check(inst, cmd, m.lastPrice, a.openOrderCount(inst), m.algoOrders(a), 1);
        if (r == null) {
            r = engineChecks(a, m, cmd);
        }
        if (r != null) {
            return new Outcome.Rejected(r);
        }
        long qty = cmd.quantity();
        long lockAmount;
        int lockAsset;
        if (cmd.type() == OrderType.MARKET) {
            long[] sim = exec.simulate(m, cmd.side(), 0, qty > 0 ? qty : inst.maxQty,
                    cmd.quoteOrderQty() > 0 ? cmd.quoteOrderQty() : Long.MAX_VALUE);
            if (cmd.quoteOrderQty() > 0) {
                if (sim[0] == 0) {
                    return new Outcome.Rejected(Reject.NO_LIQUIDITY);
                }
                qty = sim[0];
            }
            lockAsset = cmd.side() == Side.BUY ? inst.quoteAsset : inst.baseAsset;
            lockAmount = cmd.side() == Side.BUY ? (cmd.quoteOrderQty() > 0 ? cmd.quoteOrderQty() : sim[1]) : inst.baseUnits(qty);
        } else {
            lockAsset = cmd.side() == Side.BUY ? inst.quoteAsset : inst.baseAsset;
            lockAmount = cmd.side() == Side.BUY ? inst.notional(buyReference(m, cmd), qty) : inst.baseUnits(qty);
        }
        if (a.free(lockAsset) < lockAmount) {
            return new Outcome.Rejected(Reject.INSUFFICIENT_BALANCE);
        }
        Order o = newOrder(a, inst, cmd, qty, cmd.clientOrderId(), null);
        o.lock = new LockHolder(lockAsset, lockAmount, 1);
        a.lock(lockAsset, lockAmount);
        events.dirty(a);
        exec.commandOrder = o;
        events.orderUpdate(o, ExecutionType.NEW, o.clientOrderId, "", 0, 0, 0, 0, null, -1, false, exec.now);
        if (cmd.type().isConditional()) {
            m.triggers.add(o);
            events.flushAccounts(exec.now);
        } else {
            if (cmd.tif() == TimeInForce.GTC || cmd.type() == OrderType.LIMIT_MAKER) {
                events.flushAccounts(exec.now);
            }
            exec.work(m, o);
        }
        return new Outcome.Placed(o.view(), exec.commandFills, exec.now);
    }

    /** POST /api/v3/order/test: every check of a placement, without placing. */
    public Reject test(Account a, NewOrder cmd) {
        Market m = markets.get(cmd.symbol());
        if (m == null) {
            return new Reject(-1121, "Invalid symbol.");
        }
        Reject r = OrderRules.check(m.inst, cmd, m.lastPrice, a.openOrderCount(m.inst), m.algoOrders(a), 1);
        return r != null ? r : engineChecks(a, m, cmd);
    }

    /** The price a BUY locks funds at: its limit, else its stop (moved by the trailing delta), else the last price. */
    static long buyReference(Market m, NewOrder cmd) {
        if (cmd.type().hasLimitPrice()) {
            return cmd.price();
        }
        long ref = cmd.stopPrice() > 0 ? cmd.stopPrice() : m.lastPrice;
        return cmd.trailingDelta() > 0 ? m.inst.shiftByBips(ref, cmd.trailingDelta(), true) : ref;
    }

    Reject engineChecks(Account a, Market m, NewOrder cmd) {
        if (a.openByClientId(cmd.clientOrderId()) != null) {
            return Reject.DUPLICATE;
        }
        if (cmd.type().isConditional() && cmd.stopPrice() > 0
                && OrderRules.stopConditionMet(cmd.type(), cmd.side(), cmd.stopPrice(), m.lastPrice)) {
            return Reject.WOULD_TRIGGER;
        }
        if (cmd.type() == OrderType.LIMIT_MAKER) {
            long best = exec.bestOpposite(m, cmd.side());
            if (best > 0 && (cmd.side() == Side.BUY ? best <= cmd.price() : best >= cmd.price())) {
                return Reject.WOULD_TAKE;
            }
        }
        return null;
    }

    Order newOrder(Account a, Instrument inst, NewOrder cmd, long qty, String clientOrderId, OrderList list) {
        Order o = new Order(nextOrderId++, a, inst, clientOrderId, cmd.side(), cmd.type(), cmd.tif(), cmd.price(), qty,
                cmd.quoteOrderQty(), cmd.stopPrice(), cmd.trailingDelta(), exec.now);
        o.list = list;
        o.workingTime = cmd.type().isConditional() ? -1 : exec.now;
        a.remember(o);
        return o;
    }

    // ---- OCO -------------------------------------------------------------------------------------

    public Outcome placeOco(Account a, OcoRequest req, long now) {
        Market m = markets.get(req.symbol());
        if (m == null) {
            return new Outcome.Rejected(new Reject(-1121, "Invalid symbol."));
        }
        begin(now);
        Outcome out = new OcoPlacement(this).place(a, m, req);
        end(m);
        return out;
    }

    // ---- cancels ---------------------------------------------------------------------------------

    public Outcome cancel(Account a, String symbol, long orderId, String origClientOrderId, String cancelClientOrderId,
                          CancelRestriction restriction, long now) {
        Market m = market(symbol);
        if (m == null) {
            return new Outcome.Rejected(new Reject(-1121, "Invalid symbol."));
        }
        Order o = orderId >= 0 ? a.openOrder(orderId) : a.openByClientId(origClientOrderId);
        if (o == null || !o.status.isOpen() || !o.inst.symbol.equals(symbol)
                || (orderId >= 0 && origClientOrderId != null && !o.clientOrderId.equals(origClientOrderId))) {
            return UNKNOWN_ORDER_CANCEL;
        }
        if (restriction != null && !restriction.allows(o.status)) {
            return new Outcome.Rejected(Reject.CANCEL_RESTRICTED);
        }
        begin(now);
        OrderList list = o.list;
        if (list != null) {
            cancelList(m, list, cancelClientOrderId);
        } else {
            exec.cancel(m, o, cancelClientOrderId);
        }
        end(m);
        return new Outcome.Canceled(o.view(), cancelClientOrderId, list == null ? null : list.view(), now);
    }

    private void cancelList(Market m, OrderList list, String cancelClientOrderId) {
        Order first = list.above.orderId < list.below.orderId ? list.above : list.below;
        for (Order leg : List.of(first, list.other(first))) {
            if (leg.status.isOpen()) {
                exec.cancel(m, leg, cancelClientOrderId);
            }
        }
    }

    /** Cancels every open order and list of the symbol; answers one outcome per order or list. */
    public List<Outcome> cancelAll(Account a, String symbol, String cancelClientOrderId, long now) {
        Market m = markets.get(symbol);
        List<Order> open = a.openOrders(symbol);
        List<Outcome> out = new ArrayList<>();
        if (m == null || open.isEmpty()) {
            return out;
        }
        begin(now);
        for (Order o : open) {
            if (!o.status.isOpen()) {
                continue;
            }
            if (o.list != null) {
                cancelList(m, o.list, cancelClientOrderId);
                out.add(new Outcome.ListCanceled(o.list.view(), cancelClientOrderId, now));
            } else {
                exec.cancel(m, o, cancelClientOrderId);
                out.add(new Outcome.Canceled(o.view(), cancelClientOrderId, null, now));
            }
        }
        end(m);
        return out;
    }

    public Outcome cancelOrderList(Account a, String symbol, long listId, String listClientOrderId,
                                   String cancelClientOrderId, long now) {
        Market m = markets.get(symbol);
        if (m == null) {
            return new Outcome.Rejected(new Reject(-1121, "Invalid symbol."));
        }
        OrderList list = listId >= 0 ? a.lists.get(listId) : a.listsByClientId.get(listClientOrderId);
        if (list == null || list.done || !list.inst.symbol.equals(symbol)) {
            return new Outcome.Rejected(new Reject(-2011, "Order list does not exist."));
        }
        begin(now);
        cancelList(m, list, cancelClientOrderId);
        end(m);
        return new Outcome.ListCanceled(list.view(), cancelClientOrderId, now);
    }

    // ---- outside trades --------------------------------------------------------------------------

    /**
     * A trade in the wider market at {@code price}: resting orders it passes through fill at their own
     * price, then it becomes the last price and the stops react.
     */
    public void marketTrade(String symbol, long price, long qty, long now) {
        Market m = markets.get(symbol);
        if (m == null || price <= 0) {
            throw new IllegalArgumentException("unknown symbol or bad price");
        }
        begin(now);
        for (Side resting : new Side[]{Side.BUY, Side.SELL}) {
            PriceLevel lvl;
            while ((lvl = m.book.best(resting)) != null
                    && (resting == Side.BUY ? lvl.price >= price : lvl.price <= price)) {
                Order maker = lvl.head;
                exec.trade(m, null, maker, maker.price, maker.remaining());
            }
        }
        boolean buyerMaker = price < m.lastPrice;
        m.lastPrice = price;
        m.touched = true;
        m.pushPrice(price);
        events.publicTrade(m.inst, exec.nextTradeId++, price, Math.max(qty, m.inst.step), now, buyerMaker);
        end(m);
    }

    // ---- command frame ---------------------------------------------------------------------------

    private void begin(long now) {
        exec.now = now;
        exec.commandOrder = null;
        exec.commandFills.clear();
    }

    private void end(Market m) {
        exec.drain(m);
        events.flushAccounts(exec.now);
        if (m.touched) {
            m.touched = false;
            if (events.isOn()) {
                Depth.publishTop(exec, events, m);
            }
        }
    }

    /** Read-only questions about the state (orders, trades, depth, ledgers). */
    public EngineQueries queries() {
        return queries;
    }

    Map<String, Market> markets() {
        return markets;
    }

    Execution execution() {
        return exec;
    }

    Events events() {
        return events;
    }

    long takeListId() {
        return nextListId++;
    }

    int historyLimit() {
        return historyLimit;
    }

    Assets assets() {
        return assets;
    }

    /** Book levels merged with the house depth, best first: {price, qty}. */
    List<long[]> depthSide(Market m, Side side, int limit) {
        return Depth.side(exec, m, side, limit);
    }
}
