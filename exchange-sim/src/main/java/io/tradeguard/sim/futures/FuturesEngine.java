package io.tradeguard.sim.futures;

import io.tradeguard.sim.engine.Liquidity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The USDⓈ-M futures exchange: contracts with a book and a mark price, accounts with one USDT wallet and
 * one-way positions, the margin model of binance-api.md §6.8, liquidation, funding and the algo service.
 * Single-threaded: the caller holds the simulator's lock. Everything that happened leaves, in order,
 * through the event sink.
 */
public final class FuturesEngine {
    public static final long FUNDING_INTERVAL_MILLIS = 8 * 3_600_000L;
    private static final BigDecimal BIPS = new BigDecimal("10000");
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    /** MARGIN_CALL once maintenance reaches this share of the margin balance (the simulator's choice). */
    private static final BigDecimal MARGIN_CALL_RATIO = new BigDecimal("0.8");

    private final Map<String, Contract> contracts = new LinkedHashMap<>();
    private final Map<Long, FAccount> accounts = new LinkedHashMap<>();
    private final Consumer<FuturesEvent> out;
    private final Liquidity liquidity;
    private Brackets brackets;
    private long nextOrderId = 1;
    private long nextAlgoId = 1;
    private long nextTradeId = 1;
    private long nextIncomeId = 9_689_322_392L;
    private long now;

    public FuturesEngine(Map<String, BigDecimal> initialPrices, Liquidity liquidity, Brackets brackets, long now,
                         Consumer<FuturesEvent> out) {
        this.out = Objects.requireNonNull(out, "out");
        this.liquidity = Objects.requireNonNull(liquidity, "liquidity");
        this.brackets = brackets;
        long nextFunding = (now / FUNDING_INTERVAL_MILLIS + 1) * FUNDING_INTERVAL_MILLIS;
        for (Contract c : Contract.defaults(initialPrices)) {
            if (brackets.has(c.symbol)) {
                c.nextFundingTime = nextFunding;
                contracts.put(c.symbol, c);
            }
        }
    }

    // ---- reference data ------------------------------------------------------------------------

    public Contract contract(String symbol) {
        return symbol == null ? null : contracts.get(symbol);
    }

    public Collection<Contract> contracts() {
        return List.copyOf(contracts.values());
    }

    public Brackets brackets() {
        return brackets;
    }

    /** Replaces the maintenance brackets; every served symbol must keep a table. */
    public void replaceBrackets(Brackets b, long now) {
        for (String s : contracts.keySet()) {
            if (!b.has(s)) {
                throw new IllegalArgumentException("brackets must cover " + s);
            }
        }
        for (FAccount a : accounts.values()) {
            for (Map.Entry<String, FAccount.Slot> e : a.slots.entrySet()) {
                if (e.getValue().leverage > b.maxLeverage(e.getKey())) {
                    e.getValue().leverage = b.maxLeverage(e.getKey());
                }
            }
        }
        this.brackets = b;
        this.now = now;
        checkRisk();
    }

    // ---- accounts ------------------------------------------------------------------------------

    public FAccount openAccount(long id, String apiKey, BigDecimal usdt) {
        if (usdt.signum() < 0) {
            throw new IllegalArgumentException("negative futures balance");
        }
        FAccount a = new FAccount(id, apiKey, usdt);
        accounts.put(id, a);
        return a;
    }

    public FAccount account(long id) {
        return accounts.get(id);
    }

    public Collection<FAccount> accounts() {
        return List.copyOf(accounts.values());
    }

    public void setRates(FAccount a, BigDecimal maker, BigDecimal taker) {
        if (maker.signum() < 0 || taker.signum() < 0 || maker.compareTo(BigDecimal.ONE) > 0 || taker.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("commission rates are between 0 and 1");
        }
        a.makerRate = maker;
        a.takerRate = taker;
    }

    /** A deposit or withdrawal of USDT (reason DEPOSIT / WITHDRAW). */
    public void adjustWallet(FAccount a, BigDecimal delta, long now) {
        this.now = now;
        if (a.crossWallet().add(delta).signum() < 0) {
            throw new IllegalArgumentException("the cross wallet would go negative");
        }
        a.wallet = a.wallet.add(delta);
        accountUpdate(a, delta.signum() >= 0 ? "DEPOSIT" : "WITHDRAW", delta, List.of());
        checkRisk();
    }

    /** POST /sim/v1/positions: a position as if opened earlier; the isolated wallet comes out of the wallet. */
    public void seedPosition(FAccount a, String symbol, BigDecimal amt, BigDecimal entry, int leverage, boolean isolated,
                             BigDecimal isolatedWallet, long now) {
        Contract c = require(symbol);
        this.now = now;
        if (leverage < 1 || leverage > brackets.maxLeverage(symbol)) {
            throw new IllegalArgumentException("leverage 1-" + brackets.maxLeverage(symbol) + " for " + symbol);
        }
        if (!c.onStep(amt) || (amt.signum() != 0 && (entry == null || entry.signum() <= 0))) {
            throw new IllegalArgumentException("position_amt must be a multiple of the step and entry_price positive");
        }
        FAccount.Slot s = a.slot(symbol);
        BigDecimal iso = isolated ? isolatedWallet : BigDecimal.ZERO;
        if (iso.signum() < 0 || a.crossWallet().add(s.isolatedWallet).subtract(iso).signum() < 0) {
            throw new IllegalArgumentException("isolated_wallet must be covered by the wallet balance");
        }
        if (!a.openOrders(symbol).isEmpty()) {
            throw new IllegalArgumentException("cancel the open orders of " + symbol + " first");
        }
        s.leverage = leverage;
        s.isolated = isolated;
        s.amt = amt;
        s.entry = amt.signum() == 0 ? BigDecimal.ZERO : entry;
        s.isolatedWallet = amt.signum() == 0 ? BigDecimal.ZERO : iso;
        s.updateTime = now;
        s.marginCalled = false;
        accountUpdate(a, "ADJUSTMENT", BigDecimal.ZERO, List.of(symbol));
        checkRisk();
    }

    public int leverage(FAccount a, String symbol) {
        return a.slot(symbol).leverage;
    }

    public boolean isolated(FAccount a, String symbol) {
        return a.slot(symbol).isolated;
    }

