package io.tradeguard.core.model;

import java.util.regex.Pattern;

/**
 * The id the engine gives an order before it is sent (`newClientOrderId`); Binance's rule for it is
 * {@code ^[.A-Z:/a-z0-9_-]{1,36}$}. Orders whose id carries the engine's prefix are ours.
 */
public record ClientOrderId(String value) {
    private static final Pattern VALID = Pattern.compile("^[.A-Z:/a-z0-9_-]{1,36}$");

    public ClientOrderId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid client order id '" + value
                    + "': 1-36 characters of letters, digits and . : / _ -");
        }
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
