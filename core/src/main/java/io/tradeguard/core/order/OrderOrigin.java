package io.tradeguard.core.order;

import io.tradeguard.core.model.ClientOrderId;

/**
 * Who wanted an order. The engine writes the origin into its client order ids (one letter after the
 * prefix), so an order of ours that reconciliation finds on the venue gets its origin back.
 */
public enum OrderOrigin {
    MANUAL('M'), SIGNAL('S'), PROTECTION('P'),
    /** Placed outside the engine (Binance app, another bot); adopted by reconciliation or the stream. */
    EXTERNAL('X');

    private final char code;

    OrderOrigin(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    /** The origin encoded in one of our ids, or EXTERNAL when the id is not ours. */
    public static OrderOrigin ofClientOrderId(ClientOrderId id, String enginePrefix) {
        String value = id.value();
        if (!value.startsWith(enginePrefix) || value.length() <= enginePrefix.length()) {
            return EXTERNAL;
        }
        return switch (value.charAt(enginePrefix.length())) {
            case 'M' -> MANUAL;
            case 'S' -> SIGNAL;
            case 'P' -> PROTECTION;
            // ours by prefix but from an id scheme we do not know: treat as a person's order
            default -> MANUAL;
        };
    }
}
