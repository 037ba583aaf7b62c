package io.tradeguard.server.api;

import java.time.Instant;
import java.util.Objects;

/**
 * {@code GET /api/real-trading/status}.
 *
 * @param tradingEnabled whether the engine accepts new orders
 * @param emergencyHalt  true after an emergency stop until an admin resets it
 * @param venue          e.g. {@code sim}, {@code binance-testnet}
 */
public record TradingStatus(boolean tradingEnabled, boolean emergencyHalt, TradingMode mode, String venue,
                            int openOrders, int openPositions, Instant since) {
    public TradingStatus {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(since, "since");
    }
}
