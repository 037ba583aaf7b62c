package io.tradeguard.core.signal;

import java.util.regex.Pattern;

/**
 * The id a signal's author gives it, used to take each signal at most once. Restricted to a safe
 * alphabet because it also ends up in file names, logs and URLs.
 */
public record SignalId(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public SignalId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid signal id '" + value
                    + "': 1-64 characters of letters, digits and . _ : -");
        }
    }

    public static SignalId of(String value) {
        return new SignalId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