    /** POST /fapi/v1/leverage. */
    public BigDecimal changeLeverage(FAccount a, String symbol, int leverage, long now) {
        require(symbol);
        this.now = now;
        if (leverage < 1 || leverage > brackets.maxLeverage(symbol)) {
            throw new FuturesReject(-4028, "Leverage " + leverage + " is not valid");
        }
        FAccount.Slot s = a.slot(symbol);
        Contract c = contracts.get(symbol);
        BigDecimal notional = Margin.notional(s.amt, c.markPrice);
        if (notional.compareTo(brackets.maxNotional(symbol, leverage)) > 0) {
            throw new FuturesReject(-2027, "Exceeded the maximum allowable position at current leverage.");
        }
        if (s.isolated && s.amt.signum() != 0 && leverage < s.leverage) {
            throw new FuturesReject(-4161, "Leverage reduction is not supported in Isolated Margin Mode with open positions.");
        }
        if (!s.isolated && s.amt.signum() != 0 && leverage < s.leverage) {
            int old = s.leverage;
            s.leverage = leverage;
            if (available(a).signum() < 0) {
                s.leverage = old;
                throw new FuturesReject(-2028, "Leverage is smaller than permitted: insufficient margin balance.");
            }
        }
        s.leverage = leverage;
        out.accept(new FuturesEvent.ConfigUpdate(a.id, symbol, leverage, now));
        return brackets.maxNotional(symbol, leverage);
    }

    /** POST /fapi/v1/marginType. */
    public void changeMarginType(FAccount a, String symbol, boolean isolated) {
        require(symbol);
        FAccount.Slot s = a.slot(symbol);
        if (s.isolated == isolated) {
            throw new FuturesReject(-4046, "No need to change margin type.");
        }
        if (!a.openOrders(symbol).isEmpty() || !a.openAlgos(symbol).isEmpty()) {
            throw new FuturesReject(-4047, "Margin type cannot be changed if there exists open orders.");
        }
        if (s.amt.signum() != 0) {
            throw new FuturesReject(-4048, "Margin type cannot be changed if there exists position.");
        }
        s.isolated = isolated;
    }

    // ---- derived numbers -----------------------------------------------------------------------

    /** Every number of one position, per §6.5 and §6.8. */
    public record PositionRisk(String symbol, BigDecimal amt, BigDecimal entry, BigDecimal mark, BigDecimal unrealized,
                               BigDecimal notional, BigDecimal initialMargin, BigDecimal maintMargin, BigDecimal roe,
                               BigDecimal liquidationPrice, int leverage, boolean isolated, BigDecimal isolatedWallet,
                               BigDecimal openOrderInitialMargin, BigDecimal maxNotional, BigDecimal breakEven,
                               long updateTime) {
    }

    public PositionRisk risk(FAccount a, String symbol) {
        Contract c = require(symbol);
        FAccount.Slot s = a.slot(symbol);
        BigDecimal mark = c.markPrice;
        BigDecimal upnl = Margin.unrealizedPnl(s.amt, s.entry, mark);
        BigDecimal wallet;
        BigDecimal otherMaint = BigDecimal.ZERO;
        BigDecimal otherUpnl = BigDecimal.ZERO;
        if (s.isolated) {
            wallet = s.isolatedWallet;
        } else {
            wallet = a.crossWallet();
            for (Map.Entry<String, FAccount.Slot> e : a.slots.entrySet()) {
                FAccount.Slot o = e.getValue();
                if (e.getKey().equals(symbol) || o.isolated || o.amt.signum() == 0) {
                    continue;
                }
                BigDecimal m = contracts.get(e.getKey()).markPrice;
                otherMaint = otherMaint.add(Margin.maintenanceMargin(brackets, e.getKey(), o.amt, m));
                otherUpnl = otherUpnl.add(Margin.unrealizedPnl(o.amt, o.entry, m));
            }
        }
        BigDecimal takerRate = a.takerRate;
        BigDecimal breakEven = s.amt.signum() == 0 ? BigDecimal.ZERO
                : Margin.round(s.entry.multiply(BigDecimal.ONE.add(BigDecimal.valueOf(s.amt.signum()).multiply(takerRate).multiply(new BigDecimal(2)))));
        return new PositionRisk(symbol, s.amt, s.entry, mark, upnl, s.amt.multiply(mark),
                Margin.initialMargin(s.amt, mark, s.leverage), Margin.maintenanceMargin(brackets, symbol, s.amt, mark),
                Margin.roe(s.amt, s.entry, mark, s.leverage),
                Margin.liquidationPrice(brackets, symbol, s.amt, s.entry, wallet, otherMaint, otherUpnl),
                s.leverage, s.isolated, s.isolatedWallet, openOrderMargin(a, symbol),
                brackets.maxNotional(symbol, s.leverage), breakEven, s.updateTime);
    }

    /** Initial margin held by the open orders of a symbol: the part of each that would grow the position. */
    public BigDecimal openOrderMargin(FAccount a, String symbol) {
        FAccount.Slot s = a.slot(symbol);
        BigDecimal buyRoom = s.amt.signum() < 0 ? s.amt.negate() : BigDecimal.ZERO;
        BigDecimal sellRoom = s.amt.signum() > 0 ? s.amt : BigDecimal.ZERO;
        BigDecimal sum = BigDecimal.ZERO;
        for (FOrder o : a.openOrders(symbol)) {
            if (o.reduceOnly) {
                continue;
            }
            BigDecimal rem = o.remaining();
            BigDecimal room = o.side == FOrder.Side.BUY ? buyRoom : sellRoom;
            BigDecimal closing = rem.min(room);
            if (o.side == FOrder.Side.BUY) {
                buyRoom = buyRoom.subtract(closing);
            } else {
                sellRoom = sellRoom.subtract(closing);
            }
            sum = sum.add(Margin.initialMargin(rem.subtract(closing), o.price, s.leverage));
        }
        return sum;
    }

    /** Account totals (§6.5): margins of cross positions and orders, unrealized P&amp;L. */
    public record Totals(BigDecimal wallet, BigDecimal crossWallet, BigDecimal unrealized, BigDecimal crossUnrealized,
                         BigDecimal positionInitialMargin, BigDecimal openOrderInitialMargin, BigDecimal maintMargin,
                         BigDecimal available) {
        public BigDecimal marginBalance() {
            return wallet.add(unrealized);
        }

        public BigDecimal initialMargin() {
            return positionInitialMargin.add(openOrderInitialMargin);
        }
    }

    public Totals totals(FAccount a) {
        BigDecimal upnl = BigDecimal.ZERO;
        BigDecimal crossUpnl = BigDecimal.ZERO;
        BigDecimal posIm = BigDecimal.ZERO;
        BigDecimal crossPosIm = BigDecimal.ZERO;
        BigDecimal ordIm = BigDecimal.ZERO;
        BigDecimal mm = BigDecimal.ZERO;
        for (Map.Entry<String, FAccount.Slot> e : a.slots.entrySet()) {
            FAccount.Slot s = e.getValue();
            BigDecimal mark = contracts.get(e.getKey()).markPrice;
            BigDecimal u = Margin.unrealizedPnl(s.amt, s.entry, mark);
            BigDecimal im = Margin.initialMargin(s.amt, mark, s.leverage);
            upnl = upnl.add(u);
            posIm = posIm.add(im);
            ordIm = ordIm.add(openOrderMargin(a, e.getKey()));
            mm = mm.add(Margin.maintenanceMargin(brackets, e.getKey(), s.amt, mark));
            if (!s.isolated) {
                crossUpnl = crossUpnl.add(u);
                crossPosIm = crossPosIm.add(im);
            }
        }
        BigDecimal available = a.crossWallet().add(crossUpnl).subtract(crossPosIm).subtract(ordIm);
        return new Totals(a.wallet, a.crossWallet(), upnl, crossUpnl, posIm, ordIm, mm, available);
    }

