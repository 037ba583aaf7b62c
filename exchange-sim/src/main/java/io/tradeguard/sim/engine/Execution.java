package io.tradeguard.sim.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * How orders execute: sweeping the book and the house depth, settling each trade between accounts,
 * finishing orders, firing stops. Owns the ledgers that make money conservation checkable: the house
 * (the outside market) and the commission pool.
 */
final class Execution {
    private static final long RATE_ONE = 100_000_000L;
    private static final long NO_CAP = Long.MAX_VALUE;

    final Liquidity liquidity;
    private final long perLevelQuote;
    final Events events;
    final int historyLimit;
    long[] house = new long[8];
    long[] fees = new long[8];
    long nextTradeId = 1;
    long now;
    /** Fills of the order the current command placed, for its FULL response. */
    Order commandOrder;
    final List<Fill> commandFills = new ArrayList<>();

    Execution(Liquidity liquidity, Events events, int historyLimit) {
        this.liquidity = liquidity;
        this.perLevelQuote = Units.toUnits(liquidity.quotePerLevel(), Units.ASSET_SCALE);
        this.events = events;
        this.historyLimit = historyLimit;
    }

    // ---- liquidity -------------------------------------------------------------------------------

    Ladder ladder(Market m, Side resting) {
        if (liquidity.levels() == 0) {
            return null;
        }
        return new Ladder(m.inst, resting, m.lastPrice, liquidity, perLevelQuote);
    }

    private static boolean better(Side resting, long a, long b) {
        return resting == Side.SELL ? a < b : a > b;
    }

    private static boolean crosses(Side taker, long limit, long price) {
        return taker == Side.BUY ? price <= limit : price >= limit;
    }

    /** What a taker would get, without changing anything: {qty, quote}. limit 0 = market. */
    long[] simulate(Market m, Side taker, long limit, long qtyCap, long quoteCap) {
        Side resting = taker.opposite();
        Iterator<PriceLevel> it = m.book.levels(resting).iterator();
        PriceLevel lvl = it.hasNext() ? it.next() : null;
        long lvlLeft = lvl == null ? 0 : lvl.totalQty;
        Ladder lad = ladder(m, resting);
        long qty = 0;
        long quote = 0;
        while (qty < qtyCap) {
            boolean ladOk = lad != null && lad.hasLiquidity();
            boolean useBook;
            if (lvl != null && (!ladOk || !better(resting, lad.price(), lvl.price))) {
                useBook = true;
            } else if (ladOk) {
                useBook = false;
            } else {
                break;
            }
            long price = useBook ? lvl.price : lad.price();
            if (limit > 0 && !crosses(taker, limit, price)) {
                break;
            }
            long q = Math.min(qtyCap - qty, useBook ? lvlLeft : lad.available());
            if (quoteCap != NO_CAP) {
                q = Math.min(q, m.inst.qtyForQuote(quoteCap - quote, price));
                if (q == 0) {
                    break;
                }
            }
            qty += q;
            quote += m.inst.notional(price, q);
            if (useBook) {
                lvlLeft -= q;
                if (lvlLeft == 0) {
                    lvl = it.hasNext() ? it.next() : null;
                    lvlLeft = lvl == null ? 0 : lvl.totalQty;
                }
            } else {
                lad.take(q);
            }
        }
        return new long[]{qty, quote};
    }

    long bestOpposite(Market m, Side taker) {
        Side resting = taker.opposite();
        PriceLevel lvl = m.book.best(resting);
        Ladder lad = ladder(m, resting);
        long best = lvl == null ? 0 : lvl.price;
        if (lad != null && lad.hasLiquidity() && (best == 0 || better(resting, lad.price(), best))) {
            best = lad.price();
        }
        return best;
    }

    // ---- working an order ------------------------------------------------------------------------

    private static boolean executesAsMarket(Order o) {
        return o.type == OrderType.MARKET || o.type == OrderType.STOP_LOSS || o.type == OrderType.TAKE_PROFIT;
    }

    /** Works a new (or just triggered) order: FOK check, sweep, then rest or expire the remainder. */
    void work(Market m, Order o) {
        boolean market = executesAsMarket(o);
        long limit = market ? 0 : o.price;
        if (o.tif == TimeInForce.FOK && simulate(m, o.side, limit, o.remaining(), NO_CAP)[0] < o.remaining()) {
            expire(m, o, ExpiryReason.UNFILLED_FOK_ORDER_EXPIRED);
            return;
        }
        if (o.type != OrderType.LIMIT_MAKER) {
            sweep(m, o, limit, quoteCap(m, o, market));
        }
        if (!o.status.isOpen()) {
            return;
        }
        if (market) {
            expire(m, o, ExpiryReason.INSUFFICIENT_LIQUIDITY);
        } else if (o.tif == TimeInForce.IOC || o.tif == TimeInForce.FOK) {
            expire(m, o, ExpiryReason.UNFILLED_IOC_QUANTITY_EXPIRED);
        } else {
            m.book.add(o);
            m.touched = true;
        }
    }

