package io.tradeguard.server.auth;

import java.util.Locale;
import java.util.regex.Pattern;

/** A login name: lower case letters, digits, dot, dash, underscore; safe in logs and files. */
public record Username(String value) {
    private static final Pattern VALID = Pattern.compile("[a-z0-9._-]{1,64}");

    public Username {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("a username is 1-64 lower-case letters, digits, '.', '-' or '_'");
        }
    }

    /** Logins are case-insensitive. */
    public static Username of(String text) {
        if (text == null) {
            throw new IllegalArgumentException("username is missing");
        }
        return new Username(text.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
