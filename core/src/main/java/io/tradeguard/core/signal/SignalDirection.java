package io.tradeguard.core.signal;

import io.tradeguard.core.model.Side;

import java.util.Locale;

/** What a signal asks for: open long, open short, or close what is open on the symbol. */
public enum SignalDirection {
    LONG, SHORT, CLOSE;

    /** People and JSON may write any case. */
    public static SignalDirection parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("direction is missing: use LONG, SHORT or CLOSE");
        }
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "LONG" -> LONG;
            case "SHORT" -> SHORT;
            case "CLOSE" -> CLOSE;
            default -> throw new IllegalArgumentException("unknown direction '" + text + "': use LONG, SHORT or CLOSE");
        };
    }

    /** The side of the order that opens a position in this direction. */
    public Side entrySide() {
        return switch (this) {
            case LONG -> Side.BUY;
            case SHORT -> Side.SELL;
            case CLOSE -> throw new IllegalStateException("a CLOSE signal opens nothing");
        };
    }
}