    /** Market BUYs spend at most what their lock holds (topped up from free funds when a stop fires). */
    private long quoteCap(Market m, Order o, boolean market) {
        if (o.quoteOrderQty() > 0) {
            return o.quoteOrderQty();
        }
        if (!market || o.side == Side.SELL) {
            return NO_CAP;
        }
        long need = simulate(m, o.side, 0, o.remaining(), NO_CAP)[1];
        if (need > o.lock.remaining) {
            long extra = Math.min(need - o.lock.remaining, o.account.free(o.lock.asset));
            if (extra > 0) {
                o.account.lock(o.lock.asset, extra);
                o.lock.remaining += extra;
            }
        }
        return o.lock.remaining;
    }

    private void sweep(Market m, Order o, long limit, long quoteCap) {
        Side resting = o.side.opposite();
        Ladder lad = ladder(m, resting);
        long quoteLeft = quoteCap;
        while (o.remaining() > 0 && o.status.isOpen()) {
            PriceLevel lvl = m.book.best(resting);
            boolean ladOk = lad != null && lad.hasLiquidity();
            boolean useBook;
            if (lvl != null && (!ladOk || !better(resting, lad.price(), lvl.price))) {
                useBook = true;
            } else if (ladOk) {
                useBook = false;
            } else {
                break;
            }
            long price = useBook ? lvl.price : lad.price();
            if (limit > 0 && !crosses(o.side, limit, price)) {
                break;
            }
            Order maker = useBook ? lvl.head : null;
            long qty = Math.min(o.remaining(), useBook ? maker.remaining() : lad.available());
            if (quoteLeft != NO_CAP) {
                qty = Math.min(qty, m.inst.qtyForQuote(quoteLeft, price));
                if (qty == 0) {
                    break;
                }
                quoteLeft -= m.inst.notional(price, qty);
            }
            if (!useBook) {
                lad.take(qty);
            }
            trade(m, o, maker, price, qty);
        }
    }

    // ---- settlement ------------------------------------------------------------------------------

    /**
     * One trade of {@code qty} at {@code price}. Either side may be the house (null): a null maker is the
     * house depth, a null taker is an outside trade hitting a resting order.
     */
    void trade(Market m, Order taker, Order maker, long price, long qty) {
        Instrument inst = m.inst;
        long quote = inst.notional(price, qty);
        long base = inst.baseUnits(qty);
        long tradeId = nextTradeId++;
        Side takerSide = taker != null ? taker.side : maker.side.opposite();
        boolean takerBuys = takerSide == Side.BUY;
        long takerFee = 0;
        long makerFee = 0;
        if (taker != null) {
            takerFee = settle(taker, inst, price, qty, quote, base, taker.account.takerRate);
        } else {
            house(inst.baseAsset, takerBuys ? base : -base);
            house(inst.quoteAsset, takerBuys ? -quote : quote);
        }
        if (maker != null) {
            makerFee = settle(maker, inst, price, qty, quote, base, maker.account.makerRate);
            m.book.filled(maker, qty);
        } else {
            house(inst.baseAsset, takerBuys ? -base : base);
            house(inst.quoteAsset, takerBuys ? quote : -quote);
        }
        m.lastPrice = price;
        m.touched = true;
        m.pushPrice(price);
        events.publicTrade(inst, tradeId, price, qty, now, !takerBuys);
        if (taker != null) {
            recordFill(taker, tradeId, price, qty, quote, takerFee, false);
        }
        if (maker != null) {
            recordFill(maker, tradeId, price, qty, quote, makerFee, true);
            cancelOtherLeg(m, maker);
            if (maker.remaining() == 0) {
                complete(m, maker);
            }
        }
        if (taker != null) {
            cancelOtherLeg(m, taker);
            if (taker.remaining() == 0) {
                complete(m, taker);
            }
        }
    }

