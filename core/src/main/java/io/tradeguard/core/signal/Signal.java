package io.tradeguard.core.signal;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A trade idea from a strategy or an advisor (DESIGN.md section 7). A signal is only a request: the
 * decider, the risk rules and the safety gates still decide whether and how much is traded.
 *
 * @param confidence 0 to 1; below the configured threshold the signal is recorded and skipped
 * @param entry      limit price to enter at; null enters at market
 * @param stopLoss   protective stop price; null uses the configured default distance
 * @param takeProfit target price; null uses the configured default distance
 * @param leverage   futures leverage; null uses the configured default
 * @param sizeUsd    position notional in USDT; null uses the configured sizing
 * @param strategy   name of the strategy that produced it
 * @param source     who delivered it (bridge, api, demo, an advisor's name)
 * @param time       when the author produced it
 */
public record Signal(SignalId id, Symbol symbol, Market market, SignalDirection direction, BigDecimal confidence,
                     BigDecimal entry, BigDecimal stopLoss, BigDecimal takeProfit, Integer leverage,
                     BigDecimal sizeUsd, String strategy, String source, Instant time) {

    /** Binance's own maximum; the configured cap (default 20x) is enforced by the decider. */
    public static final int MAX_VENUE_LEVERAGE = 125;
    private static final int MAX_NAME_LENGTH = 64;

    public Signal {
        Objects.requireNonNull(id, "id is missing");
        Objects.requireNonNull(symbol, "symbol is missing");
        Objects.requireNonNull(market, "market is missing");
        Objects.requireNonNull(direction, "direction is missing");
        Objects.requireNonNull(time, "time is missing");
        if (confidence == null) {
            throw new IllegalArgumentException("confidence is missing: give a number from 0 to 1");
        }
        if (confidence.signum() < 0 || confidence.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("confidence must be from 0 to 1, was " + confidence.toPlainString());
        }
        requirePositive(entry, "entry");
        requirePositive(stopLoss, "stop_loss");
        requirePositive(takeProfit, "take_profit");
        requirePositive(sizeUsd, "size_usd");
        strategy = requireName(strategy, "strategy");
        source = requireName(source, "source");
        if (leverage != null) {
            if (leverage < 1 || leverage > MAX_VENUE_LEVERAGE) {
                throw new IllegalArgumentException("leverage must be from 1 to " + MAX_VENUE_LEVERAGE + ", was " + leverage);
            }
            if (market == Market.SPOT && leverage != 1) {
                throw new IllegalArgumentException("a spot signal cannot use leverage " + leverage + "x; use market futures");
            }
        }
        switch (direction) {
            case CLOSE -> {
                // a close only says "get out"; prices or sizes would suggest something will be opened
                if (entry != null || stopLoss != null || takeProfit != null || leverage != null || sizeUsd != null) {
                    throw new IllegalArgumentException(
                            "a CLOSE signal takes no entry, stop_loss, take_profit, leverage or size_usd");
                }
            }
            case LONG, SHORT -> requireProtectionSides(direction, entry, stopLoss, takeProfit);
        }
    }

    /** True for LONG and SHORT: the signal wants a position opened. */
    public boolean isEntry() {
        return direction != SignalDirection.CLOSE;
    }

    /** Stop on the losing side of the entry, target on the winning side; checks the prices present. */
    private static void requireProtectionSides(SignalDirection dir, BigDecimal entry, BigDecimal sl, BigDecimal tp) {
        int up = dir == SignalDirection.LONG ? 1 : -1; // the way the price must move for the trade to win
        String losing = up > 0 ? "below" : "above";
        String winning = up > 0 ? "above" : "below";
        if (entry != null && sl != null && sl.compareTo(entry) * up >= 0) {
            throw new IllegalArgumentException("a " + dir + " signal needs its stop_loss " + losing + " its entry: stop_loss "
                    + sl.toPlainString() + ", entry " + entry.toPlainString());
        }
        if (entry != null && tp != null && tp.compareTo(entry) * up <= 0) {
            throw new IllegalArgumentException("a " + dir + " signal needs its take_profit " + winning + " its entry: take_profit "
                    + tp.toPlainString() + ", entry " + entry.toPlainString());
        }
        if (sl != null && tp != null && sl.compareTo(tp) * up >= 0) {
            throw new IllegalArgumentException("a " + dir + " signal needs its stop_loss " + losing + " its take_profit: stop_loss "
                    + sl.toPlainString() + ", take_profit " + tp.toPlainString());
        }
    }

    private static void requirePositive(BigDecimal value, String name) {
        if (value != null && value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value.toPlainString());
        }
    }

    private static String requireName(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        String v = value.strip();
        if (v.length() > MAX_NAME_LENGTH || v.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(name + " must be at most " + MAX_NAME_LENGTH
                    + " printable characters");
        }
        return v;
    }
}
