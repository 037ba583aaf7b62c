package io.tradeguard.core.signal;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.signal.SignalDecision.Outcome;
import io.tradeguard.core.signal.SignalPlan.ClosePosition;
import io.tradeguard.core.signal.SignalPlan.OpenPosition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides what one signal becomes: a plan to trade, or a recorded refusal with its reason. Pure: the
 * same inputs give the same decision, so every decision can be replayed in a test.
 *
 * <p>Checks run in this order, and the first that fails gives the outcome: duplicate id, mode, confidence,
 * then what makes the signal untradeable now (age, leverage cap, missing price, protection on the wrong side
 * of the market, sizing refusal). The risk rules and safety gates come after this, in the engine.
 */
public final class SignalDecider {

    /** Quantity precision before the instrument's step rounding; rounded down so we never exceed the notional. */
    static final int QUANTITY_SCALE = 8;
    /** Tolerated clock difference between a signal's author and us. */
    static final Duration FUTURE_TOLERANCE = Duration.ofSeconds(60);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final SignalConfig config;

    public SignalDecider(SignalConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * @param lastPrice  the symbol's last traded price on the signal's market; null when none is known yet
     * @param seenBefore whether this signal id was taken before (see {@link SeenSignals})
     * @param now        the decision time, from the engine's clock
     */
    public SignalDecision decide(Signal signal, TradingMode mode, BigDecimal lastPrice, boolean seenBefore, Instant now) {
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(now, "now");
        if (lastPrice != null && lastPrice.signum() <= 0) {
            throw new IllegalArgumentException("last price must be positive, was " + lastPrice.toPlainString());
        }
        if (seenBefore) {
            return SignalDecision.declined(signal, Outcome.DUPLICATE,
                    "signal id " + signal.id() + " was already taken; this copy is ignored", now);
        }
        if (!mode.tradesSignals()) {
            return SignalDecision.declined(signal, Outcome.SKIPPED_MODE,
                    "mode is " + mode.wireName() + ": signals are recorded, not traded", now);
        }
        if (signal.confidence().compareTo(config.confidenceThreshold()) < 0) {
            return SignalDecision.declined(signal, Outcome.SKIPPED_LOW_CONFIDENCE,
                    "confidence " + signal.confidence().toPlainString() + " is below the threshold "
                            + config.confidenceThreshold().toPlainString(), now);
        }
        String untimely = checkTime(signal, now);
        if (untimely != null) {
            return SignalDecision.declined(signal, Outcome.REJECTED_INVALID, untimely, now);
        }
        return switch (signal.direction()) {
            case CLOSE -> SignalDecision.accepted(signal, new ClosePosition(signal.symbol(), signal.market()),
                    "close the " + signal.symbol() + " " + signal.market().wireName() + " position"
                            + confidenceClause(signal), now);
            case LONG, SHORT -> planEntry(signal, lastPrice, now);
        };
    }

    private SignalDecision planEntry(Signal signal, BigDecimal lastPrice, Instant now) {
        Side side = signal.direction().entrySide();
        if (signal.market() == Market.SPOT && side == Side.SELL) {
            return reject(signal, "spot cannot open a short position; send SHORT on futures, or CLOSE", now);
        }
        int leverage = signal.market() == Market.SPOT ? 1
                : signal.leverage() != null ? signal.leverage() : config.defaultFuturesLeverage();
        if (leverage > config.maxLeverage()) {
            return reject(signal, "leverage " + leverage + "x is above the cap of " + config.maxLeverage() + "x", now);
        }
        BigDecimal reference = signal.entry() != null ? signal.entry() : lastPrice;
        if (reference == null) {
            return reject(signal, "no last price for " + signal.symbol() + " yet, and a market entry needs one", now);
        }
        BigDecimal stop = signal.stopLoss() != null ? signal.stopLoss()
                : offset(reference, config.defaultStopLossPercent(), -side.sign());
        BigDecimal target = signal.takeProfit() != null ? signal.takeProfit()
                : offset(reference, config.defaultTakeProfitPercent(), side.sign());
        String wrongSide = checkProtectionAgainstMarket(side, signal.entry(), lastPrice, stop, target);
        if (wrongSide != null) {
            return reject(signal, wrongSide, now);
        }

        BigDecimal notional;
        String sizedBy;
        switch (config.sizing()) {
            case SignalSizing.FixedNotional fixed -> {
                notional = signal.sizeUsd() != null ? signal.sizeUsd() : fixed.notionalUsd();
                sizedBy = signal.sizeUsd() != null ? "size_usd of the signal" : "fixed notional";
            }
            case SignalSizing.RiskBased risk -> {
                var result = risk.sizer().size(new PositionSizer.Request(signal, side, reference, stop, leverage));
                switch (result) {
                    case PositionSizer.Result.Refused refused -> {
                        return reject(signal, "risk sizing refused: " + refused.reason(), now);
                    }
                    case PositionSizer.Result.Notional sized -> notional = sized.usd();
                }
                sizedBy = "risk-based sizing";
            }
        }
        BigDecimal quantity = notional.divide(reference, QUANTITY_SCALE, RoundingMode.DOWN);
        if (quantity.signum() == 0) {
            return reject(signal, "a notional of " + notional.toPlainString() + " USDT buys no quantity at "
                    + reference.toPlainString(), now);
        }
        OrderType type = signal.entry() != null ? OrderType.LIMIT : OrderType.MARKET;
        var plan = new OpenPosition(signal.symbol(), signal.market(), side, type, signal.entry(), reference,
                quantity.stripTrailingZeros(), notional, leverage, stop, target);
        String reason = signal.direction() + " " + signal.symbol() + " " + signal.market().wireName() + ": "
                + side.name().toLowerCase(java.util.Locale.ROOT) + " " + plan.quantity().toPlainString()
                + (type == OrderType.LIMIT ? " limit at " + reference.toPlainString()
                        : " at market (last " + reference.toPlainString() + ")")
                + ", " + notional.toPlainString() + " USDT notional by " + sizedBy
                + (signal.market() == Market.FUTURES ? " at " + leverage + "x" : "")
                + ", stop-loss " + stop.toPlainString() + ", take-profit " + target.toPlainString()
                + confidenceClause(signal);
        return SignalDecision.accepted(signal, plan, reason, now);
    }

    private String checkTime(Signal signal, Instant now) {
        Duration age = Duration.between(signal.time(), now);
        if (age.compareTo(config.maxSignalAge()) > 0) {
            return "signal is " + age.toSeconds() + " s old; signals older than "
                    + config.maxSignalAge().toSeconds() + " s are not traded";
        }
        if (age.negated().compareTo(FUTURE_TOLERANCE) > 0) {
            return "signal time " + signal.time() + " is " + age.negated().toSeconds()
                    + " s in the future; check the author's clock";
        }
        return null;
    }

    /**
     * The stop and target must straddle the price the entry will actually fill near: the last price for a
     * market order, or the better of limit and last price for a marketable limit. Otherwise the stop would
     * trigger at once.
     */
    private static String checkProtectionAgainstMarket(Side side, BigDecimal limit, BigDecimal last,
                                                       BigDecimal stop, BigDecimal target) {
        BigDecimal fill = limit == null ? last
                : last == null ? limit
                : side == Side.BUY ? limit.min(last) : limit.max(last);
        int up = side.sign();
        String where = limit == null ? "the last price " : "the expected fill ";
        if (stop.compareTo(fill) * up >= 0) {
            return "the stop-loss " + stop.toPlainString() + " is already " + (up > 0 ? "at or above " : "at or below ")
                    + where + fill.toPlainString() + ": it would trigger at once";
        }
        if (target.compareTo(fill) * up <= 0) {
            return "the take-profit " + target.toPlainString() + " is already " + (up > 0 ? "at or below " : "at or above ")
                    + where + fill.toPlainString() + ": it would trigger at once";
        }
        return null;
    }

    /** price × (1 ± percent/100); exact, since dividing by 100 only moves the decimal point. */
    private static BigDecimal offset(BigDecimal price, BigDecimal percent, int direction) {
        BigDecimal factor = HUNDRED.add(percent.multiply(BigDecimal.valueOf(direction))).movePointLeft(2);
        return price.multiply(factor).stripTrailingZeros();
    }

    private String confidenceClause(Signal signal) {
        return "; confidence " + signal.confidence().toPlainString() + " meets the threshold "
                + config.confidenceThreshold().toPlainString();
    }

    private static SignalDecision reject(Signal signal, String reason, Instant now) {
        return SignalDecision.declined(signal, Outcome.REJECTED_INVALID, reason, now);
    }
}
