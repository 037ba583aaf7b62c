package io.tradeguard.core.model;

import java.util.Locale;

public enum Side {
    BUY, SELL;

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    /** +1 for BUY, -1 for SELL: the sign a fill of this side adds to a position. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }

    /** People and JSON may write any case. */
    public static Side parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("side is missing: use BUY or SELL");
        }
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "BUY" -> BUY;
            case "SELL" -> SELL;
            default -> throw new IllegalArgumentException("unknown side '" + text + "': use BUY or SELL");
        };
    }
}
