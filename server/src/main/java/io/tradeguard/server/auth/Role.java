package io.tradeguard.server.auth;

import java.util.Locale;

/** What a user may do; each role includes the ones before it. */
public enum Role {
    /** Reads status, orders, positions, trades, balances. */
    VIEWER,
    /** Places and cancels orders, closes positions, hits the emergency stop. */
    TRADER,
    /** Changes limits and modes, resets the kill switch and the emergency halt, starts trading. */
    ADMIN;

    public boolean includes(Role required) {
        return compareTo(required) >= 0;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("role is missing: use viewer, trader or admin");
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "viewer" -> VIEWER;
            case "trader" -> TRADER;
            case "admin" -> ADMIN;
            default -> throw new IllegalArgumentException("unknown role: use viewer, trader or admin");
        };
    }
}
