package io.tradeguard.server.api;

import java.util.Locale;

/** Who may trade: people only, signals only, or both. */
public enum TradingMode {
    MANUAL, AUTO, HYBRID;

    public static TradingMode parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "manual" -> MANUAL;
            case "auto" -> AUTO;
            case "hybrid" -> HYBRID;
            default -> throw new IllegalArgumentException("use manual, auto or hybrid");
        };
    }
}