    /** What a new order may still commit: cross wallet + cross unrealized − cross position and order margins. */
    BigDecimal available(FAccount a) {
        return totals(a).available();
    }

    // ---- orders --------------------------------------------------------------------------------

    public FOrder.View place(FAccount a, NewFuturesOrder cmd, long now) {
        Contract c = require(cmd.symbol());
        this.now = now;
        check(a, c, cmd);
        FOrder o = new FOrder(nextOrderId++, a, c, cmd.clientOrderId(), cmd.side(), cmd.type(), cmd.type(),
                cmd.type().equals("MARKET") ? "GTC" : cmd.timeInForce(), cmd.price() == null ? BigDecimal.ZERO : cmd.price(),
                cmd.quantity(), cmd.reduceOnly(), false, "CONTRACT_PRICE", BigDecimal.ZERO, now, 0);
        submit(o);
        settle(c);
        return o.view();
    }

    private void check(FAccount a, Contract c, NewFuturesOrder cmd) {
        BigDecimal qty = cmd.quantity();
        boolean market = cmd.type().equals("MARKET");
        if (qty.signum() <= 0) {
            throw new FuturesReject(-4003, "Quantity less than or equal to zero.");
        }
        if (!c.onStep(qty)) {
            throw new FuturesReject(-1111, "Precision is over the maximum defined for this asset.");
        }
        if (qty.compareTo(c.minQty) < 0) {
            throw new FuturesReject(-4004, "Quantity less than min quantity.");
        }
        if (qty.compareTo(market ? c.marketMaxQty : c.maxQty) > 0) {
            throw new FuturesReject(-4005, "Quantity greater than max quantity.");
        }
        BigDecimal ref = market ? c.markPrice : cmd.price();
        if (!market) {
            BigDecimal p = cmd.price();
            if (p.signum() <= 0 || p.compareTo(c.minPrice) < 0) {
                throw new FuturesReject(-4013, "Price less than min price.");
            }
            if (!c.onTick(p)) {
                throw new FuturesReject(-4014, "Price not increased by tick size.");
            }
            BigDecimal up = c.markPrice.multiply(Contract.MULTIPLIER_UP);
            BigDecimal down = c.markPrice.multiply(Contract.MULTIPLIER_DOWN);
            if (cmd.side() == FOrder.Side.BUY && p.compareTo(up) > 0) {
                throw new FuturesReject(-4016, "Limit price can't be higher than " + c.priceText(up.setScale(c.priceScale(), RoundingMode.DOWN)) + ".");
            }
            if (cmd.side() == FOrder.Side.SELL && p.compareTo(down) < 0) {
                throw new FuturesReject(-4024, "Limit price can't be lower than " + c.priceText(down.setScale(c.priceScale(), RoundingMode.UP)) + ".");
            }
        }
        if (!cmd.reduceOnly() && qty.multiply(ref).compareTo(c.minNotional) < 0) {
            throw new FuturesReject(-4164, "Order's notional must be no smaller than " + c.minNotional.toPlainString()
                    + " (unless you choose reduce only).");
        }
        if (cmd.clientOrderId() != null && a.openByClientId.containsKey(cmd.clientOrderId())) {
            throw new FuturesReject(-4116, "ClientOrderId is duplicated.");
        }
        if (a.openOrders(c.symbol).size() >= Contract.MAX_NUM_ORDERS) {
            throw new FuturesReject(-2025, "Reach max open order limit.");
        }
        FAccount.Slot s = a.slot(c.symbol);
        BigDecimal closingRoom = s.amt.signum() == -cmd.side().sign() ? s.amt.abs() : BigDecimal.ZERO;
        if (cmd.reduceOnly()) {
            if (closingRoom.signum() == 0) {
                throw FuturesReject.reduceOnly();
            }
        } else {
            BigDecimal growing = qty.subtract(closingRoom).max(BigDecimal.ZERO);
            if (growing.signum() > 0) {
                BigDecimal newNotional = s.amt.abs().subtract(qty.min(closingRoom)).add(growing).multiply(ref);
                if (newNotional.compareTo(brackets.maxNotional(c.symbol, s.leverage)) > 0) {
                    throw new FuturesReject(-2027, "Exceeded the maximum allowable position at current leverage.");
                }
                BigDecimal needed = Margin.initialMargin(growing, ref, s.leverage);
                if (needed.compareTo(available(a)) > 0) {
                    throw FuturesReject.marginInsufficient();
                }
            }
        }
        if (cmd.timeInForce() != null && !market) {
            if (cmd.timeInForce().equals("GTX") && crossesNow(c, cmd.side(), cmd.price())) {
                throw new FuturesReject(-5022, "Due to the order could not be executed as maker, the Post Only order will be rejected. The order will not be recorded in the order history");
            }
            if (cmd.timeInForce().equals("FOK") && fillable(c, cmd.side(), cmd.price(), qty).compareTo(qty) < 0) {
                throw new FuturesReject(-5021, "Due to the order could not be filled immediately, the FOK order has been rejected. The order will not be recorded in the order history");
            }
        }
    }

    /** Rests or executes a checked order, emitting NEW first. */
    private void submit(FOrder o) {
        FAccount a = o.account;
        a.orders.put(o.orderId, o);
        a.openByClientId.put(o.clientOrderId, o);
        orderUpdate(o, "NEW", null, null, null, 0, false, BigDecimal.ZERO);
        execute(o);
        Contract c = o.contract;
        if (o.isOpen()) {
            boolean rest = o.type.equals("LIMIT") && (o.timeInForce.equals("GTC") || o.timeInForce.equals("GTX"));
            if (rest) {
                c.book(o.side).computeIfAbsent(o.price, p -> new ArrayList<>()).add(o);
                c.bookUpdateId++;
                bookTicker(c);
            } else {
                end(o, FOrder.Status.EXPIRED, "EXPIRED");
            }
        }
    }

