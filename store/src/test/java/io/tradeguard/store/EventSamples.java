package io.tradeguard.store;

import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.event.ReconciliationSummary;
import io.tradeguard.core.ledger.AssetBalance;
import io.tradeguard.core.ledger.ClosedTrade;
import io.tradeguard.core.ledger.DailyStats;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.ledger.PositionSide;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.ExecutionType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.order.OrderReports;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.core.venue.OrderUpdate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One realistic event of every type, with awkward decimals (trailing zeros, eight places). */
final class EventSamples {
    static final Instant T0 = Instant.parse("2026-01-05T10:00:00.123456789Z");
    static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
    static final Asset BTC = Asset.of("BTC");
    static final ClientOrderId ID = ClientOrderId.of("TGM-k2x9-1");

    private EventSamples() {
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static OrderIntent intent() {
        return OrderIntent.limit(Market.SPOT, BTCUSDT, Side.BUY, d("0.50000"), d("42000.10"), OrderOrigin.MANUAL)
                .withReason("breakout");
    }

    static Order pending() {
        return Order.pending(intent(), ID, T0);
    }

    static Fill fill() {
        return new Fill(77, d("42000.10"), d("0.50000"), d("0.00000001"), BTC, true, T0.plusMillis(5));
    }

    static Order filled() {
        OrderUpdate report = new OrderUpdate(Market.SPOT, BTCUSDT, 123456789L, ID, Side.BUY, OrderType.LIMIT,
                TimeInForce.GTC, OrderStatus.FILLED, ExecutionType.TRADE, d("0.50000"), d("42000.10"), null,
                d("0.50000"), d("21000.05000"), fill(), null, -1, false, T0.plusMillis(5), T0.plusMillis(6));
        return OrderReports.apply(pending(), report).order();
    }

    static Position position() {
        return new Position("spot:BTCUSDT:77", Market.SPOT, BTCUSDT, BTC, Asset.USDT, d("0.50000"), d("21000.0500000"),
                d("0.00042000"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, 1, T0, T0);
    }

    static ClosedTrade trade() {
        return new ClosedTrade("spot:BTCUSDT:77", "spot:BTCUSDT:77", Market.SPOT, BTCUSDT, PositionSide.LONG,
                d("0.50000"), d("42000.1"), d("43000"), d("0.85"), BigDecimal.ZERO, d("499.10"),
                d("0.023765417308"), 1, "PROTECTION: take profit", T0, T0.plusSeconds(3600));
    }

    static List<DomainEvent> all() {
        Order filled = filled();
        return List.of(
                new DomainEvent.OrderSubmitted(pending(), intent().toRequest(ID), T0),
                new DomainEvent.OrderDenied(intent(), List.of("the order is larger than 10% of equity"), T0),
                new DomainEvent.OrderPlaced(pending(), T0),
                new DomainEvent.OrderPartiallyFilled(filled, fill(), T0),
                new DomainEvent.OrderFilled(filled, fill(), T0),
                new DomainEvent.OrderCancelled(filled, T0),
                new DomainEvent.OrderExpired(filled, T0),
                new DomainEvent.OrderRejected(pending(), "Account has insufficient balance", T0),
                new DomainEvent.OrderStatusUnknown(pending(), "read timed out", T0),
                new DomainEvent.OrderUpdated(filled, T0),
                new DomainEvent.OrderAdopted(filled, T0),
                new DomainEvent.OrderCancelRequested(ID, "user", T0),
                new DomainEvent.OrderCancelFailed(ID, "REJECTED -2011: Unknown order sent.", T0),
                new DomainEvent.OrderAnomaly(ID, "FILLED cannot become CANCELED", T0),
                new DomainEvent.CommissionUnpriced(ID, 77, Asset.BNB, d("0.00010000"), T0),
                new DomainEvent.PositionOpened(position(), T0),
                new DomainEvent.PositionUpdated(position(), d("1.50"), T0),
                new DomainEvent.PositionClosed(Market.SPOT, BTCUSDT, position(), trade(), d("499.10"), T0.plusSeconds(3600)),
                new DomainEvent.BalanceUpdated(new AssetBalance(Market.SPOT, Asset.USDT, d("1000.00000000"), d("0E-8"), T0), T0),
                new DomainEvent.DailyStatsUpdated(new DailyStats(LocalDate.of(2026, 1, 5), d("10000.00"), d("-12.5"), 3, 1, 2, -2), T0),
                new DomainEvent.DailyStatsUpdated(DailyStats.start(LocalDate.of(2026, 1, 6), null, 0), T0),
                new DomainEvent.ConnectionLost("user-data", "socket closed", T0),
                new DomainEvent.ConnectionRestored("user-data", T0),
                new DomainEvent.ReconciliationCompleted(new ReconciliationSummary(1, 2, 3, 4, 5, 6, 7, 8,
                        List.of("adopted EXTERNAL order web_1 (NEW)")), T0),
                new DomainEvent.EmergencyStop("drawdown 10%", T0),
                new DomainEvent.TradingResumed("admin", T0),
                new DomainEvent.KillSwitchTripped("daily loss 5.2% over the 5% limit", T0),
                new DomainEvent.KillSwitchReset("admin", T0),
                new DomainEvent.CircuitBreakerOpened("5 consecutive errors", T0.plusSeconds(300), T0),
                new DomainEvent.CircuitBreakerClosed(T0),
                new DomainEvent.GuardStateSaved(new io.tradeguard.core.guard.GuardState(
                        new io.tradeguard.core.safety.KillSwitchState(true, io.tradeguard.core.safety.KillSwitch.Cause.CONSECUTIVE_LOSSES,
                                "3 losing trades in a row", T0, null, java.time.LocalDate.of(2026, 1, 2), d("10000.00000000"),
                                d("-18.50"), 3, 3),
                        new io.tradeguard.core.safety.CircuitBreakerState(io.tradeguard.core.safety.CircuitBreaker.Status.OPEN, 5,
                                T0.plusSeconds(300), null, "SERVER -1008"),
                        List.of(new io.tradeguard.core.protection.PriceTrigger("spot:BTCUSDT:3:sl", Market.SPOT, BTCUSDT, Side.SELL,
                                d("0.00999000"), io.tradeguard.core.protection.PriceTrigger.Kind.STOP_LOSS, d("49000.10"), "spot:BTCUSDT:3")),
                        List.of(new io.tradeguard.core.protection.TrailingStop("trail-1", Market.SPOT, BTCUSDT, Side.SELL,
                                d("0.01"), 100, null, d("53000.00"), null))), "trail moved", T0),
                new DomainEvent.SignalReceived("sig-1", new OrderIntent(Market.SPOT, BTCUSDT, Side.BUY, OrderType.MARKET,
                        null, null, d("200"), null, null, null, null, null, false, false, OrderOrigin.SIGNAL, "demo", null), T0),
                new DomainEvent.SettingsChanged("cancel open orders on stop: false", T0),
                new DomainEvent.FundingPaid(BTCUSDT, io.tradeguard.core.model.Asset.USDT, d("-1.25"), null, T0, T0),
                new DomainEvent.EngineStarted(T0),
                new DomainEvent.EngineStopped("shutdown", T0));
    }
}
