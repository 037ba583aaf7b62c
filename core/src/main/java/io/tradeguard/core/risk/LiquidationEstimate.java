package io.tradeguard.core.risk;

import io.tradeguard.core.model.MarginType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.MaintenanceBracket;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The futures position an entry leads to and where the venue would liquidate it, by Binance's one-way formula
 * (binance-api.md §6.8): LP = (WB − TMM1 + UPNL1 + cum − side·Q·EP) / (Q·MMR − side·Q).
 *
 * <p>The position is the open one of the symbol with the order added (combined quantity, average entry; an isolated
 * one keeps its margin and gets the order's on top), or for a reversal a new position of the remainder. In cross
 * margin WB is the cross wallet (the futures wallet less every isolated wallet) after the order's taker fee and what
 * a reversal realizes, and TMM1 / UPNL1 are the maintenance margin and unrealized P&amp;L of the other cross positions
 * at their marks. In isolated margin WB is the position's own margin and TMM1 = UPNL1 = 0. When a figure the cross
 * estimate needs is not known, the position is estimated as isolated and {@code assumed} says why.
 *
 * @param price       null when no price liquidates it (a long whose margin covers its notional); zero when a short
 *                    would be liquidated at once (the cross wallet is already spent)
 * @param crossWallet WB of a cross estimate; null for an isolated one
 * @param adds        whether the order adds to an open position of the same direction
 * @param assumed     what was assumed for lack of a figure, in words; null when nothing was
 */
record LiquidationEstimate(Side side, BigDecimal quantity, BigDecimal entryPrice, BigDecimal price, BigDecimal crossWallet,
                           boolean adds, String assumed) {

    /** Maintenance rate assumed while the symbol's brackets are unknown (Binance's first BTCUSDT bracket is 0.4 %). */
    static final BigDecimal FALLBACK_MAINTENANCE_RATE = new BigDecimal("0.01");

    /** Said when the brackets are missing; made once, not on every check (the rule runs before every futures entry). */
    private static final String NO_BRACKETS = "maintenance brackets not known yet: "
            + FALLBACK_MAINTENANCE_RATE.movePointRight(2).stripTrailingZeros().toPlainString() + " % assumed";

    boolean cross() {
        return crossWallet != null;
    }

    /** The estimate for a futures entry valued at {@code price}; null when the order only reduces the open position. */
    static LiquidationEstimate of(ProposedOrder order, BigDecimal price, RiskContext context) {
        FuturesMargin account = context.futuresMargin();
        List<MaintenanceBracket> brackets = context.brackets();
        MarginPosition open = account.position(order.symbol());
        BigDecimal quantity = order.quantity();
        BigDecimal entry = price;
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal isolatedMargin = initialMargin(quantity, price, order.leverage());
        String heldAssumed = null;
        boolean adds = false;
        if (open != null && open.side() == order.side()) {
            adds = true;
            quantity = open.quantity().add(order.quantity());
            entry = open.quantity().multiply(open.entryPrice()).add(order.quantity().multiply(price))
                    .divide(quantity, MathContext.DECIMAL64);
            BigDecimal held = open.isolatedWallet();
            if (held == null) {
                held = initialMargin(open.quantity(), open.entryPrice(), open.leverage());
                heldAssumed = "the open position's isolated margin is not known yet: its initial margin at "
                        + open.leverage() + "x assumed";
            }
            isolatedMargin = held.add(isolatedMargin);
        } else if (open != null) {
            if (order.quantity().compareTo(open.quantity()) <= 0) {
                return null;
            }
            quantity = order.quantity().subtract(open.quantity());
            realized = open.sign().multiply(open.quantity()).multiply(price.subtract(open.entryPrice()));
            isolatedMargin = initialMargin(quantity, price, order.leverage());
        }

        List<String> notes = new ArrayList<>(2);
        if (account.marginType() == MarginType.CROSSED) {
            String missing = missingForCross(account, order.symbol(), brackets);
            if (missing == null) {
                BigDecimal fee = order.quantity().multiply(price).multiply(context.takerFeeRate());
                BigDecimal wallet = crossWallet(account).add(realized).subtract(fee);
                BigDecimal margin = wallet.subtract(othersMaintenance(account, order.symbol()))
                        .add(othersUnrealizedPnl(account, order.symbol()));
                return new LiquidationEstimate(order.side(), quantity, entry,
                        liquidationPrice(order.side(), quantity, entry, margin, brackets), wallet, adds, null);
            }
            notes.add("estimated as an isolated position: the cross-margin estimate needs " + missing + ", not known yet");
        } else if (account.marginType() == null) {
            notes.add("the margin type of " + order.symbol() + " is not known yet: estimated as an isolated position");
        }
        if (heldAssumed != null) {
            notes.add(heldAssumed);
        }
        if (brackets.isEmpty()) {
            notes.add(NO_BRACKETS);
        }
        return new LiquidationEstimate(order.side(), quantity, entry,
                liquidationPrice(order.side(), quantity, entry, isolatedMargin, brackets), null, adds,
                notes.isEmpty() ? null : notes.size() == 1 ? notes.getFirst() : String.join("; ", notes));
    }

    /** Q·EP / L. */
    static BigDecimal initialMargin(BigDecimal quantity, BigDecimal entry, int leverage) {
        return quantity.multiply(entry).divide(BigDecimal.valueOf(leverage), MathContext.DECIMAL64);
    }

    /** What the cross estimate lacks, in words ("the futures wallet balance"), or null when it has everything. */
    private static String missingForCross(FuturesMargin account, Symbol symbol, List<MaintenanceBracket> brackets) {
        List<String> missing = new ArrayList<>();
        if (account.walletBalance() == null) {
            missing.add("the futures wallet balance");
        }
        if (brackets.isEmpty()) {
            missing.add("the maintenance brackets of " + symbol);
        }
        for (MarginPosition p : account.positions()) {
            if (p.symbol().equals(symbol)) {
                continue;
            }
            if (p.marginType() == null) {
                missing.add("the margin type of the " + p.symbol() + " position");
            } else if (p.marginType() == MarginType.ISOLATED && p.isolatedWallet() == null) {
                missing.add("the isolated margin of the " + p.symbol() + " position");
            } else if (p.marginType() == MarginType.CROSSED && p.brackets().isEmpty()) {
                missing.add("the maintenance brackets of " + p.symbol());
            }
        }
        return missing.isEmpty() ? null : String.join(" and ", missing);
    }

    /** The futures wallet less every isolated wallet (binance-api.md §6.5). */
    private static BigDecimal crossWallet(FuturesMargin account) {
        BigDecimal wallet = account.walletBalance();
        for (MarginPosition p : account.positions()) {
            if (p.marginType() == MarginType.ISOLATED) {
                wallet = wallet.subtract(p.isolatedWallet());
            }
        }
        return wallet;
    }

    /** TMM1: Σ over the other cross positions of notional at mark × MMR − cum, of the bracket of that notional. */
    static BigDecimal othersMaintenance(FuturesMargin account, Symbol symbol) {
        BigDecimal sum = BigDecimal.ZERO;
        for (MarginPosition p : account.positions()) {
            if (p.marginType() == MarginType.CROSSED && !p.symbol().equals(symbol)) {
                BigDecimal notional = p.quantity().multiply(p.markPrice());
                MaintenanceBracket b = bracketOf(p.brackets(), notional);
                sum = sum.add(notional.multiply(b.maintMarginRatio()).subtract(b.maintAmount()));
            }
        }
        return sum;
    }

    /** UPNL1: Σ over the other cross positions of side × Q × (mark − entry). */
    static BigDecimal othersUnrealizedPnl(FuturesMargin account, Symbol symbol) {
        BigDecimal sum = BigDecimal.ZERO;
        for (MarginPosition p : account.positions()) {
            if (p.marginType() == MarginType.CROSSED && !p.symbol().equals(symbol)) {
                sum = sum.add(p.unrealizedPnl());
            }
        }
        return sum;
    }

    /**
     * LP of a position of {@code quantity} at {@code entry} backed by {@code margin} (WB − TMM1 + UPNL1), with the
     * bracket that holds its notional at LP: when the notional at the price found falls in another bracket than the
     * one tried, LP is computed again with that one. Without brackets the rate is the fallback's, cum 0.
     */
    static BigDecimal liquidationPrice(Side side, BigDecimal quantity, BigDecimal entry, BigDecimal margin,
                                       List<MaintenanceBracket> brackets) {
        if (brackets.isEmpty()) {
            return liquidationPrice(side, quantity, entry, margin, FALLBACK_MAINTENANCE_RATE, BigDecimal.ZERO);
        }
        MaintenanceBracket bracket = bracketOf(brackets, quantity.multiply(entry));
        BigDecimal price = null;
        // each try moves to the bracket of the notional at the price found; the brackets are few, so this ends
        for (int tries = 0; tries <= brackets.size(); tries++) {
            price = liquidationPrice(side, quantity, entry, margin, bracket.maintMarginRatio(), bracket.maintAmount());
            if (price == null || price.signum() == 0) {
                return price;
            }
            MaintenanceBracket at = bracketOf(brackets, quantity.multiply(price));
            if (at.equals(bracket)) {
                return price;
            }
            bracket = at;
        }
        return price;
    }

    /**
     * LP = (margin + cum − side·Q·EP) / (Q·MMR − side·Q). Not positive: a long is never liquidated (null), a short is
     * at once (zero).
     */
    static BigDecimal liquidationPrice(Side side, BigDecimal quantity, BigDecimal entry, BigDecimal margin, BigDecimal rate,
                                       BigDecimal cum) {
        BigDecimal sign = side == Side.BUY ? BigDecimal.ONE : BigDecimal.ONE.negate();
        BigDecimal numerator = margin.add(cum).subtract(sign.multiply(quantity.multiply(entry)));
        BigDecimal denominator = quantity.multiply(rate).subtract(sign.multiply(quantity));
        BigDecimal price = numerator.divide(denominator, MathContext.DECIMAL64);
        if (price.signum() > 0) {
            return price;
        }
        return side == Side.BUY ? null : BigDecimal.ZERO;
    }

    /** The bracket holding this notional: below the first floor the first, above the last cap the last. */
    static MaintenanceBracket bracketOf(List<MaintenanceBracket> brackets, BigDecimal notional) {
        for (MaintenanceBracket b : brackets) {
            if (b.holds(notional)) {
                return b;
            }
        }
        return notional.compareTo(brackets.getFirst().notionalFloor()) < 0 ? brackets.getFirst() : brackets.getLast();
    }
}