    /** The taker part of an order: resting orders and the house depth, best price first, within its limit. */
    private void execute(FOrder taker) {
        Contract c = taker.contract;
        FOrder.Side restingSide = taker.side.opposite();
        BigDecimal anchor = c.lastPrice;
        int houseLevel = 1;
        BigDecimal houseLeft = houseQty(c, anchor, restingSide, houseLevel);
        boolean isLimit = !taker.type.equals("MARKET");
        while (taker.remaining().signum() > 0) {
            BigDecimal qtyCap = taker.remaining();
            if (taker.reduceOnly) {
                FAccount.Slot s = taker.account.slot(c.symbol);
                BigDecimal room = s.amt.signum() == -taker.side.sign() ? s.amt.abs() : BigDecimal.ZERO;
                qtyCap = qtyCap.min(room);
                if (qtyCap.signum() == 0) {
                    break;
                }
            }
            FOrder maker = bestResting(c, restingSide);
            BigDecimal housePrice = houseLevel <= liquidity.levels() && houseLeft.signum() > 0
                    ? housePrice(c, anchor, restingSide, houseLevel) : null;
            boolean useMaker = maker != null && (housePrice == null || better(restingSide, maker.price, housePrice));
            BigDecimal price = useMaker ? maker.price : housePrice;
            if (price == null || (isLimit && (taker.side == FOrder.Side.BUY ? price.compareTo(taker.price) > 0 : price.compareTo(taker.price) < 0))) {
                break;
            }
            BigDecimal qty = qtyCap.min(useMaker ? maker.remaining() : houseLeft);
            fill(taker, price, qty, false);
            if (useMaker) {
                fill(maker, price, qty, true);
                if (!maker.isOpen()) {
                    removeResting(maker);
                }
                c.bookUpdateId++;
            } else {
                houseLeft = houseLeft.subtract(qty);
                if (houseLeft.signum() == 0) {
                    houseLevel++;
                    houseLeft = houseLevel <= liquidity.levels() ? houseQty(c, anchor, restingSide, houseLevel) : BigDecimal.ZERO;
                }
            }
            c.lastPrice = price;
            out.accept(new FuturesEvent.Trade(c.symbol, nextTradeId - 1, c.priceText(price), c.qtyText(qty), now,
                    taker.side == FOrder.Side.SELL));
        }
    }

    private static boolean better(FOrder.Side restingSide, BigDecimal a, BigDecimal b) {
        return restingSide == FOrder.Side.SELL ? a.compareTo(b) <= 0 : a.compareTo(b) >= 0;
    }

    private FOrder bestResting(Contract c, FOrder.Side side) {
        var e = c.book(side).firstEntry();
        return e == null ? null : e.getValue().get(0);
    }

    private void removeResting(FOrder o) {
        var book = o.contract.book(o.side);
        List<FOrder> level = book.get(o.price);
        if (level != null) {
            level.remove(o);
            if (level.isEmpty()) {
                book.remove(o.price);
            }
        }
    }

    /** House level k: k × spacing bips from the anchor, rounded to the tick away from it. */
    private BigDecimal housePrice(Contract c, BigDecimal anchor, FOrder.Side restingSide, int level) {
        BigDecimal shift = BigDecimal.valueOf((long) liquidity.spacingBips() * level).divide(BIPS);
        BigDecimal raw = restingSide == FOrder.Side.SELL ? anchor.multiply(BigDecimal.ONE.add(shift)) : anchor.multiply(BigDecimal.ONE.subtract(shift));
        BigDecimal ticks = raw.divide(c.tickSize, 0, restingSide == FOrder.Side.SELL ? RoundingMode.CEILING : RoundingMode.FLOOR);
        return ticks.multiply(c.tickSize);
    }

    private BigDecimal houseQty(Contract c, BigDecimal anchor, FOrder.Side restingSide, int level) {
        if (level > liquidity.levels()) {
            return BigDecimal.ZERO;
        }
        BigDecimal p = housePrice(c, anchor, restingSide, level);
        if (p.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal steps = liquidity.quotePerLevel().divide(p.multiply(c.stepSize), 0, RoundingMode.FLOOR);
        return steps.max(BigDecimal.ONE).multiply(c.stepSize);
    }

    private boolean crossesNow(Contract c, FOrder.Side side, BigDecimal price) {
        FOrder.Side resting = side.opposite();
        FOrder best = bestResting(c, resting);
        if (best != null && (side == FOrder.Side.BUY ? best.price.compareTo(price) <= 0 : best.price.compareTo(price) >= 0)) {
            return true;
        }
        if (liquidity.levels() == 0) {
            return false;
        }
        BigDecimal house = housePrice(c, c.lastPrice, resting, 1);
        return side == FOrder.Side.BUY ? house.compareTo(price) <= 0 : house.compareTo(price) >= 0;
    }

    /** Quantity available to a taker within {@code limit}: resting orders plus the house levels. */
    private BigDecimal fillable(Contract c, FOrder.Side side, BigDecimal limit, BigDecimal wanted) {
        FOrder.Side resting = side.opposite();
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<BigDecimal, List<FOrder>> e : c.book(resting).entrySet()) {
            if (side == FOrder.Side.BUY ? e.getKey().compareTo(limit) > 0 : e.getKey().compareTo(limit) < 0) {
                break;
            }
            for (FOrder o : e.getValue()) {
                sum = sum.add(o.remaining());
            }
        }
        for (int k = 1; k <= liquidity.levels() && sum.compareTo(wanted) < 0; k++) {
            BigDecimal p = housePrice(c, c.lastPrice, resting, k);
            if (side == FOrder.Side.BUY ? p.compareTo(limit) > 0 : p.compareTo(limit) < 0) {
                break;
            }
            sum = sum.add(houseQty(c, c.lastPrice, resting, k));
        }
        return sum;
    }

    /** One fill of one order: position, wallet, fee, the trade, ORDER_TRADE_UPDATE then ACCOUNT_UPDATE. */
    private void fill(FOrder o, BigDecimal price, BigDecimal qty, boolean maker) {
        FAccount a = o.account;
        Contract c = o.contract;
        BigDecimal quote = price.multiply(qty);
        BigDecimal fee = Margin.round(quote.multiply(maker ? a.makerRate : a.takerRate));
        BigDecimal realized = applyToPosition(a, c, o.side, qty, price);
        a.wallet = a.wallet.add(realized).subtract(fee);
        a.updateTime = now;
        o.executedQty = o.executedQty.add(qty);
        o.cumQuote = o.cumQuote.add(quote);
        o.status = o.remaining().signum() == 0 ? FOrder.Status.FILLED : FOrder.Status.PARTIALLY_FILLED;
        o.updateTime = now;
        long tradeId = maker ? nextTradeId - 1 : nextTradeId++;
        a.trades.add(new FAccount.Trade(tradeId, c.symbol, o.orderId, o.side.name(), price, qty, quote, realized, fee, maker, now));
        orderUpdate(o, "TRADE", qty, price, fee, tradeId, maker, realized);
        accountUpdate(a, "ORDER", BigDecimal.ZERO, List.of(c.symbol));
        if (!o.isOpen()) {
            a.openByClientId.remove(o.clientOrderId, o);
            algoOrderEnded(o);
        }
    }

