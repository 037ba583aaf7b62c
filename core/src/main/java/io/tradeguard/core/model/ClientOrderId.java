package io.tradeguard.core.model;

import java.util.regex.Pattern;

/**
 * The id the engine gives an order before it is sent (`newClientOrderId`); Binance's rule for it is
 * {@code ^[.A-Z:/a-z0-9_-]{1,36}$}. Orders whose id carries the engine's prefix are ours.
 */
public record ClientOrderId(String value) {
    /** Binance's rule; {@link #valid} checks it by hand, and the tests hold the two to each other */
    static final Pattern VALID = Pattern.compile("^[.A-Z:/a-z0-9_-]{1,36}$");

    public ClientOrderId {
        if (!valid(value)) {
            throw new IllegalArgumentException("invalid client order id '" + value
                    + "': 1-36 characters of letters, digits and . : / _ -");
        }
    }

    /** {@link #VALID} by hand: every order's id is checked, and a regex matcher allocates per call. */
    static boolean valid(String value) {
        if (value == null || value.isEmpty() || value.length() > 36) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == ':' || c == '/' || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    public static ClientOrderId of(String value) {
        return new ClientOrderId(value);
    }

    public boolean hasPrefix(String prefix) {
        return value.startsWith(prefix);
    }

    @Override
    public String toString() {
        return value;
    }
}
