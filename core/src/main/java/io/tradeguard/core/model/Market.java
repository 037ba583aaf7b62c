package io.tradeguard.core.model;

import java.util.Locale;

/** Which Binance product an order, position or balance belongs to. */
public enum Market {
    SPOT, FUTURES;

    public static Market parse(String text) {
        if (text == null || text.isBlank()) {
            return SPOT;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "spot" -> SPOT;
            case "futures", "usdm", "usd-m", "um" -> FUTURES;
            default -> throw new IllegalArgumentException("unknown market '" + text + "': use spot or futures");
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
