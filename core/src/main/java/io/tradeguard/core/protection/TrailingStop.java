package io.tradeguard.core.protection;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A local trailing stop with the semantics of Binance's {@code trailingDelta} (BIPS: 1 = 0.01 %, 100 = 1 %).
 * A SELL (closing a long) follows the highest price since tracking began and fires on the first tick at or
 * below highest × (1 − delta / 10 000); a BUY (closing a short) follows the lowest price and fires at or
 * above lowest × (1 + delta / 10 000). Without an activation price tracking starts with the next tick; with
 * one, a SELL starts tracking once a tick is at or above it and a BUY once a tick is at or below it, that
 * tick setting the first extreme (Binance's FAQ: BUY, activation 44,000, delta 500, low 42,000 → fires at
 * 44,100). The exit goes out at market.
 *
 * @param extreme highest (SELL) or lowest (BUY) price since tracking began; null before
 */
public record TrailingStop(String id, Market market, Symbol symbol, Side exitSide, BigDecimal quantity, int deltaBips,
                           BigDecimal activationPrice, BigDecimal extreme, String group) implements LocalTrigger {

    public TrailingStop {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(exitSide, "exitSide");
        Objects.requireNonNull(quantity, "quantity");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("a trailing stop needs a positive quantity");
        }
        if (deltaBips < 1 || deltaBips >= 10_000) {
            throw new IllegalArgumentException("trailing delta must be 1..9999 BIPS, was " + deltaBips);
        }
        if (activationPrice != null && activationPrice.signum() <= 0 || extreme != null && extreme.signum() <= 0) {
            throw new IllegalArgumentException("activation and extreme prices must be positive");
        }
    }

    /** A new trailing stop, not tracking yet. */
    public static TrailingStop start(String id, Market market, Symbol symbol, Side exitSide, BigDecimal quantity,
                                     int deltaBips, BigDecimal activationPrice, String group) {
        return new TrailingStop(id, market, symbol, exitSide, quantity, deltaBips, activationPrice, null, group);
    }

    /** From a fraction (0.03 = 3 % = 300 BIPS), as the configuration writes trailing distances. */
    public static int bipsOf(BigDecimal fraction) {
        return fraction.movePointRight(4).intValueExact();
    }

    public boolean tracking() {
        return extreme != null;
    }

    /** The price at which it fires now, or null before tracking: what the dashboard draws. */
    public BigDecimal stopLevel() {
        if (extreme == null) {
            return null;
        }
        BigDecimal factor = BigDecimal.valueOf(exitSide == Side.SELL ? 10_000 - deltaBips : 10_000 + deltaBips);
        return extreme.multiply(factor).movePointLeft(4);
    }

    @Override
    public Step onTick(BigDecimal price) {
        boolean sell = exitSide == Side.SELL;
        if (extreme == null) {
            boolean active = activationPrice == null
                    || (sell ? price.compareTo(activationPrice) >= 0 : price.compareTo(activationPrice) <= 0);
            return active ? new Step(withExtreme(price), false, null) : new Step(this, false, null);
        }
        TrailingStop next = (sell ? price.compareTo(extreme) > 0 : price.compareTo(extreme) < 0) ? withExtreme(price) : this;
        BigDecimal level = next.stopLevel();
        boolean fired = sell ? price.compareTo(level) <= 0 : price.compareTo(level) >= 0;
        return new Step(next, fired, fired ? level : null);
    }

    private TrailingStop withExtreme(BigDecimal price) {
        return new TrailingStop(id, market, symbol, exitSide, quantity, deltaBips, activationPrice, price, group);
    }
}