    /** Pays one side of a trade out of its lock and credits what it receives, less commission. */
    private long settle(Order o, Instrument inst, long price, long qty, long quote, long base, long rate) {
        Account a = o.account;
        boolean buys = o.side == Side.BUY;
        int payAsset = buys ? inst.quoteAsset : inst.baseAsset;
        long pay = buys ? quote : base;
        long covered = o.lock.spend(a, pay);
        if (covered < pay) {
            a.addFree(payAsset, -(pay - covered));
        }
        if (buys && o.type.hasLimitPrice() && o.price > price) {
            // a BUY locked at its limit gets the price improvement back at once
            o.lock.release(a, inst.notional(o.price - price, qty));
        }
        int recvAsset = buys ? inst.baseAsset : inst.quoteAsset;
        long recv = buys ? base : quote;
        long fee = Units.mulDivFloor(recv, rate, RATE_ONE);
        a.addFree(recvAsset, recv - fee);
        fee(recvAsset, fee);
        o.executedQty += qty;
        o.cumQuote += quote;
        o.updateTime = now;
        o.status = o.remaining() == 0 ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
        a.updateTime = now;
        events.dirty(a);
        return fee;
    }

    private void recordFill(Order o, long tradeId, long price, long qty, long quote, long fee, boolean maker) {
        Instrument inst = o.inst;
        String feeAsset = events.assetName(o.side == Side.BUY ? inst.baseAsset : inst.quoteAsset);
        boolean buyer = o.side == Side.BUY;
        o.account.trades.add(inst, tradeId, o.orderId, o.listId(), price, qty, quote, fee, now, buyer, maker, historyLimit);
        if (o == commandOrder) {
            commandFills.add(new Fill(inst, tradeId, o.orderId, o.listId(), price, qty, quote, fee, feeAsset, now, buyer, maker));
        }
        events.orderUpdate(o, ExecutionType.TRADE, o.clientOrderId, "", qty, price, quote, fee, feeAsset, tradeId, maker, now);
    }

    private void house(int asset, long delta) {
        if (asset >= house.length) {
            house = java.util.Arrays.copyOf(house, Math.max(asset + 1, house.length * 2));
        }
        house[asset] += delta;
    }

    private void fee(int asset, long amount) {
        if (asset >= fees.length) {
            fees = java.util.Arrays.copyOf(fees, Math.max(asset + 1, fees.length * 2));
        }
        fees[asset] += amount;
    }

    void external(int asset, long delta) {
        house(asset, delta);
    }

    // ---- endings ---------------------------------------------------------------------------------

    /** The order reached a final status: free what it still holds and forget it as open. */
    void complete(Market m, Order o) {
        if (o.level != null) {
            m.book.remove(o);
            m.touched = true;
        }
        if (o.type.isConditional() && !o.triggered) {
            m.triggers.remove(o);
        }
        Account a = o.account;
        o.lock.done(a);
        a.closed(o, historyLimit);
        a.updateTime = now;
        events.dirty(a);
        OrderList list = o.list;
        if (list != null && !list.done && !list.other(o).status.isOpen()) {
            list.done = true;
            list.updateTime = now;
            a.openLists.remove(list.listId);
            events.listUpdate(a, list, now);
        }
    }

    void expire(Market m, Order o, ExpiryReason reason) {
        o.status = OrderStatus.EXPIRED;
        o.expiry = reason;
        o.updateTime = now;
        events.orderUpdate(o, ExecutionType.EXPIRED, o.clientOrderId, "", 0, 0, 0, 0, null, -1, false, now);
        complete(m, o);
    }

    void cancel(Market m, Order o, String cancelClientOrderId) {
        o.status = OrderStatus.CANCELED;
        o.updateTime = now;
        events.orderUpdate(o, ExecutionType.CANCELED, cancelClientOrderId, o.clientOrderId, 0, 0, 0, 0, null, -1, false, now);
        complete(m, o);
    }

    /** An OCO leg started executing: the other leg goes (EXPIRED, reason OCO_TRIGGER). */
    private void cancelOtherLeg(Market m, Order o) {
        if (o.list != null) {
            Order other = o.list.other(o);
            if (other.status.isOpen()) {
                expire(m, other, ExpiryReason.OCO_TRIGGER);
            }
        }
    }

    // ---- stops -----------------------------------------------------------------------------------

    /** Shows every trade price of this command to the waiting stops, firing them in placement order. */
    void drain(Market m) {
        while (m.hasPending()) {
            long price = m.pollPrice();
            List<Order> fired = null;
            for (Order o : m.triggers) {
                if (Triggers.observe(o, price, now)) {
                    if (fired == null) {
                        fired = new ArrayList<>();
                    }
                    fired.add(o);
                }
            }
            if (fired != null) {
                for (Order o : fired) {
                    if (o.status.isOpen() && !o.triggered) {
                        activate(m, o);
                    }
                }
            }
        }
    }

    private void activate(Market m, Order o) {
        m.triggers.remove(o);
        o.triggered = true;
        o.workingTime = now;
        o.updateTime = now;
        cancelOtherLeg(m, o);
        events.orderUpdate(o, ExecutionType.NEW, o.clientOrderId, "", 0, 0, 0, 0, null, -1, false, now);
        work(m, o);
    }
}
