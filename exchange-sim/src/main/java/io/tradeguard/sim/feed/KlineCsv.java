package io.tradeguard.sim.feed;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads data.binance.vision kline CSV files (binance-api.md §10): 12 columns, an optional header line,
 * open times in milliseconds (13 digits) or microseconds (16 digits).
 */
public final class KlineCsv {
    /** One bar of the file; times in milliseconds. */
    public record Row(long openTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
                      BigDecimal volume, long closeTime) {
        public Row {
            if (high.compareTo(low) < 0 || open.signum() <= 0 || close.signum() <= 0 || low.signum() <= 0) {
                throw new IllegalArgumentException("bar with high below low or non-positive prices at " + openTime);
            }
        }
    }

    private KlineCsv() {
    }

    public static List<Row> read(Path file) throws IOException {
        return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    public static List<Row> parse(List<String> lines) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cols = line.split(",");
            if (i == 0 && !cols[0].isEmpty() && !Character.isDigit(cols[0].charAt(0))) {
                continue; // header line
            }
            if (cols.length < 7) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected 12 columns, got " + cols.length);
            }
            try {
                rows.add(new Row(millis(cols[0]), new BigDecimal(cols[1]), new BigDecimal(cols[2]), new BigDecimal(cols[3]),
                        new BigDecimal(cols[4]), new BigDecimal(cols[5]), millis(cols[6])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + (i + 1) + ": not a kline row", e);
            }
        }
        return rows;
    }

    /** 16-digit times are microseconds (spot files from 2025 on). */
    static long millis(String text) {
        long v = Long.parseLong(text.strip());
        return text.strip().length() >= 16 ? v / 1000 : v;
    }
}
