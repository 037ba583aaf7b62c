package io.tradeguard.sim;

import java.nio.file.Path;
import java.util.Objects;

/** Where prices come from (DESIGN.md §5): a seeded random walk, a replay of kline CSV files, or by hand. */
public sealed interface PriceFeed {

    /** Every {@code intervalMillis}, each symbol moves by up to {@code maxStepBips}, reproducibly from the seed. */
    record Walk(long intervalMillis, int maxStepBips) implements PriceFeed {
        public Walk {
            if (intervalMillis < 10 || maxStepBips < 1 || maxStepBips > 1000) {
                throw new IllegalArgumentException("walk: interval >= 10 ms, step 1-1000 bips");
            }
        }
    }

    /**
     * Replays a data.binance.vision kline CSV for one symbol: each bar becomes trades at open, then low
     * and high (in the bar's direction), then close; one bar every {@code millisPerBar}.
     */
    record Replay(String symbol, Path csv, long millisPerBar, boolean loop) implements PriceFeed {
        public Replay {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(csv, "csv");
            if (millisPerBar < 1) {
                throw new IllegalArgumentException("millisPerBar >= 1");
            }
        }
    }

    /** Prices move only through /sim/v1/price (or {@link ExchangeSimulator#setPrice}) and real trades. */
    record Manual() implements PriceFeed {
    }

    static PriceFeed walk() {
        return new Walk(1000, 3);
    }
}
