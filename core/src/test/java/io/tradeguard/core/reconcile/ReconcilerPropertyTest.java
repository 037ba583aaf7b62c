package io.tradeguard.core.reconcile;

import io.tradeguard.core.ledger.AssetBalance;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.order.Order;
import io.tradeguard.core.reconcile.Scenario.BalanceSpec;
import io.tradeguard.core.reconcile.Scenario.OrderSpec;
import io.tradeguard.core.reconcile.Scenario.Truth;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

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
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.enumValues;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/** Reconciliation is deterministic and idempotent, for random worlds of orders, fills and balances. */
class ReconcilerPropertyTest {

    Gen<List<OrderSpec>> orders() {
        return lists().of(pick(List.of(true, false)).zip(integers().between(1, 4),
                        enumValues(Truth.class), integers().between(0, 6), pick(List.of(true, false)), OrderSpec::new))
                .ofSizeBetween(0, 12);
    }

    Gen<List<BalanceSpec>> balances() {
        return lists().of(pick(List.of("USDT", "BTC", "BNB", "ETH")).zip(integers().between(0, 3),
                        integers().between(0, 3), pick(List.of(true, false)), pick(List.of(true, false)), BalanceSpec::new))
                .ofSizeBetween(0, 6);
    }

    Gen<Instant> times() {
        return integers().between(0, 300).map(T0::plusSeconds);
    }

    @Test
    void theSameInputsGiveTheSameCorrectionsWhateverTheirOrder() {
        qt().withExamples(300).forAll(orders(), balances(), times(), longs().all())
                .checkAssert(this::theSameInputsGiveTheSameCorrectionsWhateverTheirOrder);
    }

    void theSameInputsGiveTheSameCorrectionsWhateverTheirOrder(List<OrderSpec> orders, List<BalanceSpec> balances,
                                                               Instant now, long seed) {
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

    @Test
    void afterItsCorrectionsASecondRunChangesNothing() {
        qt().withExamples(300).forAll(orders(), balances(), times())
                .checkAssert(this::afterItsCorrectionsASecondRunChangesNothing);
    }

    void afterItsCorrectionsASecondRunChangesNothing(List<OrderSpec> orders, List<BalanceSpec> balances, Instant now) {
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
