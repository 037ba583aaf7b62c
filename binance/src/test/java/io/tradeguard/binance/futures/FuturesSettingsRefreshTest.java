package io.tradeguard.binance.futures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradeguard.core.guard.TradingGuards;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.risk.RiskConfig;
import io.tradeguard.core.venue.FuturesVenue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The guards read the account's futures commission and the contracts' maintenance brackets again while a contract
 * streams, from the real simulator: changes reach them, a failed re-read keeps the last known values.
 */
class FuturesSettingsRefreshTest {
    private static final Symbol BTC = Symbol.of("BTCUSDT");

    private FuturesSim sim;
    private BinanceFuturesVenue venue;
    private FuturesVenue watched;
    private AutoCloseable prices;
    private TradingGuards guards;
    /** the book feed's warnings; held here so the logger (and the handler on it) lives as long as the test */
    private final Logger feedLog = Logger.getLogger("io.tradeguard.core.guard.BookFeed");
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() throws Exception {
        sim = new FuturesSim("10000");
        sim.price("BTCUSDT", "60000", "60000");
        fees("0.00016", "0.0004");
        venue = BinanceFuturesVenue.connect(sim.config());
        guards = TradingGuards.create(RiskConfig.defaults(), InstantSource.system()).venueSettingsRefresh(Duration.ofMillis(200));
        watched = guards.watchFutures(venue);
        feedLog.addHandler(handler);
        // prices of a contract open its book stream, and with it the first read of its commission and brackets
        prices = watched.subscribePrices(List.of(BTC), event -> { });
        await().atMost(Duration.ofSeconds(10)).until(() -> !guards.maintenanceBrackets(BTC).isEmpty()
                && taker().compareTo(new BigDecimal("0.0004")) == 0);
        assertThat(guards.maintenanceBrackets(BTC).getFirst().initialLeverage()).isEqualTo(125);
    }

    @AfterEach
    void stop() throws Exception {
        feedLog.removeHandler(handler);
        if (prices != null) {
            prices.close();
        }
        if (watched != null) {
            watched.close();
        }
        sim.close();
    }

    @Test
    void a_changed_commission_and_changed_brackets_reach_the_guards_at_the_next_refresh() throws Exception {
        long commissionReads = reads("/fapi/v1/commissionRate");
        fees("0.00018", "0.00045");
        sim.post("/sim/v1/brackets", bracketsWithFirstLeverage(BTC, 110));

        await().atMost(Duration.ofSeconds(5)).until(() -> taker().compareTo(new BigDecimal("0.00045")) == 0
                && guards.maintenanceBrackets(BTC).getFirst().initialLeverage() == 110);
        assertThat(reads("/fapi/v1/commissionRate")).isGreaterThan(commissionReads);
        // the rest of the table is what the venue said, lowest notional first
        assertThat(guards.maintenanceBrackets(BTC).get(1).initialLeverage()).isEqualTo(100);
        assertThat(guards.maintenanceBrackets(BTC).get(1).maintAmount()).isEqualByComparingTo("50");
    }

    @Test
    void a_failed_re_read_keeps_the_last_known_values_and_says_what_to_do() throws Exception {
        String changed = bracketsWithFirstLeverage(BTC, 110);
        // the venue stops answering (every REST call a 503), and meanwhile changes both
        sim.faults("{\"http_error_rate\":1.0,\"http_status\":503}");
        fees("0.00018", "0.00045");
        sim.post("/sim/v1/brackets", changed);

        // the brackets are read after the commission in every round: this round tried both
        await().atMost(Duration.ofSeconds(10)).until(() -> warnings.stream().anyMatch(w ->
                w.startsWith("the futures settings of BTCUSDT could not be read again")));
        assertThat(warnings).anySatisfy(w -> assertThat(w).startsWith("the commission rates of BTCUSDT could not be read again")
                .contains("the last known rates stay in use").contains("Check the connection to the venue"));
        assertThat(taker()).isEqualByComparingTo("0.0004");
        assertThat(guards.maintenanceBrackets(BTC).getFirst().initialLeverage()).isEqualTo(125);

        // answers again: the next round brings the new values
        sim.faults("{}");
        await().atMost(Duration.ofSeconds(5)).until(() -> taker().compareTo(new BigDecimal("0.00045")) == 0
                && guards.maintenanceBrackets(BTC).getFirst().initialLeverage() == 110);
    }

    @Test
    void the_refresh_interval_must_be_positive() {
        assertThatThrownBy(() -> guards.venueSettingsRefresh(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> guards.venueSettingsRefresh(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    private BigDecimal taker() {
        return guards.takerFeeRate(Market.FUTURES, BTC);
    }

    private long reads(String path) {
        return sim.sent.stream().filter(r -> r.path().equals(path)).count();
    }

    private void fees(String maker, String taker) {
        sim.post("/sim/v1/fees", "{\"api_key\":\"" + sim.account.apiKey() + "\",\"market\":\"futures\",\"maker\":\"" + maker
                + "\",\"taker\":\"" + taker + "\"}");
    }

    /** The simulator's whole table (every contract must be covered) with the symbol's first bracket at another leverage. */
    private String bracketsWithFirstLeverage(Symbol symbol, int leverage) throws Exception {
        JsonNode all = venue.rest().leverageBracket(null);
        for (JsonNode entry : all) {
            if (entry.path("symbol").asText().equals(symbol.value())) {
                ((ObjectNode) entry.path("brackets").get(0)).put("initialLeverage", leverage);
            }
        }
        return all.toString();
    }
}
