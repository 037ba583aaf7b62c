package io.tradeguard.app.service;

import io.tradeguard.core.ledger.DailyStats;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.server.order.OrderIntent;
import io.tradeguard.server.order.OrderKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An order's own stop_loss / take_profit must be able to protect the long it opens. */
class ProtectionValidationTest {
    private static final Symbol BTCUSDT = Symbol.of("BTCUSDT");

    private static TradingSnapshot at(String last) {
        Map<Symbol, BigDecimal> prices = last == null ? Map.of() : Map.of(BTCUSDT, new BigDecimal(last));
        Instant now = Instant.parse("2026-01-05T10:00:00Z");
        return new TradingSnapshot(List.of(), List.of(), List.of(), Map.of(Market.SPOT, prices), Map.of(), Map.of(),
                Market.SPOT, DailyStats.start(LocalDate.of(2026, 1, 5), new BigDecimal("10000"), 0), Asset.USDT, new BigDecimal("10000"),
                false, null, 0, now);
    }

    private static OrderIntent order(Side side, OrderType type, String price, String stopLoss, String takeProfit) {
        return new OrderIntent(type == OrderType.LIMIT ? OrderKind.LIMIT : OrderKind.MARKET, Market.SPOT, BTCUSDT, side, type,
                type == OrderType.LIMIT ? TimeInForce.GTC : null, new BigDecimal("0.01"), null,
                price == null ? null : new BigDecimal(price), null, null, null, null, null, null, false, null,
                stopLoss == null ? null : new BigDecimal(stopLoss), takeProfit == null ? null : new BigDecimal(takeProfit), true);
    }

    @Test
    void aLongsStopLossLiesBelowAndItsTakeProfitAboveTheLimitPrice() {
        assertThat(EngineTradingApi.protectionProblem(order(Side.BUY, OrderType.LIMIT, "50000", "49000", "52000"), at("50100"))).isEmpty();
        assertThat(EngineTradingApi.protectionProblem(order(Side.BUY, OrderType.LIMIT, "50000", "50000", null), at("50100")))
                .hasValue("the stop_loss 50000 of a long must lie below its entry price 50000");
        assertThat(EngineTradingApi.protectionProblem(order(Side.BUY, OrderType.LIMIT, "50000", null, "49999.99"), at("50100")))
                .hasValue("the take_profit 49999.99 of a long must lie above its entry price 50000");
    }

    @Test
    void aMarketBuyIsJudgedByTheLastPriceAndNeedsOne() {
        assertThat(EngineTradingApi.protectionProblem(order(Side.BUY, OrderType.MARKET, null, "49000", null), at("50000"))).isEmpty();
        assertThat(EngineTradingApi.protectionProblem(order(Side.BUY, OrderType.MARKET, null, "50001", null), at("50000")))
                .hasValue("the stop_loss 50001 of a long must lie below its entry price 50000");
        assertThat(EngineTradingApi.protectionProblem(order(Side.BUY, OrderType.MARKET, null, "49000", null), at(null)))
                .get().asString().contains("is not known yet");
    }

    @Test
    void aSpotSellOpensNothingToProtect() {
        assertThat(EngineTradingApi.protectionProblem(order(Side.SELL, OrderType.LIMIT, "50000", "51000", "49000"), at("50000")))
                .hasValue("stop_loss / take_profit protect the position an order opens; a spot sell opens none");
        assertThat(EngineTradingApi.protectionProblem(order(Side.SELL, OrderType.LIMIT, "50000", null, null), at("50000"))).isEmpty();
    }
}
