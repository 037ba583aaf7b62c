package io.tradeguard.core.risk;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.util.List;

/**
 * The open positions with the totals the rules need, computed once when the snapshot is built (the
 * engine rebuilds it when positions change, not per order).
 */
public final class Portfolio {
    private static final Portfolio EMPTY = new Portfolio(List.of());

    private final List<OpenPosition> positions;
    private final BigDecimal pnlAtStops;
    private final BigDecimal lossToStops;
    private final BigDecimal feeBase;

    private Portfolio(List<OpenPosition> positions) {
        this.positions = List.copyOf(positions);
        BigDecimal atStops = BigDecimal.ZERO;
        BigDecimal losses = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (OpenPosition position : this.positions) {
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
    }

    public static Portfolio of(List<OpenPosition> positions) {
        return positions.isEmpty() ? EMPTY : new Portfolio(positions);
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
        BigDecimal sum = BigDecimal.ZERO;
        for (OpenPosition position : positions) {
            if (position.symbol().equals(symbol)) {
                sum = sum.add(position.notional());
            }
        }
        return sum;
    }

    public boolean hasPosition(Market market, Symbol symbol, Side side) {
        for (OpenPosition position : positions) {
            if (position.market() == market && position.side() == side && position.symbol().equals(symbol)) {
                return true;
            }
        }
        return false;
    }
}
