package io.tradeguard.app.crash;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.app.engine.SimFixture;
import io.tradeguard.binance.spot.BinanceSpotVenue;
import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.journal.JournalEntry;
import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.venue.Fill;
import io.tradeguard.sim.SimAccount;
import io.tradeguard.store.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash tests (DESIGN.md section 3, invariants 1 and 2): the engine runs as a process of its own on a
 * database, is killed with SIGKILL at the worst moments, and is started again on the same database.
 * The simulator stays up in this JVM. After the restart the engine must know every order, no order may
 * exist twice on the exchange, and its position must be what the exchange's trades say.
 * Run once per database (SQLite file, PostgreSQL server).
 */
abstract class CrashRestartContract {
    @TempDir
    Path dir;
    private SimFixture sim;
    private SimAccount account;
    private SimAccount other;
    private BinanceSpotVenue oracle;
    private final List<EngineProcess> processes = new ArrayList<>();

    /** JDBC URL, user and password ("-" for none) of a fresh, empty database for this test. */
    abstract List<String> database();

    @BeforeEach
    void startExchange() {
        sim = new SimFixture();
        account = sim.engineAccount();
        other = sim.counterparty();
        oracle = sim.oracle(account);
    }

    @AfterEach
    void cleanUp() {
        processes.forEach(EngineProcess::close); // kills whatever still runs, also after a failed assertion
        sim.close();
    }

    @Test
    void killedAfterTheIntentIsJournaledButBeforeTheRequestIsSent() throws Exception {
        EngineProcess first = launch("before-send", "run1");
        String id = accepted(first.ask("PLACE BUY LIMIT 0.01 49000", l -> l.startsWith("ACCEPTED") || l.startsWith("REJECTED")));
        first.awaitLine("the crash point before the request", l -> l.equals("CRASHPOINT before-send " + id));

        assertThat(first.kill()).as("exit status of the killed engine").isEqualTo(EngineProcess.KILLED_BY_SIGKILL);
        assertThat(SimFixture.countOnExchange(oracle, id)).as("the request never left").isZero();

        EngineProcess second = launch("none", "run2");
        // it knows the order from the journal; once the grace for requests in flight is over, the
        // exchange's "never had it" settles it, and nothing is sent for it again
        second.awaitLine("the order settled as never placed", l -> l.matches("EVENT \\d+ OrderRejected " + id));
        String next = accepted(second.ask("PLACE BUY LIMIT 0.01 48000", l -> l.startsWith("ACCEPTED") || l.startsWith("REJECTED")));
        second.awaitLine("the next order on the exchange", l -> l.matches("EVENT \\d+ OrderPlaced " + next));
        assertThat(second.stop()).isZero();

        assertThat(SimFixture.countOnExchange(oracle, id)).as("orders %s on the exchange", id).isZero();
        assertThat(SimFixture.countOnExchange(oracle, next)).as("orders %s on the exchange", next).isEqualTo(1);
        try (Database db = openDatabase()) {
            assertThat(orderRow(db, id)).isEqualTo("REJECTED 0");
            assertThat(orderRow(db, next)).isEqualTo("NEW 0");
            assertThat(submitted(db, id)).as("write-ahead records of %s", id).isEqualTo(1);
        }
    }

