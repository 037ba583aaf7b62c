package io.tradeguard.core.order;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.order.OrderTransitions.Move;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.tradeguard.core.testing.Reports.BTC;
import static io.tradeguard.core.testing.Reports.BTCUSDT;
import static io.tradeguard.core.testing.Reports.d;
import static io.tradeguard.core.testing.Reports.fill;
import static io.tradeguard.core.testing.Reports.status;
import static io.tradeguard.core.testing.Reports.trade;
import static org.assertj.core.api.Assertions.assertThat;

class OrderReportsTest {
    private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
    private static final String ID = "TGM-1";

    private static Order pending() {
        return Order.pending(OrderIntent.limit(Market.SPOT, BTCUSDT, Side.BUY, d("1"), d("100"), OrderOrigin.MANUAL),
                ClientOrderId.of(ID), T0);
    }

    @Test
    void theVenuesAcceptanceMakesThePendingOrderNewWithItsVenueId() {
        var applied = OrderReports.apply(pending(), status(ID, 7, Side.BUY, "1", "100", OrderStatus.NEW, "0", T0.plusSeconds(1)));

        assertThat(applied.order().status()).isEqualTo(OrderStatus.NEW);
        assertThat(applied.order().venueOrderId()).isEqualTo(7L);
        assertThat(applied.changed()).isTrue();
        assertThat(applied.anomaly()).isNull();
    }

    @Test
    void aDuplicateReportChangesNothing() {
        var report = trade(ID, 7, Side.BUY, "1", "100", OrderStatus.PARTIALLY_FILLED, "0.4",
                fill(1, "100", "0.4", "0.04", Asset.USDT, T0.plusSeconds(2)));
        Order once = OrderReports.apply(pending(), report).order();

        var twice = OrderReports.apply(once, report);

        assertThat(twice.changed()).isFalse();
        assertThat(twice.newFill()).isNull();
        assertThat(twice.order().filledQuantity()).isEqualByComparingTo("0.4");
    }

    @Test
    void aFillReportedAfterTheCancelIsAppliedAndTheOrderStaysCancelled() {
        Order cancelled = OrderReports.apply(pending(),
                status(ID, 7, Side.BUY, "1", "100", OrderStatus.CANCELED, "0", T0.plusSeconds(3))).order();

        var late = OrderReports.apply(cancelled, trade(ID, 7, Side.BUY, "1", "100", OrderStatus.PARTIALLY_FILLED, "0.3",
                fill(9, "100", "0.3", "0", null, T0.plusSeconds(2))));

        assertThat(late.move()).isEqualTo(Move.STAY);
        assertThat(late.order().status()).isEqualTo(OrderStatus.CANCELED);
        assertThat(late.newFill().tradeId()).isEqualTo(9);
        assertThat(late.order().filledQuantity()).isEqualByComparingTo("0.3");
        assertThat(late.anomaly()).isNull();
    }

    @Test
    void aNewReportArrivingAfterAFillDoesNotMoveTheOrderBack() {
        Order partly = OrderReports.apply(pending(), trade(ID, 7, Side.BUY, "1", "100", OrderStatus.PARTIALLY_FILLED,
                "0.5", fill(1, "100", "0.5", "0", null, T0.plusSeconds(2)))).order();

        var stale = OrderReports.apply(partly, status(ID, 7, Side.BUY, "1", "100", OrderStatus.NEW, "0", T0.plusSeconds(1)));

        assertThat(stale.changed()).isFalse();
        assertThat(stale.order().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(stale.order().venueTime()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void anImpossibleReportIsReportedAndNotApplied() {
        Order filled = OrderReports.apply(pending(), trade(ID, 7, Side.BUY, "1", "100", OrderStatus.FILLED, "1",
                fill(1, "100", "1", "0", null, T0.plusSeconds(2)))).order();

        var cancel = OrderReports.apply(filled, status(ID, 7, Side.BUY, "1", "100", OrderStatus.CANCELED, "1", T0.plusSeconds(3)));

        assertThat(cancel.move()).isEqualTo(Move.ILLEGAL);
        assertThat(cancel.anomaly()).contains("FILLED").contains("CANCELED");
        assertThat(cancel.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(filled.filledAt()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void averagePriceAndCommissionsAddUpOverFills() {
        Order order = pending();
        order = OrderReports.apply(order, trade(ID, 7, Side.BUY, "1", "100", OrderStatus.PARTIALLY_FILLED, "0.25",
                fill(1, "100", "0.25", "0.0005", BTC, T0))).order();
        order = OrderReports.apply(order, trade(ID, 7, Side.BUY, "1", "100", OrderStatus.FILLED, "1",
                fill(2, "104", "0.75", "0.0015", BTC, T0.plusSeconds(1)))).order();

        // (0.25 × 100 + 0.75 × 104) / 1 = 103
        assertThat(order.averageFillPrice()).hasValueSatisfying(p -> assertThat(p).isEqualByComparingTo("103"));
        assertThat(order.commissions()).singleElement().satisfies(c -> {
            assertThat(c.asset()).isEqualTo(BTC);
            assertThat(c.amount()).isEqualByComparingTo("0.002");
        });
        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
    }

    @Test
    void theVenueSayingFilledBeforeTheFillsArriveLeavesMissingFills() {
        Order order = OrderReports.apply(pending(), status(ID, 7, Side.BUY, "1", "100", OrderStatus.FILLED, "1", T0)).order();

        assertThat(order.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(order.missingFills()).isTrue();
    }

    @Test
    void aLostAnswerMakesTheOrderUnknownAndNotPlacedRejectsIt() {
        var lost = OrderReports.local(pending(), OrderTrigger.ANSWER_LOST, "", T0);
        assertThat(lost.order().status()).isEqualTo(OrderStatus.UNKNOWN);

        var never = OrderReports.local(lost.order(), OrderTrigger.NOT_PLACED, "never placed", T0.plusSeconds(61));
        assertThat(never.order().status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(never.order().rejectReason()).isEqualTo("never placed");

        var contradiction = OrderReports.local(never.order(), OrderTrigger.ANSWER_LOST, "", T0);
        assertThat(contradiction.anomaly()).isNotNull();
    }

    @Test
    void anIdOfOursCarriesItsOrigin() {
        assertThat(OrderOrigin.ofClientOrderId(ClientOrderId.of("TGP-abc-1"), "TG")).isEqualTo(OrderOrigin.PROTECTION);
        assertThat(OrderOrigin.ofClientOrderId(ClientOrderId.of("TGS-abc-1"), "TG")).isEqualTo(OrderOrigin.SIGNAL);
        assertThat(OrderOrigin.ofClientOrderId(ClientOrderId.of("web_123"), "TG")).isEqualTo(OrderOrigin.EXTERNAL);
    }
}
