package io.tradeguard.core.order;

import io.tradeguard.core.model.Asset;
import io.tradeguard.core.venue.Fill;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FillListTest {

    private static Fill fill(long tradeId, int second) {
        return new Fill(tradeId, new BigDecimal("100"), new BigDecimal("0.1"), BigDecimal.ZERO, Asset.USDT, false,
                Instant.parse("2026-01-05T10:00:00Z").plusSeconds(second));
    }

    @Test
    void everyVersionKeepsItsOwnFillsWhileItsSuccessorsShareTheArray() {
        FillList one = FillList.empty().plus(fill(1, 1));
        FillList two = one.plus(fill(2, 2));
        FillList three = two.plus(fill(3, 3));
        // a second successor of an older version: it must not overwrite what three sees
        FillList other = two.plus(fill(9, 4));

        assertThat(one).extracting(Fill::tradeId).containsExactly(1L);
        assertThat(two).extracting(Fill::tradeId).containsExactly(1L, 2L);
        assertThat(three).extracting(Fill::tradeId).containsExactly(1L, 2L, 3L);
        assertThat(other).extracting(Fill::tradeId).containsExactly(1L, 2L, 9L);
        assertThat(three.hasTrade(3)).isTrue();
        assertThat(two.hasTrade(3)).isFalse();
        assertThat(three).isEqualTo(List.of(fill(1, 1), fill(2, 2), fill(3, 3)));
    }

    @Test
    void theSameFillAppendedTwiceToOneVersionGivesEqualListsAndAnEarlierFillIsSortedIn() {
        Fill second = fill(2, 2);
        FillList one = FillList.empty().plus(fill(1, 1));
        assertThat(one.plus(second)).isEqualTo(one.plus(second));
        assertThat(one.plus(second).plus(fill(3, 0))).extracting(Fill::tradeId).containsExactly(3L, 1L, 2L);
    }

    @Test
    void itCannotBeChanged() {
        FillList list = FillList.of(List.of(fill(1, 1)));
        assertThatThrownBy(() -> list.add(fill(2, 2))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.set(0, fill(2, 2))).isInstanceOf(UnsupportedOperationException.class);
    }
}
