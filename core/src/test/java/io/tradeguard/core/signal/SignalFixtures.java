package io.tradeguard.core.signal;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.time.Instant;

/** Canonical signals reused across the tests. */
final class SignalFixtures {
    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    static final Symbol BTC = Symbol.of("BTCUSDT");

    private SignalFixtures() {
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    /** A futures LONG at market, confidence 0.82, no prices of its own. */
    static Signal longAtMarket() {
        return new Signal(SignalId.of("sig-1"), BTC, Market.FUTURES, SignalDirection.LONG, d("0.82"),
                null, null, null, null, null, "breakout", "bridge", NOW);
    }

    static Signal with(Signal s, SignalDirection direction, BigDecimal entry, BigDecimal sl, BigDecimal tp) {
        return new Signal(s.id(), s.symbol(), s.market(), direction, s.confidence(), entry, sl, tp,
                s.leverage(), s.sizeUsd(), s.strategy(), s.source(), s.time());
    }

    static Signal withConfidence(Signal s, String confidence) {
        return new Signal(s.id(), s.symbol(), s.market(), s.direction(), d(confidence), s.entry(), s.stopLoss(),
                s.takeProfit(), s.leverage(), s.sizeUsd(), s.strategy(), s.source(), s.time());
    }

    static Signal withSizing(Signal s, Integer leverage, BigDecimal sizeUsd) {
        return new Signal(s.id(), s.symbol(), s.market(), s.direction(), s.confidence(), s.entry(), s.stopLoss(),
                s.takeProfit(), leverage, sizeUsd, s.strategy(), s.source(), s.time());
    }

    static Signal onMarket(Signal s, Market market) {
        return new Signal(s.id(), s.symbol(), market, s.direction(), s.confidence(), s.entry(), s.stopLoss(),
                s.takeProfit(), s.leverage(), s.sizeUsd(), s.strategy(), s.source(), s.time());
    }

    static Signal at(Signal s, Instant time) {
        return new Signal(s.id(), s.symbol(), s.market(), s.direction(), s.confidence(), s.entry(), s.stopLoss(),
                s.takeProfit(), s.leverage(), s.sizeUsd(), s.strategy(), s.source(), time);
    }
}