    /** Moves the one-way position by a fill; returns the realized P&amp;L of the part that closed. */
    private BigDecimal applyToPosition(FAccount a, Contract c, FOrder.Side side, BigDecimal qty, BigDecimal price) {
        FAccount.Slot s = a.slot(c.symbol);
        s.updateTime = now;
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal opening = qty;
        if (s.amt.signum() == -side.sign()) {
            BigDecimal size = s.amt.abs();
            BigDecimal closing = qty.min(size);
            realized = closing.multiply(price.subtract(s.entry)).multiply(BigDecimal.valueOf(s.amt.signum()));
            if (s.isolated) {
                BigDecimal release = closing.compareTo(size) == 0 ? s.isolatedWallet
                        : Margin.round(s.isolatedWallet.multiply(closing).divide(size, Margin.SCALE + 4, RoundingMode.HALF_UP));
                s.isolatedWallet = s.isolatedWallet.subtract(release);
            }
            s.amt = s.amt.add(closing.multiply(BigDecimal.valueOf(side.sign())));
            if (s.amt.signum() == 0) {
                s.entry = BigDecimal.ZERO;
            }
            s.realized = s.realized.add(realized);
            opening = qty.subtract(closing);
        }
        if (opening.signum() > 0) {
            BigDecimal size = s.amt.abs();
            s.entry = Margin.round(size.multiply(s.entry).add(opening.multiply(price)).divide(size.add(opening), Margin.SCALE + 4, RoundingMode.HALF_UP))
                    .stripTrailingZeros();
            s.amt = s.amt.add(opening.multiply(BigDecimal.valueOf(side.sign())));
            if (s.isolated) {
                s.isolatedWallet = s.isolatedWallet.add(Margin.initialMargin(opening, price, s.leverage));
            }
        }
        return realized;
    }

    public FOrder.View cancel(FAccount a, String symbol, Long orderId, String clientOrderId, long now) {
        require(symbol);
        this.now = now;
        FOrder o = find(a, symbol, orderId, clientOrderId);
        if (o == null || !o.isOpen()) {
            throw new FuturesReject(-2011, "Unknown order sent.");
        }
        cancelOrder(o, "CANCELED");
        return o.view();
    }

    private void cancelOrder(FOrder o, String execType) {
        removeResting(o);
        o.contract.bookUpdateId++;
        end(o, FOrder.Status.CANCELED, execType);
        bookTicker(o.contract);
    }

    private void end(FOrder o, FOrder.Status status, String execType) {
        o.status = status;
        o.updateTime = now;
        o.account.openByClientId.remove(o.clientOrderId, o);
        orderUpdate(o, execType, null, null, null, 0, false, BigDecimal.ZERO);
        algoOrderEnded(o);
    }

    public List<FOrder.View> cancelAll(FAccount a, String symbol, long now) {
        require(symbol);
        this.now = now;
        List<FOrder.View> out = new ArrayList<>();
        for (FOrder o : a.openOrders(symbol)) {
            cancelOrder(o, "CANCELED");
            out.add(o.view());
        }
        return out;
    }

    public FOrder.View query(FAccount a, String symbol, Long orderId, String clientOrderId) {
        require(symbol);
        FOrder o = find(a, symbol, orderId, clientOrderId);
        if (o == null) {
            throw new FuturesReject(-2013, "Order does not exist.");
        }
        return o.view();
    }

    private static FOrder find(FAccount a, String symbol, Long orderId, String clientOrderId) {
        if (orderId != null) {
            FOrder o = a.orders.get(orderId);
            return o != null && o.contract.symbol.equals(symbol) ? o : null;
        }
        FOrder found = null;
        for (FOrder o : a.orders.values()) {
            if (o.contract.symbol.equals(symbol) && o.clientOrderId.equals(clientOrderId)) {
                found = o;
            }
        }
        return found;
    }

    public List<FOrder.View> openOrders(FAccount a, String symbol) {
        return a.openOrders(symbol).stream().map(FOrder::view).toList();
    }

    public List<FOrder.View> allOrders(FAccount a, String symbol, int limit) {
        List<FOrder.View> all = a.orders.values().stream().filter(o -> o.contract.symbol.equals(symbol)).map(FOrder::view).toList();
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }

    /**
     * The account's income rows within [start, end], oldest first, at most {@code limit} from the start; null symbol or
     * type means any. The simulator records funding fees (FUNDING_FEE); other income types are not kept.
     */
    public List<FAccount.Income> income(FAccount a, String symbol, String type, long start, long end, int limit) {
        return a.income.stream().filter(i -> (symbol == null || i.symbol().equals(symbol))
                        && (type == null || i.incomeType().equals(type)) && i.time() >= start && i.time() <= end)
                .limit(limit).toList();
    }

    public List<FAccount.Trade> trades(FAccount a, String symbol, int limit) {
        List<FAccount.Trade> all = a.trades.stream().filter(t -> t.symbol().equals(symbol)).toList();
        return all.subList(Math.max(0, all.size() - limit), all.size());
    }

    // ---- algo service --------------------------------------------------------------------------

    public AlgoOrder.View placeAlgo(FAccount a, NewAlgoOrder cmd, long now) {
        Contract c = require(cmd.symbol());
        this.now = now;
        if (cmd.clientAlgoId() != null) {
            for (AlgoOrder x : a.openAlgos(null)) {
                if (x.clientAlgoId.equals(cmd.clientAlgoId())) {
                    throw new FuturesReject(-4116, "ClientOrderId is duplicated.");
                }
            }
        }
        if (a.openAlgos(c.symbol).size() >= Contract.MAX_NUM_ALGO_ORDERS) {
            throw new FuturesReject(-4045, "Reach max stop order limit.");
        }
        BigDecimal price = workingPrice(c, cmd.workingType());
        BigDecimal trigger = cmd.triggerPrice();
        if (trigger != null) {
            if (trigger.signum() <= 0 || !c.onTick(trigger)) {
                throw new FuturesReject(-4014, "Price not increased by tick size.");
            }
            if (conditionMet(cmd.type(), cmd.side(), trigger, price)) {
                throw FuturesReject.wouldTrigger();
            }
        }
        if (cmd.activatePrice() != null && (cmd.side() == FOrder.Side.BUY
                ? cmd.activatePrice().compareTo(price) >= 0 : cmd.activatePrice().compareTo(price) <= 0)) {
            throw FuturesReject.wouldTrigger();
        }
        if (cmd.quantity() != null) {
            if (cmd.quantity().signum() <= 0) {
                throw new FuturesReject(-4003, "Quantity less than or equal to zero.");
            }
            if (!c.onStep(cmd.quantity())) {
                throw new FuturesReject(-1111, "Precision is over the maximum defined for this asset.");
            }
            if (cmd.quantity().compareTo(c.minQty) < 0) {
                throw new FuturesReject(-4004, "Quantity less than min quantity.");
            }
        }
        if (cmd.reduceOnly()) {
            FAccount.Slot s = a.slot(c.symbol);
            if (s.amt.signum() != -cmd.side().sign()) {
                throw FuturesReject.reduceOnly();
            }
        }
        AlgoOrder algo = new AlgoOrder(nextAlgoId++, a, c, cmd.clientAlgoId() != null ? cmd.clientAlgoId() : "algo_" + (nextAlgoId - 1),
                cmd.side(), cmd.type(), cmd.timeInForce(), cmd.quantity(), cmd.price(), trigger, cmd.workingType(),
                cmd.closePosition(), cmd.reduceOnly(), cmd.activatePrice(), cmd.callbackRate(), now);
        if (algo.trailing()) {
            algo.extreme = price;
            algo.activated = cmd.activatePrice() == null;
        }
        a.algos.put(algo.algoId, algo);
        algoUpdate(algo);
        return algo.view(null);
    }

