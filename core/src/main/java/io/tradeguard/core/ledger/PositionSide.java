package io.tradeguard.core.ledger;

public enum PositionSide {
    LONG, SHORT;

    /** +1 long, -1 short: the direction factor of P&L formulas. */
    public int direction() {
        return this == LONG ? 1 : -1;
    }
}
