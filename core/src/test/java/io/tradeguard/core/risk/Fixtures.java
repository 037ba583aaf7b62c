package io.tradeguard.core.risk;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Named canonical inputs: a 10,000 USDT account, BTCUSDT at 100, no fees, a deep book. */
final class Fixtures {
    static final Symbol BTC = Symbol.of("BTCUSDT");
    static final Symbol ETH = Symbol.of("ETHUSDT");
    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private Fixtures() {
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static OrderBookView deepBook() {
        return new OrderBookView(List.of(new BookLevel(d("100"), d("1000000"))), List.of(new BookLevel(d("100"), d("1000000"))));
    }

    /** A mutable builder for contexts; every test changes what it needs. */
    static final class Ctx {
        BigDecimal equity = d("10000");
        BigDecimal startOfDay = d("10000");
        BigDecimal free = d("10000");
        BigDecimal fee = BigDecimal.ZERO;
        List<OpenPosition> positions = new ArrayList<>();
        BigDecimal realized = BigDecimal.ZERO;
        int losses;
        BigDecimal last = d("100");
        OrderBookView book = deepBook();

        Ctx equity(String v) {
            equity = d(v);
            startOfDay = d(v);
            free = d(v);
            return this;
        }

        Ctx free(String v) {
            free = d(v);
            return this;
        }

        Ctx fee(String v) {
            fee = d(v);
            return this;
        }

        Ctx realized(String v) {
            realized = d(v);
            return this;
        }

        Ctx losses(int v) {
            losses = v;
            return this;
        }

        java.util.List<io.tradeguard.core.venue.MaintenanceBracket> brackets = java.util.List.of();

        Ctx brackets(java.util.List<io.tradeguard.core.venue.MaintenanceBracket> v) {
            brackets = v;
            return this;
        }

        FuturesMargin futuresMargin = FuturesMargin.NEW_ISOLATED;

        Ctx futuresMargin(FuturesMargin v) {
            futuresMargin = v;
            return this;
        }

        Ctx book(OrderBookView v) {
            book = v;
            return this;
        }

        Ctx position(OpenPosition p) {
            positions.add(p);
            return this;
        }

        /** n other longs of 1 @ 100 on distinct symbols, stop 99 (loss to stop 1 each). */
        Ctx otherPositions(int n) {
            for (int i = 0; i < n; i++) {
                positions.add(new OpenPosition(Market.SPOT, Symbol.of("X" + i + "USDT"), Side.BUY, d("1"), d("100"), d("100"), d("99"), 1));
            }
            return this;
        }

        RiskContext build() {
            return new RiskContext(NOW, equity, startOfDay, free, fee, Portfolio.of(positions), realized, losses, last, book, brackets,
                    futuresMargin);
        }
    }

    static Ctx ctx() {
        return new Ctx();
    }

    /** A spot limit buy of BTCUSDT at 100 with a stop at 90 (worst loss 10 per unit), lot step 0.01. */
    static ProposedOrder buy(String quantity) {
        return new ProposedOrder(Market.SPOT, BTC, Side.BUY, OrderType.LIMIT, d(quantity), d("100"), 1, d("90"),
                Origin.MANUAL, false, d("0.01"), d("0.01"));
    }

    static ProposedOrder marketBuy(String quantity) {
        return new ProposedOrder(Market.SPOT, BTC, Side.BUY, OrderType.MARKET, d(quantity), null, 1, d("90"),
                Origin.MANUAL, false, d("0.01"), d("0.01"));
    }

    static ProposedOrder futuresBuy(String quantity, int leverage) {
        return new ProposedOrder(Market.FUTURES, BTC, Side.BUY, OrderType.LIMIT, d(quantity), d("100"), leverage, d("90"),
                Origin.SIGNAL, false, d("0.01"), d("0.01"));
    }

    static RuleResult check(PreTradeRule rule, ProposedOrder order, RiskContext context) {
        return rule.check(OrderUnderCheck.of(order, context));
    }
}
