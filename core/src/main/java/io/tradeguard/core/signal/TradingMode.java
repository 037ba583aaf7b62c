package io.tradeguard.core.signal;

import java.util.Locale;

/**
 * How the engine treats signals and manual orders. MANUAL records signals but never trades them;
 * AUTO trades signals only; HYBRID trades signals and manual orders side by side (each position tagged
 * with its origin).
 */
public enum TradingMode {
    MANUAL, AUTO, HYBRID;

    public static TradingMode parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("mode is missing: use manual, auto or hybrid");
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "manual" -> MANUAL;
            case "auto" -> AUTO;
            case "hybrid" -> HYBRID;
            default -> throw new IllegalArgumentException("unknown mode '" + text + "': use manual, auto or hybrid");
        };
    }

    public boolean tradesSignals() {
        return switch (this) {
            case MANUAL -> false;
            case AUTO, HYBRID -> true;
        };
    }

    public boolean acceptsManualOrders() {
        return switch (this) {
            case MANUAL, HYBRID -> true;
            case AUTO -> false;
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
