package io.tradeguard.core.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything the pre-trade rules look at besides the order, filled in by the engine from its state.
 *
 * @param equity              account equity now (wallet + unrealized P&L), in the quote currency
 * @param startOfDayEquity    equity at 00:00 UTC (or at the last admin reset of a daily-loss trip)
 * @param freeBalance         free amount of what the order spends: the quote asset for a spot buy and on
 *                            futures (available balance), the base asset for a spot sell
 * @param takerFeeRate        commission rate for market execution, as a fraction (0.001 = 0.1 %)
 * @param portfolio           the open positions
 * @param realizedPnlToday    realized P&L since the start of the day, net of fees (negative = loss)
 * @param consecutiveLosses   losing round trips in a row
 * @param lastPrice           last trade price of the order's symbol
 * @param book                the order's symbol's book on the order's market, needed for market orders
 *                            (slippage); may be null otherwise
 * @param brackets            the futures contract's maintenance brackets, lowest notional first; empty when not
 *                            known (and on spot)
 * @param futuresMargin       the futures account as the liquidation estimate needs it (margin type of the order's
 *                            symbol, wallet, open positions); {@link FuturesMargin#NEW_ISOLATED} when not given
 */
public record RiskContext(Instant now, BigDecimal equity, BigDecimal startOfDayEquity, BigDecimal freeBalance,
                          BigDecimal takerFeeRate, Portfolio portfolio, BigDecimal realizedPnlToday,
                          int consecutiveLosses, BigDecimal lastPrice, OrderBookView book,
                          java.util.List<io.tradeguard.core.venue.MaintenanceBracket> brackets,
                          FuturesMargin futuresMargin) {

    /** Without the futures account's figures: a futures entry is judged as a new isolated position. */
    public RiskContext(Instant now, BigDecimal equity, BigDecimal startOfDayEquity, BigDecimal freeBalance,
                       BigDecimal takerFeeRate, Portfolio portfolio, BigDecimal realizedPnlToday,
                       int consecutiveLosses, BigDecimal lastPrice, OrderBookView book,
                       java.util.List<io.tradeguard.core.venue.MaintenanceBracket> brackets) {
        this(now, equity, startOfDayEquity, freeBalance, takerFeeRate, portfolio, realizedPnlToday, consecutiveLosses,
                lastPrice, book, brackets, FuturesMargin.NEW_ISOLATED);
    }

    /** Without maintenance brackets (spot, or not known yet). */
    public RiskContext(Instant now, BigDecimal equity, BigDecimal startOfDayEquity, BigDecimal freeBalance,
                       BigDecimal takerFeeRate, Portfolio portfolio, BigDecimal realizedPnlToday,
                       int consecutiveLosses, BigDecimal lastPrice, OrderBookView book) {
        this(now, equity, startOfDayEquity, freeBalance, takerFeeRate, portfolio, realizedPnlToday, consecutiveLosses,
                lastPrice, book, java.util.List.of());
    }

    public RiskContext {
        brackets = java.util.List.copyOf(Objects.requireNonNull(brackets, "brackets"));
        Objects.requireNonNull(futuresMargin, "futuresMargin");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(equity, "equity");
        Objects.requireNonNull(startOfDayEquity, "startOfDayEquity");
        Objects.requireNonNull(freeBalance, "freeBalance");
        Objects.requireNonNull(takerFeeRate, "takerFeeRate");
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(realizedPnlToday, "realizedPnlToday");
        Objects.requireNonNull(lastPrice, "lastPrice");
        if (lastPrice.signum() <= 0) {
            throw new IllegalArgumentException("last price must be positive");
        }
        if (startOfDayEquity.signum() < 0 || freeBalance.signum() < 0 || takerFeeRate.signum() < 0) {
            throw new IllegalArgumentException("start-of-day equity, free balance and fee rate must not be negative");
        }
        if (consecutiveLosses < 0) {
            throw new IllegalArgumentException("consecutive losses must not be negative");
        }
    }
}
