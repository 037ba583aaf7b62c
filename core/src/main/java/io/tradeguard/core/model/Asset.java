package io.tradeguard.core.model;

import java.util.regex.Pattern;

/** A currency or coin: USDT, BTC, BNB. */
public record Asset(String code) {
    private static final Pattern VALID = Pattern.compile("[A-Z0-9]{1,12}");

    public static final Asset USDT = new Asset("USDT");
    public static final Asset BNB = new Asset("BNB");

    public Asset {
        if (code == null || !VALID.matcher(code).matches()) {
            throw new IllegalArgumentException("invalid asset '" + code + "'");
        }
    }

    public static Asset of(String code) {
        return new Asset(code);
    }

    @Override
    public String toString() {
        return code;
    }
}