    @Test
    void killedAfterTheExchangeFilledTheOrderButBeforeTheEngineSawTheAnswer() throws Exception {
        sim.externalOrder(other, "SELL", "LIMIT", "0.01", "50000");
        EngineProcess first = launch("after-send", "run1");
        String id = accepted(first.ask("PLACE BUY MARKET 0.01", l -> l.startsWith("ACCEPTED") || l.startsWith("REJECTED")));
        first.awaitLine("the crash point after the exchange answered", l -> l.startsWith("CRASHPOINT after-send " + id + " "));

        assertThat(first.kill()).as("exit status of the killed engine").isEqualTo(EngineProcess.KILLED_BY_SIGKILL);
        assertThat(first.count(l -> l.matches("EVENT \\d+ Order(Placed|Filled|PartiallyFilled) " + id))).as("answer processed before the kill").isZero();
        assertThat(SimFixture.netBought(oracle)).as("the exchange accepted and filled it").isEqualByComparingTo("0.01");

        EngineProcess second = launch("none", "run2");
        second.awaitLine("the fill learned at restart", l -> l.matches("EVENT \\d+ OrderFilled " + id));
        // the position is what the wallet got: 0.01 less the 0.1 % commission taken in BTC, 0.01 − 0.00001 = 0.00999
        assertThat(awaitPosition(second, "0.00999")).isEqualByComparingTo(SimFixture.netHeld(oracle));
        assertThat(second.stop()).isZero();

        // the wallet holds the position less the commission the exchange took in BTC
        assertThat(SimFixture.total(oracle, "BTC")).isEqualByComparingTo("1.00999");
        assertThat(SimFixture.countOnExchange(oracle, id)).as("orders %s on the exchange", id).isEqualTo(1);
        try (Database db = openDatabase()) {
            assertThat(orderRow(db, id)).isEqualTo("FILLED 0.01");
            assertThat(submitted(db, id)).as("write-ahead records of %s", id).isEqualTo(1);
            assertThat(fillTradeIds(db, id)).hasSize(1);
        }
    }

    @Test
    void killedAfterTheExchangeAcceptedARestingOrderButBeforeTheEngineSawTheAnswer() throws Exception {
        EngineProcess first = launch("after-send", "run1");
        String id = accepted(first.ask("PLACE SELL LIMIT 0.02 52000", l -> l.startsWith("ACCEPTED") || l.startsWith("REJECTED")));
        first.awaitLine("the crash point after the exchange answered", l -> l.startsWith("CRASHPOINT after-send " + id + " "));
        assertThat(first.kill()).as("exit status of the killed engine").isEqualTo(EngineProcess.KILLED_BY_SIGKILL);
        assertThat(SimFixture.countOnExchange(oracle, id)).as("the exchange has it").isEqualTo(1);

        // after the restart the engine knows the order as open on the exchange, and controls it again
        EngineProcess second = launch("none", "run2");
        assertThat(second.ask("OPEN", l -> l.startsWith("OPEN"))).contains(id + "=NEW");
        assertThat(second.ask("CANCEL " + id, l -> l.startsWith("ACCEPTED") || l.startsWith("REJECTED"))).isEqualTo("ACCEPTED " + id);
        second.awaitLine("the cancel confirmed", l -> l.matches("EVENT \\d+ OrderCancelled " + id));
        assertThat(second.stop()).isZero();

        assertThat(SimFixture.countOnExchange(oracle, id)).as("orders %s on the exchange", id).isEqualTo(1);
        assertThat(SimFixture.allOrders(oracle)).singleElement().satisfies(o -> assertThat(o.path("status").asText()).isEqualTo("CANCELED"));
        try (Database db = openDatabase()) {
            assertThat(orderRow(db, id)).isEqualTo("CANCELED 0");
            assertThat(submitted(db, id)).as("write-ahead records of %s", id).isEqualTo(1);
        }
    }

