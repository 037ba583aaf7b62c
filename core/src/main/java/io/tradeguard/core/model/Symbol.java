package io.tradeguard.core.model;

import java.util.Locale;
import java.util.regex.Pattern;

/** An instrument's name on the venue, upper case as in REST (`BTCUSDT`). */
public record Symbol(String value) implements Comparable<Symbol> {
    private static final Pattern VALID = Pattern.compile("[A-Z0-9]{2,20}");

    public Symbol {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid symbol '" + value + "': 2-20 upper-case letters or digits, like BTCUSDT");
        }
    }

    /** Accepts any case from people and JSON; venue strings are upper case already. */
    public static Symbol of(String text) {
        if (text == null) {
            throw new IllegalArgumentException("symbol is missing");
        }
        return new Symbol(text.strip().toUpperCase(Locale.ROOT));
    }

    /** Lower case, as stream names want it (`btcusdt@trade`). */
    public String streamName() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public int compareTo(Symbol other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
