package io.tradeguard.app.guard;

import io.tradeguard.binance.BinanceEndpoints;
import io.tradeguard.binance.SpotVenueConfig;
import io.tradeguard.binance.auth.ApiCredentials;
import io.tradeguard.binance.rest.RestTransport;
import io.tradeguard.binance.spot.BinanceSpotVenue;
import io.tradeguard.binance.stream.Backoff;
import io.tradeguard.binance.stream.ReconnectingSocket;
import io.tradeguard.core.engine.Command;
import io.tradeguard.core.engine.CommandResult;
import io.tradeguard.core.engine.Engine;
import io.tradeguard.core.engine.EngineSettings;
import io.tradeguard.core.event.DomainEvent;
import io.tradeguard.core.guard.TradingGuards;
import io.tradeguard.core.ledger.Position;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.OrderIntent;
import io.tradeguard.core.order.OrderOrigin;
import io.tradeguard.core.risk.RiskConfig;
import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.sim.ExchangeSimulator;
import io.tradeguard.sim.PriceFeed;
import io.tradeguard.sim.SimAccount;
import io.tradeguard.sim.SimConfig;
import io.tradeguard.store.Database;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The real simulator on loopback, the real spot client, a SQLite journal, and an engine wired with
 * {@link TradingGuards} exactly as the application wires it. Records every durable event.
 */
final class GuardedEngine implements AutoCloseable {
    static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
    private static final String ADMIN = "t";

    final ExchangeSimulator sim;
    final SimAccount account;
    final Database db;
    final BinanceSpotVenue venue;
    private final RiskConfig config;
    private final boolean nativeProtection;
    volatile TradingGuards guards;
    volatile Engine engine;
    final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    private final HttpClient control = HttpClient.newHttpClient();

    /** Spot longs protected by a native OCO on the simulator, as the application runs. */
    GuardedEngine(Path dir, RiskConfig config) throws Exception {
        this(dir, config, true, io.tradeguard.sim.engine.Liquidity.defaults());
    }

    /**
     * @param nativeProtection false: every position gets the local bracket (a venue without OCO lists)
     * @param liquidity        the simulator's own depth around the last price
     */
    GuardedEngine(Path dir, RiskConfig config, boolean nativeProtection, io.tradeguard.sim.engine.Liquidity liquidity)
            throws Exception {
        this.config = config;
        this.nativeProtection = nativeProtection;
        sim = ExchangeSimulator.start(SimConfig.defaults().withPort(0).withAdminToken(ADMIN).withSeed(42)
                .withPriceFeed(new PriceFeed.Manual()).withLiquidity(liquidity));
        account = sim.createAccount(Map.of("USDT", new BigDecimal("10000")));
        sim.setPrice("BTCUSDT", new BigDecimal("50000"));
        db = Database.sqlite(dir.resolve("journal.db"));
        venue = BinanceSpotVenue.connect(SpotVenueConfig.of(BinanceEndpoints.compatible("sim", sim.baseUrl(), sim.wsBaseUrl()),
                        ApiCredentials.hmac(account.apiKey(), account.secretKey()))
                .withRest(new RestTransport.Settings(Duration.ofSeconds(5), Duration.ofSeconds(5), 2,
                        Duration.ofMillis(20), Duration.ofMillis(100)))
                .withStreams(new ReconnectingSocket.Settings(new Backoff(Duration.ofMillis(50), Duration.ofMillis(500)),
                        Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(15))));
        startEngine();
    }

    /** New guards and a new engine on the same journal, venue and simulator (a restart of the process). */
    void restartEngine() throws Exception {
        engine.stop("restart");
        startEngine();
    }

    private void startEngine() throws Exception {
        TradingGuards guards = TradingGuards.create(config, InstantSource.system()).nativeProtection(nativeProtection);
        guards.restore(db.journal());
        Engine engine = Engine.builder(guards.watch(venue), db.journal())
                // an order whose submit answer was lost is queried every second and given up after 3 s (tests only)
                .settings(new EngineSettings("TG", Market.SPOT, io.tradeguard.core.model.Asset.USDT, false,
                        Duration.ofSeconds(300), Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofDays(7),
                        Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(1)))
                .gates(guards.gates())
                .listener(guards.listener())
                .listener(entry -> events.add(entry.event()))
                .priceWatcher(guards.priceWatcher())
                .build();
        guards.bind(engine::submit);
        this.guards = guards;
        this.engine = engine;
        engine.start();
    }

    /** An order another account places on the simulator (the rest of the market), through its control API. */
    void externalOrder(SimAccount other, String json) {
        control("/sim/v1/external-order", json.replace("{", "{\"api_key\":\"" + other.apiKey() + "\","));
    }

    CommandResult submit(Command command) throws Exception {
        return engine.submit(command).get(10, TimeUnit.SECONDS);
    }

    CommandResult buyLimit(String quantity, String price) throws Exception {
        return submit(new Command.PlaceOrder(OrderIntent.limit(Market.SPOT, BTCUSDT, Side.BUY, new BigDecimal(quantity),
                new BigDecimal(price), OrderOrigin.MANUAL)));
    }

    CommandResult sellLimit(String quantity, String price) throws Exception {
        return submit(new Command.PlaceOrder(OrderIntent.limit(Market.SPOT, BTCUSDT, Side.SELL, new BigDecimal(quantity),
                new BigDecimal(price), OrderOrigin.MANUAL)));
    }

    /** A marketable limit buy that fills at once against the simulator's book; returns the position. */
    Position enterLong(String quantity, String limit) throws Exception {
        CommandResult result = buyLimit(quantity, limit);
        if (!(result instanceof CommandResult.Accepted)) {
            throw new AssertionError("entry refused: " + result);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> position().isPresent());
        return position().orElseThrow();
    }

    void price(String price) {
        sim.setPrice("BTCUSDT", new BigDecimal(price));
    }

    /** Moves the price and, once the engine follows the symbol (it has had an order on it), waits until it has seen it. */
    void priceSeen(String price) {
        price(price);
        if (snapshot().price(BTCUSDT).isEmpty()) {
            return;
        }
        BigDecimal p = new BigDecimal(price);
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshot().price(BTCUSDT).map(x -> x.compareTo(p) == 0).orElse(false));
    }

    /** The open position: what the wallet holds (an exit of all of it leaves nothing, not even dust). */
    Optional<Position> position() {
        return snapshot().position(Market.SPOT, BTCUSDT);
    }

    CommandResult buyMarket(String quantity) throws Exception {
        return submit(new Command.PlaceOrder(OrderIntent.market(Market.SPOT, BTCUSDT, Side.BUY, new BigDecimal(quantity),
                OrderOrigin.MANUAL)));
    }

    TradingSnapshot snapshot() {
        try {
            return engine.snapshot().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    <T extends DomainEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    void faults(String json) {
        control("/sim/v1/faults", json);
    }

    /** A call of the simulator's control API (e.g. /sim/v1/fees); fails the test on an error answer. */
    void control(String path, String json) {
        try {
            HttpResponse<String> response = control.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                    .header("X-Sim-Admin", ADMIN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        try {
            faults("{}");
        } catch (AssertionError ignored) {
            // the simulator may already be gone
        }
        engine.stop("test done");
        venue.close();
        sim.close();
        db.close();
    }
}
