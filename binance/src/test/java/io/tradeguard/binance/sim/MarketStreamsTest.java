package io.tradeguard.binance.sim;

import io.tradeguard.binance.spot.BinanceSpotVenue;
import io.tradeguard.binance.spot.SpotMarketStreams;
import io.tradeguard.binance.spot.SpotMarketStreams.Stream;
import io.tradeguard.core.venue.BookTicker;
import io.tradeguard.core.venue.VenueEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.tradeguard.binance.sim.Orders.BTC;
import static io.tradeguard.binance.sim.Orders.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Market streams on one combined connection: ticks, live subscribe/unsubscribe, reconnect. */
class MarketStreamsTest {
    private SimHarness harness;
    private BinanceSpotVenue venue;
    private final RecordingListener listener = new RecordingListener();
    private final List<BookTicker> quotes = new CopyOnWriteArrayList<>();

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

    private boolean tick(String symbol, String price) {
        return listener.has(VenueEvent.PriceTick.class,
                t -> t.symbol().value().equals(symbol) && t.price().compareTo(new BigDecimal(price)) == 0);
    }

    @Test
    void trades_become_price_ticks_and_streams_are_added_and_removed_live() throws Exception {
        try (SpotMarketStreams streams = venue.subscribePrices(List.of(BTC), listener)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                harness.sim.setPrice("BTCUSDT", new BigDecimal("61000")); // until the venue has registered the connection
                return tick("BTCUSDT", "61000");
            });

            streams.subscribe(new Stream.Trades(ETH));
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                harness.sim.setPrice("ETHUSDT", new BigDecimal("3100"));
                return tick("ETHUSDT", "3100");
            });

            streams.unsubscribe(new Stream.Trades(ETH));
            Thread.sleep(300); // let the UNSUBSCRIBE reach the venue
            int before = listener.of(VenueEvent.PriceTick.class).size();
            harness.sim.setPrice("ETHUSDT", new BigDecimal("3200"));
            harness.sim.setPrice("BTCUSDT", new BigDecimal("61500"));
            await().atMost(Duration.ofSeconds(5)).until(() -> tick("BTCUSDT", "61500"));
            assertThat(tick("ETHUSDT", "3200")).isFalse();
            assertThat(listener.of(VenueEvent.PriceTick.class).size()).isGreaterThan(before);
            assertThat(streams.streams()).containsExactly("btcusdt@trade");
        }
    }

    @Test
    void book_tickers_and_klines() throws Exception {
        try (SpotMarketStreams streams = venue.marketStreams(List.of(new Stream.BookTickers(BTC), new Stream.Klines(BTC, "1m")),
                listener, quotes::add)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                harness.sim.setPrice("BTCUSDT", new BigDecimal("60500"));
                return !quotes.isEmpty() && !listener.of(VenueEvent.PriceTick.class).isEmpty();
            });
            assertThat(quotes.getFirst().bidPrice()).isLessThanOrEqualTo(quotes.getFirst().askPrice());
            assertThat(streams.isLive()).isTrue();
        }
    }

    @Test
    void a_dropped_market_connection_comes_back_with_the_same_streams() throws Exception {
        try (SpotMarketStreams streams = venue.subscribePrices(List.of(BTC), listener)) {
            streams.subscribe(new Stream.Trades(ETH));
            harness.faults("{\"drop_streams\":true}");
            await().atMost(Duration.ofSeconds(10)).until(() -> !listener.of(VenueEvent.ConnectionRestored.class).isEmpty());
            assertThat(listener.of(VenueEvent.ConnectionLost.class)).singleElement().satisfies(l -> assertThat(l.stream()).isEqualTo("spot-market"));
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                harness.sim.setPrice("ETHUSDT", new BigDecimal("3300"));
                return tick("ETHUSDT", "3300");
            });
        }
    }
}