    public AlgoOrder.View cancelAlgo(FAccount a, Long algoId, String clientAlgoId, long now) {
        this.now = now;
        AlgoOrder algo = findAlgo(a, algoId, clientAlgoId);
        if (algo == null || algo.status != AlgoOrder.Status.NEW) {
            throw new FuturesReject(-2011, "Unknown order sent.");
        }
        algo.status = AlgoOrder.Status.CANCELED;
        algo.updateTime = now;
        algoUpdate(algo);
        return algo.view(null);
    }

    public List<AlgoOrder.View> cancelAllAlgos(FAccount a, String symbol, long now) {
        require(symbol);
        List<AlgoOrder.View> out = new ArrayList<>();
        for (AlgoOrder algo : a.openAlgos(symbol)) {
            out.add(cancelAlgo(a, algo.algoId, null, now));
        }
        return out;
    }

    public AlgoOrder.View queryAlgo(FAccount a, Long algoId, String clientAlgoId) {
        AlgoOrder algo = findAlgo(a, algoId, clientAlgoId);
        if (algo == null) {
            throw new FuturesReject(-2013, "Order does not exist.");
        }
        return algo.view(a.orders.get(algo.orderId));
    }

    public List<AlgoOrder.View> algos(FAccount a, String symbol, boolean openOnly) {
        List<AlgoOrder.View> out = new ArrayList<>();
        for (AlgoOrder algo : a.algos.values()) {
            if ((symbol == null || algo.contract.symbol.equals(symbol)) && (!openOnly || algo.status == AlgoOrder.Status.NEW)) {
                out.add(algo.view(a.orders.get(algo.orderId)));
            }
        }
        return out;
    }

    private static AlgoOrder findAlgo(FAccount a, Long algoId, String clientAlgoId) {
        if (algoId != null) {
            return a.algos.get(algoId);
        }
        AlgoOrder found = null;
        for (AlgoOrder x : a.algos.values()) {
            if (x.clientAlgoId.equals(clientAlgoId)) {
                found = x;
            }
        }
        return found;
    }

    private static BigDecimal workingPrice(Contract c, String workingType) {
        return "MARK_PRICE".equals(workingType) ? c.markPrice : c.lastPrice;
    }

    /** §6.2 trigger rules: STOP* BUY at ≥, SELL at ≤; TAKE_PROFIT* BUY at ≤, SELL at ≥. */
    static boolean conditionMet(String type, FOrder.Side side, BigDecimal trigger, BigDecimal price) {
        boolean stop = type.startsWith("STOP");
        boolean up = (side == FOrder.Side.BUY) == stop;
        return up ? price.compareTo(trigger) >= 0 : price.compareTo(trigger) <= 0;
    }

    /** Fires every algo order of the contract whose condition holds now. */
    private boolean fireAlgos(Contract c) {
        boolean fired = false;
        for (FAccount a : accounts.values()) {
            for (AlgoOrder algo : a.openAlgos(c.symbol)) {
                BigDecimal p = workingPrice(c, algo.workingType);
                boolean met;
                if (algo.trailing()) {
                    boolean sell = algo.side == FOrder.Side.SELL;
                    if (sell ? p.compareTo(algo.extreme) > 0 : p.compareTo(algo.extreme) < 0) {
                        algo.extreme = p;
                    }
                    if (!algo.activated && algo.activatePrice != null
                            && (sell ? algo.extreme.compareTo(algo.activatePrice) >= 0 : algo.extreme.compareTo(algo.activatePrice) <= 0)) {
                        algo.activated = true;
                    }
                    BigDecimal rate = algo.callbackRate.divide(HUNDRED);
                    met = algo.activated && (sell ? p.compareTo(algo.extreme.multiply(BigDecimal.ONE.subtract(rate))) <= 0
                            : p.compareTo(algo.extreme.multiply(BigDecimal.ONE.add(rate))) >= 0);
                } else {
                    met = conditionMet(algo.orderType, algo.side, algo.triggerPrice, p);
                }
                if (met) {
                    trigger(algo);
                    fired = true;
                }
            }
        }
        return fired;
    }

    private void trigger(AlgoOrder algo) {
        FAccount a = algo.account;
        Contract c = algo.contract;
        algo.status = AlgoOrder.Status.TRIGGERING;
        algo.triggerTime = now;
        algo.updateTime = now;
        algoUpdate(algo);
        FAccount.Slot s = a.slot(c.symbol);
        BigDecimal qty = algo.quantity;
        if (algo.closePosition) {
            if (s.amt.signum() != -algo.side.sign()) {
                algo.status = AlgoOrder.Status.EXPIRED;
                algo.failure = "no position to close";
                algoUpdate(algo);
                return;
            }
            qty = s.amt.abs();
        }
        boolean market = algo.orderType.endsWith("MARKET");
        NewFuturesOrder cmd = new NewFuturesOrder(c.symbol, algo.side, market ? "MARKET" : "LIMIT",
                market ? null : (algo.timeInForce == null ? "GTC" : algo.timeInForce), market ? null : algo.price, qty,
                algo.reduceOnly || algo.closePosition, algo.clientAlgoId);
        try {
            check(a, c, cmd);
        } catch (FuturesReject r) {
            algo.status = AlgoOrder.Status.REJECTED;
            algo.failure = r.getMessage();
            algoUpdate(algo);
            return;
        }
        FOrder o = new FOrder(nextOrderId++, a, c, cmd.clientOrderId(), cmd.side(), cmd.type(), algo.orderType,
                market ? "GTC" : cmd.timeInForce(), market ? BigDecimal.ZERO : cmd.price(), qty, cmd.reduceOnly(),
                algo.closePosition, algo.workingType, algo.triggerPrice == null ? BigDecimal.ZERO : algo.triggerPrice, now, algo.algoId);
        algo.orderId = o.orderId;
        algo.status = AlgoOrder.Status.TRIGGERED;
        algoUpdate(algo);
        submit(o);
    }