    @Test
    void killedWhileFillsArrive() throws Exception {
        int parts = 40;
        EngineProcess first = launch("none", "run1");
        String id = accepted(first.ask("PLACE BUY LIMIT 0.04 49000", l -> l.startsWith("ACCEPTED") || l.startsWith("REJECTED")));
        first.awaitLine("the bid on the exchange", l -> l.matches("EVENT \\d+ OrderPlaced " + id));

        // another trader sells into the bid in 40 parts of 0.001, paced so that the kill lands among them
        CompletableFuture<Void> sellers = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < parts; i++) {
                sim.externalOrder(other, "SELL", "LIMIT", "0.001", "49000");
                try {
                    Thread.sleep(15); // pacing of the sellers, not a wait for a result
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
        first.awaitLine("the third fill", l -> first.count(x -> x.matches("EVENT \\d+ OrderPartiallyFilled " + id)) >= 3);
        assertThat(first.kill()).as("exit status of the killed engine").isEqualTo(EngineProcess.KILLED_BY_SIGKILL);
        sellers.get(30, TimeUnit.SECONDS);
        long seenBeforeKill = first.count(l -> l.matches("EVENT \\d+ Order(PartiallyFilled|Filled) " + id));
        assertThat(seenBeforeKill).as("fills journaled before the kill (the kill must land mid-stream)").isLessThan(parts);
        assertThat(SimFixture.myTrades(oracle)).hasSize(parts);

        EngineProcess second = launch("none", "run2");
        second.awaitLine("the order filled after restart", l -> l.matches("EVENT \\d+ OrderFilled " + id));
        assertThat(SimFixture.netBought(oracle)).isEqualByComparingTo("0.04");
        // the position is what the wallet got: 0.04 less the commissions the exchange took in BTC
        assertThat(awaitPosition(second, SimFixture.netHeld(oracle).toPlainString())).isLessThan(new BigDecimal("0.04"));
        assertThat(second.stop()).isZero();

        assertThat(SimFixture.countOnExchange(oracle, id)).as("orders %s on the exchange", id).isEqualTo(1);
        try (Database db = openDatabase()) {
            assertThat(orderRow(db, id)).isEqualTo("FILLED 0.04");
            assertThat(submitted(db, id)).as("write-ahead records of %s", id).isEqualTo(1);
            Set<Long> exchangeTrades = new HashSet<>();
            for (JsonNode t : SimFixture.myTrades(oracle)) {
                exchangeTrades.add(t.path("id").asLong());
            }
            List<Long> journaled = fillTradeIds(db, id);
            assertThat(journaled).as("each trade journaled exactly once").doesNotHaveDuplicates();
            assertThat(new HashSet<>(journaled)).isEqualTo(exchangeTrades);
        }
    }

    // ---------------------------------------------------------------- helpers

    private EngineProcess launch(String crashPoint, String name) throws Exception {
        List<String> args = new ArrayList<>(List.of(sim.sim().baseUrl(), sim.sim().wsBaseUrl(), account.apiKey(),
                account.secretKey()));
        args.addAll(database());
        args.add(crashPoint);
        EngineProcess process = EngineProcess.start(dir, name, args);
        processes.add(process);
        return process;
    }

    private Database openDatabase() {
        List<String> db = database();
        return Database.open(db.get(0), "-".equals(db.get(1)) ? null : db.get(1), "-".equals(db.get(2)) ? null : db.get(2));
    }

    private static String accepted(String answer) {
        assertThat(answer).startsWith("ACCEPTED ");
        return answer.substring("ACCEPTED ".length()).trim();
    }

    /** The engine's position, once it equals the expected quantity (or the deadline's failure). */
    private static BigDecimal awaitPosition(EngineProcess engine, String expected) {
        BigDecimal want = new BigDecimal(expected);
        org.awaitility.Awaitility.await("position " + expected).atMost(EngineProcess.DEADLINE)
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> new BigDecimal(engine.ask("POSITION", l -> l.startsWith("POSITION ")).substring(9)).compareTo(want) == 0);
        return want;
    }

    /** "STATUS filledQuantity" of one order in the orders table. */
    private static String orderRow(Database db, String id) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement st = c.prepareStatement("SELECT status, filled_quantity FROM orders WHERE client_order_id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).as("order %s in the orders table", id).isTrue();
                return rs.getString(1) + " " + new BigDecimal(rs.getString(2)).stripTrailingZeros().toPlainString();
            }
        }
    }

    private static List<JournalEntry> journal(Database db) throws Exception {
        List<JournalEntry> entries = new ArrayList<>();
        db.journal().replay(0, entries::add);
        return entries;
    }

    private static long submitted(Database db, String id) throws Exception {
        return journal(db).stream().map(JournalEntry::event)
                .filter(e -> e instanceof DomainEvent.OrderSubmitted s && s.order().clientOrderId().equals(ClientOrderId.of(id)))
                .count();
    }

    /** Trade ids of every fill of the order in the journal, in journal order, duplicates kept. */
    private static List<Long> fillTradeIds(Database db, String id) throws Exception {
        List<Long> out = new ArrayList<>();
        for (JournalEntry entry : journal(db)) {
            Fill fill = switch (entry.event()) {
                case DomainEvent.OrderPartiallyFilled f when f.order().clientOrderId().value().equals(id) -> f.fill();
                case DomainEvent.OrderFilled f when f.order().clientOrderId().value().equals(id) -> f.fill();
                default -> null;
            };
            if (fill != null) {
                out.add(fill.tradeId());
            }
        }
        return out;
    }
}
