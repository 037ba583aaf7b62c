package io.tradeguard.core.reconcile;

import io.tradeguard.core.ledger.AssetBalance;
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.reconcile.Scenario.BalanceSpec;
import io.tradeguard.core.reconcile.Scenario.OrderSpec;
import io.tradeguard.core.reconcile.Scenario.Truth;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.core.venue.Venue.AccountTrade;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import static io.tradeguard.core.reconcile.Scenario.POLICY;
import static io.tradeguard.core.reconcile.Scenario.T0;
import static io.tradeguard.core.testing.Reports.BTCUSDT;
import static io.tradeguard.core.testing.Reports.d;
import static org.assertj.core.api.Assertions.assertThat;

class ReconcilerTest {
    private static final Instant LATER = T0.plusSeconds(120);

    private static Reconciler.Result run(Scenario s, Instant now) {
        return Reconciler.reconcile(s.local.values(), s.localBalances, s.venue(now), POLICY, now);
    }

    @Test
    void venueOrdersWeDoNotKnowAreAdoptedOursByPrefixOthersAsExternal() {
        Scenario s = Scenario.of(List.of(new OrderSpec(true, 2, Truth.NEW, 0, true),
                new OrderSpec(false, 2, Truth.PARTIALLY_FILLED, 0, false)), List.of());
        s.local.clear(); // the engine knows neither (a lost journal, an order from the Binance app)

        Reconciler.Result result = run(s, LATER);

        assertThat(result.corrections()).filteredOn(Correction.Adopt.class::isInstance)
                .map(c -> ((Correction.Adopt) c).origin())
                .containsExactlyInAnyOrder(OrderOrigin.MANUAL, OrderOrigin.EXTERNAL);
        // the external order has one fill on the venue, which is applied after adoption
        assertThat(result.corrections()).filteredOn(Correction.ApplyFill.class::isInstance).hasSize(1);
        assertThat(result.summary().adoptedOurs()).isEqualTo(1);
        assertThat(result.summary().adoptedExternal()).isEqualTo(1);
    }

    @Test
    void anOrderFilledWhileWeWereAwayIsSettledWithItsMissingFills() {
        // seen 1 event: the NEW; then both fills and the FILLED happened unseen
        Scenario s = Scenario.of(List.of(new OrderSpec(true, 2, Truth.FILLED, 1, true)), List.of());

        Reconciler.Result result = run(s, LATER);

        assertThat(result.corrections()).hasSize(3);
        assertThat(result.corrections().get(0)).isInstanceOfSatisfying(Correction.ApplyReport.class,
                r -> assertThat(r.report().status()).isEqualTo(OrderStatus.FILLED));
        assertThat(result.corrections().subList(1, 3)).allMatch(Correction.ApplyFill.class::isInstance);
        assertThat(result.summary().fillsApplied()).isEqualTo(2);
    }

    @Test
    void anIntentTheVenueNeverSawIsMarkedNotPlacedOnlyAfterTheGracePeriod() {
        Scenario s = Scenario.of(List.of(new OrderSpec(true, 1, Truth.NEVER_PLACED, 0, true)), List.of());

        Reconciler.Result early = run(s, T0.plusSeconds(30));
        Reconciler.Result late = run(s, LATER);

        assertThat(early.corrections()).isEmpty();
        assertThat(early.summary().unresolved()).isEqualTo(1);
        assertThat(late.corrections()).singleElement().isInstanceOf(Correction.MarkNotPlaced.class);
    }

    @Test
    void aFailedQueryLeavesTheOrderUnresolvedAndChangesNothing() {
        Scenario s = Scenario.of(List.of(new OrderSpec(true, 2, Truth.CANCELED, 1, true)), List.of());
        VenueSnapshot withoutAnswers = new VenueSnapshot(Market.SPOT, List.of(), List.of(), List.of(), null, LATER);

        Reconciler.Result result = Reconciler.reconcile(s.local.values(), List.of(), withoutAnswers, POLICY, LATER);

        assertThat(result.corrections()).isEmpty();
        assertThat(result.summary().unresolved()).isEqualTo(1);
    }

    @Test
    void balancesFollowTheVenueUnlessOurFigureIsNewer() {
        Scenario s = Scenario.of(List.of(), List.of(
                new BalanceSpec("USDT", 100, 90, true, true),
                new BalanceSpec("BTC", 1, 0, true, false),
                new BalanceSpec("ETH", 0, 5, false, true),
                new BalanceSpec("BNB", 3, 3, true, true)));
        s.localBalances.add(new AssetBalance(Market.SPOT, Asset.of("SOL"), d("7"), BigDecimal.ZERO, LATER.plusSeconds(1)));

        Reconciler.Result result = run(s, LATER);

        assertThat(result.corrections()).map(c -> ((Correction.CorrectBalance) c).venue().asset().code())
                .containsExactly("ETH", "USDT", "BTC");
        assertThat(result.summary().balancesCorrected()).isEqualTo(3);
    }

    @Test
    void aTradeOfAnOrderNobodyKnowsIsReportedNotGuessed() {
        Scenario s = Scenario.of(List.of(), List.of());
        s.trades.add(new AccountTrade(BTCUSDT, 4242, io.tradeguard.core.model.Side.BUY,
                new Fill(1, d("100"), d("1"), d("0"), null, false, T0)));

        Reconciler.Result result = run(s, LATER);

        assertThat(result.corrections()).singleElement().isInstanceOf(Correction.UnmatchedTrade.class);
        assertThat(result.changesState()).isFalse();
    }

    @Test
    void anOrderWeHoldFinishedButTheVenueListsOpenIsADiscrepancy() {
        Scenario s = Scenario.of(List.of(new OrderSpec(true, 2, Truth.NEW, 1, true)), List.of());
        ClientOrderId id = s.local.keySet().iterator().next();
        Order cancelled = s.local.get(id);
        cancelled = io.tradeguard.core.order.OrderReports.apply(cancelled, io.tradeguard.core.testing.Reports.status(
                id.value(), cancelled.venueOrderId(), cancelled.side(), "2", "100", OrderStatus.CANCELED, "0", T0.plusSeconds(9))).order();
        s.local.put(id, cancelled);

        Reconciler.Result result = run(s, LATER);

        assertThat(result.corrections()).singleElement().isInstanceOf(Correction.Discrepancy.class);
    }

    @Test
    void appliedCorrectionsLeaveNothingForASecondRun() {
        Scenario s = Scenario.of(List.of(new OrderSpec(true, 3, Truth.PARTIALLY_FILLED, 1, true),
                new OrderSpec(true, 2, Truth.CANCELED, 0, false),
                new OrderSpec(false, 4, Truth.NEW, 0, true)), List.of(new BalanceSpec("USDT", 5, 6, true, true)));
        Reconciler.Result first = run(s, LATER);
        var orders = new LinkedHashMap<>(s.local);
        List<AssetBalance> balances = new ArrayList<>(s.localBalances);
        Scenario.apply(orders, balances, first.corrections(), LATER);

        Reconciler.Result second = Reconciler.reconcile(orders.values(), balances, s.venue(LATER), POLICY, LATER);

        assertThat(first.changesState()).isTrue();
        assertThat(second.changesState()).isFalse();
    }
}