    private void algoOrderEnded(FOrder o) {
        if (o.algoId == 0 || o.isOpen()) {
            return;
        }
        AlgoOrder algo = o.account.algos.get(o.algoId);
        if (algo != null && algo.status == AlgoOrder.Status.TRIGGERED) {
            algo.status = AlgoOrder.Status.FINISHED;
            algo.updateTime = now;
            out.accept(new FuturesEvent.AlgoUpdate(algo.view(o), now));
        }
    }

    // ---- prices, risk, funding -----------------------------------------------------------------

    /**
     * A trade in the wider market at {@code last} (resting orders it passes fill at their own price) and
     * a new mark price ({@code last} when null); then algo orders, liquidations and margin calls react.
     */
    public void setPrices(String symbol, BigDecimal last, BigDecimal mark, long now) {
        Contract c = require(symbol);
        this.now = now;
        if (last != null) {
            for (FOrder.Side resting : FOrder.Side.values()) {
                FOrder o;
                while ((o = bestResting(c, resting)) != null
                        && (resting == FOrder.Side.BUY ? o.price.compareTo(last) >= 0 : o.price.compareTo(last) <= 0)) {
                    nextTradeId++;
                    fill(o, o.price, o.remaining(), true);
                    removeResting(o);
                    c.bookUpdateId++;
                }
            }
            boolean buyerMaker = last.compareTo(c.lastPrice) < 0;
            c.lastPrice = last;
            out.accept(new FuturesEvent.Trade(c.symbol, nextTradeId++, c.priceText(last), c.qtyText(c.minQty), now, buyerMaker));
        }
        if (mark != null || last != null) {
            c.markPrice = mark != null ? mark : last;
        }
        settle(c);
        bookTicker(c);
    }

    /** After anything moved: algo orders (until none fires), then liquidation and margin calls. */
    private void settle(Contract c) {
        for (int round = 0; round < 100 && fireAlgos(c); round++) {
            // a triggered order can move the last price and fire the next one
        }
        checkRisk();
    }

    /** Liquidates every isolated position, and every cross account, whose margin balance is below maintenance. */
    private void checkRisk() {
        for (FAccount a : accounts.values()) {
            for (Map.Entry<String, FAccount.Slot> e : List.copyOf(a.slots.entrySet())) {
                FAccount.Slot s = e.getValue();
                if (!s.isolated || s.amt.signum() == 0) {
                    continue;
                }
                BigDecimal mark = contracts.get(e.getKey()).markPrice;
                BigDecimal equity = s.isolatedWallet.add(Margin.unrealizedPnl(s.amt, s.entry, mark));
                BigDecimal mm = Margin.maintenanceMargin(brackets, e.getKey(), s.amt, mark);
                if (equity.compareTo(mm) < 0) {
                    liquidate(a, List.of(e.getKey()), s.isolatedWallet);
                } else {
                    boolean danger = mm.compareTo(equity.multiply(MARGIN_CALL_RATIO)) >= 0;
                    if (danger && !s.marginCalled) {
                        out.accept(new FuturesEvent.MarginCall(a.id, Margin.round(a.crossWallet()).toPlainString(),
                                List.of(positionRow(a, e.getKey())), now));
                    }
                    s.marginCalled = danger;
                }
            }
            List<String> cross = new ArrayList<>();
            BigDecimal equity = a.crossWallet();
            BigDecimal mm = BigDecimal.ZERO;
            for (Map.Entry<String, FAccount.Slot> e : a.slots.entrySet()) {
                FAccount.Slot s = e.getValue();
                if (s.isolated || s.amt.signum() == 0) {
                    continue;
                }
                BigDecimal mark = contracts.get(e.getKey()).markPrice;
                cross.add(e.getKey());
                equity = equity.add(Margin.unrealizedPnl(s.amt, s.entry, mark));
                mm = mm.add(Margin.maintenanceMargin(brackets, e.getKey(), s.amt, mark));
            }
            if (cross.isEmpty()) {
                a.crossMarginCalled = false;
                continue;
            }
            if (equity.compareTo(mm) < 0) {
                liquidate(a, cross, a.crossWallet());
            } else {
                boolean danger = mm.compareTo(equity.multiply(MARGIN_CALL_RATIO)) >= 0;
                if (danger && !a.crossMarginCalled) {
                    out.accept(new FuturesEvent.MarginCall(a.id, Margin.round(a.crossWallet()).toPlainString(),
                            cross.stream().map(s -> positionRow(a, s)).toList(), now));
                }
                a.crossMarginCalled = danger;
            }
        }
    }

    /**
     * Closes the positions at their mark prices with LIQUIDATION orders ({@code autoclose-…}). The margin
     * that backed them ({@code margin}: the isolated wallet, or the cross wallet) is lost: what is left after
     * the realized loss is the liquidation clearance fee; a loss beyond it is borne by the insurance fund.
     */
    private void liquidate(FAccount a, List<String> symbols, BigDecimal margin) {
        for (String symbol : symbols) {
            for (FOrder o : a.openOrders(symbol)) {
                cancelOrder(o, "CANCELED");
            }
            for (AlgoOrder algo : a.openAlgos(symbol)) {
                algo.status = AlgoOrder.Status.EXPIRED;
                algo.updateTime = now;
                algoUpdate(algo);
            }
        }
        List<FOrder> orders = new ArrayList<>();
        List<BigDecimal> realized = new ArrayList<>();
        BigDecimal left = margin;
        for (String symbol : symbols) {
            Contract c = contracts.get(symbol);
            FAccount.Slot s = a.slot(symbol);
            FOrder o = new FOrder(nextOrderId++, a, c, "autoclose-" + now + "-" + (nextOrderId - 1), s.amt.signum() > 0 ? FOrder.Side.SELL : FOrder.Side.BUY,
                    "LIQUIDATION", "LIQUIDATION", "IOC", c.markPrice, s.amt.abs(), true, false, "CONTRACT_PRICE", BigDecimal.ZERO, now, 0);
            a.orders.put(o.orderId, o);
            orderUpdate(o, "NEW", null, null, null, 0, false, BigDecimal.ZERO);
            BigDecimal r = Margin.unrealizedPnl(s.amt, s.entry, c.markPrice);
            orders.add(o);
            realized.add(r);
            left = left.add(r);
        }
        int last = orders.size() - 1;
        BigDecimal fee = left.max(BigDecimal.ZERO);
        if (left.signum() < 0) {
            realized.set(last, realized.get(last).subtract(left));
        }
        for (int i = 0; i < orders.size(); i++) {
            FOrder o = orders.get(i);
            Contract c = o.contract;
            FAccount.Slot s = a.slot(c.symbol);
            BigDecimal r = realized.get(i);
            BigDecimal f = i == last ? fee : BigDecimal.ZERO;
            s.realized = s.realized.add(r);
            s.amt = BigDecimal.ZERO;
            s.entry = BigDecimal.ZERO;
            s.isolatedWallet = BigDecimal.ZERO;
            s.marginCalled = false;
            s.updateTime = now;
            a.wallet = a.wallet.add(r).subtract(f);
            o.executedQty = o.origQty;
            o.cumQuote = o.origQty.multiply(o.price);
            o.status = FOrder.Status.FILLED;
            long tradeId = nextTradeId++;
            a.trades.add(new FAccount.Trade(tradeId, c.symbol, o.orderId, o.side.name(), o.price, o.origQty, o.cumQuote, r, f, false, now));
            orderUpdate(o, "CALCULATED", o.origQty, o.price, f, tradeId, false, r);
        }
        a.crossMarginCalled = false;
        a.updateTime = now;
        accountUpdate(a, "ORDER", BigDecimal.ZERO, symbols);
    }

