package io.tradeguard.core.reconcile;

import io.tradeguard.core.ledger.AssetBalance;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.reconcile.Scenario.BalanceSpec;
import io.tradeguard.core.reconcile.Scenario.OrderSpec;
import io.tradeguard.core.reconcile.Scenario.Truth;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.tradeguard.core.reconcile.Scenario.POLICY;
import static io.tradeguard.core.reconcile.Scenario.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** Reconciliation is deterministic and idempotent, for random worlds of orders, fills and balances. */
class ReconcilerPropertyTest {

    @Provide
    Arbitrary<List<OrderSpec>> orders() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(1, 4),
                        Arbitraries.of(Truth.class), Arbitraries.integers().between(0, 6), Arbitraries.of(true, false))
                .as(OrderSpec::new).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<List<BalanceSpec>> balances() {
        return Combinators.combine(Arbitraries.of("USDT", "BTC", "BNB", "ETH"), Arbitraries.integers().between(0, 3),
                        Arbitraries.integers().between(0, 3), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as(BalanceSpec::new).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<Instant> times() {
        return Arbitraries.integers().between(0, 300).map(T0::plusSeconds);
    }

    @Property(tries = 300)
    void theSameInputsGiveTheSameCorrectionsWhateverTheirOrder(@ForAll("orders") List<OrderSpec> orders,
                                                               @ForAll("balances") List<BalanceSpec> balances,
                                                               @ForAll("times") Instant now, @ForAll long seed) {
        Scenario s = Scenario.of(orders, balances);
        VenueSnapshot venue = s.venue(now);
        Reconciler.Result once = Reconciler.reconcile(s.local.values(), s.localBalances, venue, POLICY, now);

        Random random = new Random(seed);
        List<Order> local = new ArrayList<>(s.local.values());
        Collections.shuffle(local, random);
        List<AssetBalance> localBalances = new ArrayList<>(s.localBalances);
        Collections.shuffle(localBalances, random);
        VenueSnapshot shuffled = new VenueSnapshot(venue.market(), shuffle(venue.openOrders(), random),
                shuffle(venue.queries(), random), shuffle(venue.trades(), random), shuffle(venue.balances(), random),
                venue.fetchedAt());
        Reconciler.Result again = Reconciler.reconcile(local, localBalances, shuffled, POLICY, now);

        assertThat(again).isEqualTo(once);
    }

    @Property(tries = 300)
    void afterItsCorrectionsASecondRunChangesNothing(@ForAll("orders") List<OrderSpec> orders,
                                                    @ForAll("balances") List<BalanceSpec> balances,
                                                    @ForAll("times") Instant now) {
        Scenario s = Scenario.of(orders, balances);
        VenueSnapshot venue = s.venue(now);
        Reconciler.Result first = Reconciler.reconcile(s.local.values(), s.localBalances, venue, POLICY, now);
        Map<ClientOrderId, Order> local = new LinkedHashMap<>(s.local);
        List<AssetBalance> localBalances = new ArrayList<>(s.localBalances);
        Scenario.apply(local, localBalances, first.corrections(), now);

        Reconciler.Result second = Reconciler.reconcile(local.values(), localBalances, venue, POLICY, now);

        assertThat(second.corrections()).noneMatch(Correction::changesState);
        // and every order the venue has settled is settled here too, with all its fills
        for (Order order : local.values()) {
            var settled = s.venueFinal.get(order.clientOrderId());
            if (settled != null && second.summary().unresolved() == 0) {
                assertThat(order.status()).isEqualTo(settled.status());
                assertThat(order.filledQuantity()).isEqualByComparingTo(settled.filledQuantity());
            }
        }
    }

    private static <T> List<T> shuffle(List<T> list, Random random) {
        if (list == null) {
            return null;
        }
        List<T> copy = new ArrayList<>(list);
        Collections.shuffle(copy, random);
        return copy;
    }
}
