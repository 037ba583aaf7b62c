package io.tradeguard.core.risk;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The open positions with the totals the rules need, computed once when the snapshot is built;
 * {@link #of(List, Portfolio)} carries the totals over from the previous check when only marks moved.
 */
public final class Portfolio {
    private static final Portfolio EMPTY = new Portfolio(List.of());

    private final List<OpenPosition> positions;
    private final BigDecimal pnlAtStops;
    private final BigDecimal lossToStops;
    private final BigDecimal feeBase;
    private final Map<Symbol, BigDecimal> exposure;
    private final Set<Key> held;

    private record Key(Market market, Symbol symbol, Side side) {
    }

    private Portfolio(List<OpenPosition> positions) {
        this.positions = List.copyOf(positions);
        BigDecimal atStops = BigDecimal.ZERO;
        BigDecimal losses = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        Map<Symbol, BigDecimal> bySymbol = new HashMap<>();
        Set<Key> keys = new HashSet<>();
        for (OpenPosition position : this.positions) {
            bySymbol.merge(position.symbol(), position.notional(), BigDecimal::add);
            keys.add(new Key(position.market(), position.symbol(), position.side()));
            BigDecimal exit = position.stopLoss() != null ? position.stopLoss() : position.entryPrice();
            fees = fees.add(position.entryPrice().add(exit).multiply(position.quantity()));
            BigDecimal pnl = position.pnlAtStop();
            atStops = atStops.add(pnl);
            if (pnl.signum() < 0) {
                losses = losses.subtract(pnl);
            }
        }
        this.pnlAtStops = atStops;
        this.lossToStops = losses;
        this.feeBase = fees;
        this.exposure = Map.copyOf(bySymbol);
        this.held = Set.copyOf(keys);
    }

    /** Only the value held moves with the marks; the totals at the stops and the keys carry over. */
    private Portfolio(List<OpenPosition> positions, Portfolio sameButMarks) {
        this.positions = List.copyOf(positions);
        Map<Symbol, BigDecimal> bySymbol = new HashMap<>();
        for (OpenPosition position : this.positions) {
            bySymbol.merge(position.symbol(), position.notional(), BigDecimal::add);
        }
        this.pnlAtStops = sameButMarks.pnlAtStops;
        this.lossToStops = sameButMarks.lossToStops;
        this.feeBase = sameButMarks.feeBase;
        this.exposure = Map.copyOf(bySymbol);
        this.held = sameButMarks.held;
    }

    public static Portfolio of(List<OpenPosition> positions) {
        return positions.isEmpty() ? EMPTY : new Portfolio(positions);
    }

    /**
     * The same as {@link #of(List)}, cheaper when {@code previous} (null for none) holds the same positions in the
     * same order: then it is answered itself when nothing changed, or with its stop totals when only the mark
     * prices moved (what the rule totals at the stops do not depend on).
     */
    public static Portfolio of(List<OpenPosition> positions, Portfolio previous) {
        if (previous == null || positions.isEmpty() || previous.positions.size() != positions.size()) {
            return of(positions);
        }
        boolean marksMoved = false;
        for (int i = 0; i < positions.size(); i++) {
            OpenPosition was = previous.positions.get(i);
            OpenPosition is = positions.get(i);
            if (!sameButMark(was, is)) {
                return of(positions);
            }
            marksMoved |= !was.markPrice().equals(is.markPrice());
        }
        return marksMoved ? new Portfolio(positions, previous) : previous;
    }

    /** Equal in everything but the mark price; equals, not compareTo, so the totals come out digit for digit alike. */
    private static boolean sameButMark(OpenPosition a, OpenPosition b) {
        return a.market() == b.market() && a.side() == b.side() && a.leverage() == b.leverage()
                && a.symbol().equals(b.symbol()) && a.quantity().equals(b.quantity())
                && a.entryPrice().equals(b.entryPrice()) && java.util.Objects.equals(a.stopLoss(), b.stopLoss());
    }

    public static Portfolio empty() {
        return EMPTY;
    }

    public List<OpenPosition> positions() {
        return positions;
    }

    public int size() {
        return positions.size();
    }

    /** Σ over positions of the P&L at their stops (profits at locked-in stops offset losses). */
    public BigDecimal pnlAtStops() {
        return pnlAtStops;
    }

    /** Portfolio heat in money: Σ of the losses positions would take at their stops (no offset). */
    public BigDecimal lossToStops() {
        return lossToStops;
    }

    /**
     * Σ quantity × (entry + stop): the traded value on which a round trip of every position pays fees, so
     * that fee rate × this is their entry and exit fees (entry fees already booked are counted again: on
     * the safe side).
     */
    public BigDecimal feeBase() {
        return feeBase;
    }

    /** Value held on a symbol, long and short, on every market. */
    public BigDecimal exposure(Symbol symbol) {
        return exposure.getOrDefault(symbol, BigDecimal.ZERO);
    }

    public boolean hasPosition(Market market, Symbol symbol, Side side) {
        return held.contains(new Key(market, symbol, side));
    }
}
