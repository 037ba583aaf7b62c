package io.tradeguard.sim.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Kline intervals (binance-api.md §3.3), case-sensitive; bars are UTC-aligned, weeks start on Monday. */
public enum KlineInterval {
    S1("1s", 1_000L), M1("1m", 60_000L), M3("3m", 180_000L), M5("5m", 300_000L), M15("15m", 900_000L),
    M30("30m", 1_800_000L), H1("1h", 3_600_000L), H2("2h", 7_200_000L), H4("4h", 14_400_000L),
    H6("6h", 21_600_000L), H8("8h", 28_800_000L), H12("12h", 43_200_000L), D1("1d", 86_400_000L),
    D3("3d", 259_200_000L), W1("1w", 604_800_000L), MO1("1M", 0L);

    private static final long MONDAY_OFFSET = 4 * 86_400_000L; // 1970-01-01 was a Thursday
    private final String wire;
    private final long millis;

    KlineInterval(String wire, long millis) {
        this.wire = wire;
        this.millis = millis;
    }

    public String wire() {
        return wire;
    }

    public static KlineInterval fromWire(String text) {
        return switch (text) {
            case "1s" -> S1;
            case "1m" -> M1;
            case "3m" -> M3;
            case "5m" -> M5;
            case "15m" -> M15;
            case "30m" -> M30;
            case "1h" -> H1;
            case "2h" -> H2;
            case "4h" -> H4;
            case "6h" -> H6;
            case "8h" -> H8;
            case "12h" -> H12;
            case "1d" -> D1;
            case "3d" -> D3;
            case "1w" -> W1;
            case "1M" -> MO1;
            default -> null;
        };
    }

    public long openTime(long t) {
        return switch (this) {
            case MO1 -> {
                LocalDate d = Instant.ofEpochMilli(t).atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
                yield d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            case W1 -> t - Math.floorMod(t - MONDAY_OFFSET, millis);
            default -> t - Math.floorMod(t, millis);
        };
    }

    /** The bar's last millisecond. */
    public long closeTime(long openTime) {
        if (this == MO1) {
            LocalDate d = Instant.ofEpochMilli(openTime).atZone(ZoneOffset.UTC).toLocalDate().plusMonths(1);
            return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1;
        }
        return openTime + millis - 1;
    }
}
