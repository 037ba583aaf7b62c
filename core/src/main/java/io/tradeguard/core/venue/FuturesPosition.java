package io.tradeguard.core.venue;

import io.tradeguard.core.model.MarginType;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One futures position as the venue reports it (positionRisk). One-way mode: the amount is signed,
 * positive long, negative short, zero flat.
 *
 * @param liquidationPrice null when the venue reports none ("0": flat, or no price can liquidate it)
 * @param isolatedWallet   margin held by an isolated position (zero for cross)
 * @param notional         signed notional at the mark price
 */
public record FuturesPosition(Symbol symbol, BigDecimal amount, BigDecimal entryPrice, BigDecimal breakEvenPrice,
                              BigDecimal markPrice, BigDecimal unrealizedPnl, BigDecimal liquidationPrice, int leverage,
                              MarginType marginType, BigDecimal isolatedWallet, BigDecimal notional, Instant updateTime) {

    public FuturesPosition {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(breakEvenPrice, "breakEvenPrice");
        Objects.requireNonNull(markPrice, "markPrice");
        Objects.requireNonNull(unrealizedPnl, "unrealizedPnl");
        Objects.requireNonNull(marginType, "marginType");
        Objects.requireNonNull(isolatedWallet, "isolatedWallet");
        Objects.requireNonNull(notional, "notional");
        Objects.requireNonNull(updateTime, "updateTime");
        if (leverage < 1 || leverage > 125) {
            throw new IllegalArgumentException("leverage must be within 1..125, was " + leverage);
        }
        if (liquidationPrice != null && liquidationPrice.signum() <= 0) {
            throw new IllegalArgumentException("a liquidation price is positive or absent");
        }
    }

    public boolean isFlat() {
        return amount.signum() == 0;
    }

    public boolean isLong() {
        return amount.signum() > 0;
    }

    public boolean isShort() {
        return amount.signum() < 0;
    }

    public Optional<BigDecimal> liquidation() {
        return Optional.ofNullable(liquidationPrice);
    }
}
