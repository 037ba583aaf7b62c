package io.tradeguard.binance.sim;

import io.tradeguard.binance.spot.BinanceSpotVenue;
import io.tradeguard.core.venue.CommissionRates;
import io.tradeguard.core.venue.OrderBook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.tradeguard.binance.sim.Orders.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The book stream behind the slippage rule (partial depth, not just the top) and the account's commission. */
class BooksAndCommissionTest {
    private SimHarness harness;
    private BinanceSpotVenue venue;

    @BeforeEach
    void start() throws Exception {
        harness = new SimHarness();
        venue = harness.venue();
    }

    @AfterEach
    void stop() {
        venue.close();
        harness.close();
    }

    @Test
    void the_book_stream_carries_twenty_levels_a_side_from_the_start_and_after_each_change() throws Exception {
        List<OrderBook> books = new CopyOnWriteArrayList<>();
        harness.sim.setPrice("BTCUSDT", new BigDecimal("60000"));
        try (AutoCloseable stream = venue.subscribeBooks(List.of(BTC), books::add).orElseThrow()) {
            // the current book (REST) first
            assertThat(books).isNotEmpty();
            assertThat(books.getFirst().bids()).hasSize(20);
            assertThat(books.getFirst().asks()).hasSize(20);
            // then the stream's books, each time the market moves
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                harness.sim.setPrice("BTCUSDT", new BigDecimal(books.size() % 2 == 0 ? "61000" : "61010"));
                return books.stream().anyMatch(b -> !b.asks().isEmpty() && b.asks().getFirst().price().compareTo(new BigDecimal("61000")) > 0
                        && b.asks().getFirst().price().compareTo(new BigDecimal("61100")) < 0);
            });
            OrderBook last = books.getLast();
            assertThat(last.symbol()).isEqualTo(BTC);
            assertThat(last.asks()).hasSize(20);
            // best first, each level dearer (asks) or cheaper (bids) than the one before
            for (int i = 1; i < last.asks().size(); i++) {
                assertThat(last.asks().get(i).price()).isGreaterThan(last.asks().get(i - 1).price());
                assertThat(last.bids().get(i).price()).isLessThan(last.bids().get(i - 1).price());
            }
        }
    }

    @Test
    void the_accounts_own_commission_rates_are_read() throws Exception {
        assertThat(venue.commissionRates(BTC)).hasValueSatisfying(r -> assertThat(r.taker()).isEqualByComparingTo("0.001"));
        harness.post("/sim/v1/fees", "{\"api_key\":\"" + harness.account.apiKey() + "\",\"market\":\"spot\",\"maker\":\"0.0002\",\"taker\":\"0.0004\"}");
        CommissionRates rates = venue.commissionRates(BTC).orElseThrow();
        assertThat(rates.maker()).isEqualByComparingTo("0.0002");
        assertThat(rates.taker()).isEqualByComparingTo("0.0004");
    }
}
