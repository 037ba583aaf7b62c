package io.tradeguard.server.api;

import io.tradeguard.core.model.Market;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The kline intervals Binance serves (binance-api.md §3.3); one second exists on spot only. */
public enum CandleInterval {
    S1("1s"), M1("1m"), M3("3m"), M5("5m"), M15("15m"), M30("30m"), H1("1h"), H2("2h"), H4("4h"), H6("6h"),
    H8("8h"), H12("12h"), D1("1d"), D3("3d"), W1("1w"), MO1("1M");

    private final String wire;

    CandleInterval(String wire) {
        this.wire = wire;
    }

    /** As Binance writes it: case matters ({@code 1m} is a minute, {@code 1M} a month). */
    public String wire() {
        return wire;
    }

    public boolean servedOn(Market market) {
        return this != S1 || market == Market.SPOT;
    }

    public static CandleInterval parse(String text) {
        String t = text.strip();
        for (CandleInterval i : values()) {
            if (i.wire.equals(t)) {
                return i;
            }
        }
        throw new IllegalArgumentException("'" + (t.length() > 10 ? t.substring(0, 10) + "…" : t) + "' is not an interval; use one of "
                + Arrays.stream(values()).map(CandleInterval::wire).collect(Collectors.joining(", ")));
    }
}
