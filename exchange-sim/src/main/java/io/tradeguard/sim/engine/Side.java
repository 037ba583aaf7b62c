package io.tradeguard.sim.engine;

/** Order side, mapped explicitly from and to Binance's wire strings. */
public enum Side {
    BUY, SELL;

    public String wire() {
        return switch (this) {
            case BUY -> "BUY";
            case SELL -> "SELL";
        };
    }

    /** @return the side, or null when the text is not one of Binance's values */
    public static Side fromWire(String text) {
        return switch (text) {
            case "BUY" -> BUY;
            case "SELL" -> SELL;
            default -> null;
        };
    }

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
