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
    void growingPastItsArrayKeepsEveryTradeIdAndTheDuplicateCheckFindsLowerIds() {
        FillList list = FillList.empty();
        FillList four = null;
        for (int i = 0; i < 20; i++) {
            list = list.plus(fill(100 + i, i)); // grows at 4, 7, 11, 17 slots
            four = list.size() == 4 ? list : four;
        }
        FillList twenty = list;
        // a second successor of a full version grows into a copy of its own fills only
        FillList five = four.plus(fill(7, 30));
        assertThat(five).extracting(Fill::tradeId).containsExactly(100L, 101L, 102L, 103L, 7L);
        assertThat(twenty.get(4).tradeId()).isEqualTo(104L);
        for (int i = 0; i < 20; i++) {
            assertThat(twenty.hasTrade(100 + i)).isTrue();
        }
        assertThat(twenty.hasTrade(99)).isFalse();
        assertThat(twenty.hasTrade(120)).isFalse();
        assertThat(five.hasTrade(7)).isTrue();
        assertThat(five.hasTrade(104)).isFalse();
        assertThat(five.hasTrade(103)).isTrue();

        // trade ids need not rise with time: a lower id later is still found, and still no duplicate of a higher one
        FillList mixed = FillList.empty().plus(fill(50, 1)).plus(fill(10, 2)).plus(fill(30, 3)).plus(fill(20, 4))
                .plus(fill(5, 5));
        assertThat(mixed).extracting(Fill::tradeId).containsExactly(50L, 10L, 30L, 20L, 5L);
        assertThat(mixed.hasTrade(5)).isTrue();
        assertThat(mixed.hasTrade(50)).isTrue();
        assertThat(mixed.hasTrade(40)).isFalse();
        assertThat(mixed.hasTrade(51)).isFalse();
        // a fill sorted in before the others (earlier time) is found, and so are the ids it was sorted among
        FillList sorted = mixed.plus(fill(60, 0));
        assertThat(sorted).extracting(Fill::tradeId).containsExactly(60L, 50L, 10L, 30L, 20L, 5L);
        assertThat(sorted.hasTrade(60)).isTrue();
        assertThat(sorted.hasTrade(10)).isTrue();
    }

    @Test
    void itCannotBeChanged() {
        FillList list = FillList.of(List.of(fill(1, 1)));
        assertThatThrownBy(() -> list.add(fill(2, 2))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.set(0, fill(2, 2))).isInstanceOf(UnsupportedOperationException.class);
    }
}