    /** Funding of one symbol at its current rate (or {@code rate} when given): longs pay shorts when positive. */
    public void fund(String symbol, BigDecimal rate, long now) {
        Contract c = require(symbol);
        this.now = now;
        if (rate != null) {
            c.fundingRate = rate;
        }
        for (FAccount a : accounts.values()) {
            FAccount.Slot s = a.slots.get(symbol);
            if (s == null || s.amt.signum() == 0) {
                continue;
            }
            BigDecimal payment = Margin.round(s.amt.multiply(c.markPrice).multiply(c.fundingRate)).negate();
            a.wallet = a.wallet.add(payment);
            if (s.isolated) {
                s.isolatedWallet = s.isolatedWallet.add(payment);
            }
            s.updateTime = now;
            a.income.add(new FAccount.Income(nextIncomeId++, symbol, "FUNDING_FEE", payment, "USDT", "FUNDING_FEE", now));
            accountUpdate(a, "FUNDING_FEE", payment, s.isolated ? List.of(symbol) : List.of());
        }
        c.nextFundingTime = Math.max(c.nextFundingTime, (now / FUNDING_INTERVAL_MILLIS + 1) * FUNDING_INTERVAL_MILLIS);
        checkRisk();
    }

    public void setFundingRate(String symbol, BigDecimal rate) {
        require(symbol).fundingRate = rate;
    }

    /** Every second: funding that is due, then the mark price of every contract. */
    public void tick(long now) {
        this.now = now;
        for (Contract c : contracts.values()) {
            if (now >= c.nextFundingTime) {
                fund(c.symbol, null, now);
            }
            out.accept(new FuturesEvent.MarkPrice(c.symbol, c.priceText(c.markPrice), c.priceText(c.lastPrice),
                    c.fundingRate.toPlainString(), c.nextFundingTime, now));
        }
    }

    public List<BigDecimal[]> depth(String symbol, FOrder.Side side, int limit) {
        Contract c = require(symbol);
        java.util.Comparator<BigDecimal> order = side == FOrder.Side.BUY ? java.util.Comparator.<BigDecimal>reverseOrder() : java.util.Comparator.<BigDecimal>naturalOrder();
        Map<BigDecimal, BigDecimal> levels = new java.util.TreeMap<>(order);
        for (Map.Entry<BigDecimal, List<FOrder>> e : c.book(side).entrySet()) {
            BigDecimal q = BigDecimal.ZERO;
            for (FOrder o : e.getValue()) {
                q = q.add(o.remaining());
            }
            levels.merge(e.getKey(), q, BigDecimal::add);
        }
        for (int k = 1; k <= liquidity.levels(); k++) {
            levels.merge(housePrice(c, c.lastPrice, side, k), houseQty(c, c.lastPrice, side, k), BigDecimal::add);
        }
        List<BigDecimal[]> out = new ArrayList<>();
        for (Map.Entry<BigDecimal, BigDecimal> e : levels.entrySet()) {
            if (out.size() >= limit) {
                break;
            }
            out.add(new BigDecimal[]{e.getKey(), e.getValue()});
        }
        return out;
    }

    // ---- events --------------------------------------------------------------------------------

    private void orderUpdate(FOrder o, String execType, BigDecimal lastQty, BigDecimal lastPrice, BigDecimal fee,
                             long tradeId, boolean maker, BigDecimal realized) {
        Contract c = o.contract;
        out.accept(new FuturesEvent.OrderUpdate(o.view(), execType, lastQty == null ? c.qtyText(BigDecimal.ZERO) : c.qtyText(lastQty),
                lastPrice == null ? "0" : c.priceText(lastPrice), fee == null ? null : Margin.round(fee).toPlainString(),
                tradeId, maker, Margin.round(realized).toPlainString(), now));
    }

    private void accountUpdate(FAccount a, String reason, BigDecimal balanceChange, List<String> symbols) {
        List<FuturesEvent.PositionRow> rows = symbols.stream().map(s -> positionRow(a, s)).toList();
        out.accept(new FuturesEvent.AccountUpdate(a.id, reason, now,
                List.of(new FuturesEvent.BalanceRow("USDT", Margin.round(a.wallet).toPlainString(),
                        Margin.round(a.crossWallet()).toPlainString(), Margin.round(balanceChange).toPlainString())), rows));
    }

    FuturesEvent.PositionRow positionRow(FAccount a, String symbol) {
        PositionRisk r = risk(a, symbol);
        Contract c = contracts.get(symbol);
        return new FuturesEvent.PositionRow(symbol, c.qtyText(r.amt()), Margin.round(r.entry()).stripTrailingZeros().toPlainString(),
                Margin.round(r.breakEven()).stripTrailingZeros().toPlainString(), Margin.round(a.slot(symbol).realized).toPlainString(),
                Margin.round(r.unrealized()).toPlainString(), r.isolated() ? "isolated" : "cross",
                Margin.round(r.isolatedWallet()).toPlainString(), c.priceText(r.mark()), Margin.round(r.maintMargin()).toPlainString());
    }

    private void algoUpdate(AlgoOrder algo) {
        out.accept(new FuturesEvent.AlgoUpdate(algo.view(algo.account.orders.get(algo.orderId)), now));
    }

    private void bookTicker(Contract c) {
        List<BigDecimal[]> bid = depth(c.symbol, FOrder.Side.BUY, 1);
        List<BigDecimal[]> ask = depth(c.symbol, FOrder.Side.SELL, 1);
        out.accept(new FuturesEvent.BookTicker(c.symbol, c.bookUpdateId,
                bid.isEmpty() ? "0" : c.priceText(bid.get(0)[0]), bid.isEmpty() ? "0" : c.qtyText(bid.get(0)[1]),
                ask.isEmpty() ? "0" : c.priceText(ask.get(0)[0]), ask.isEmpty() ? "0" : c.qtyText(ask.get(0)[1]), now));
    }

    private Contract require(String symbol) {
        Contract c = contract(symbol);
        if (c == null) {
            throw new FuturesReject(-1121, "Invalid symbol.");
        }
        return c;
    }
}
