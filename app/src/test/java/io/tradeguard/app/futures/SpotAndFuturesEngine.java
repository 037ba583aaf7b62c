package io.tradeguard.app.futures;

import io.tradeguard.binance.BinanceEndpoints;
import io.tradeguard.binance.FuturesVenueConfig;
import io.tradeguard.binance.SpotVenueConfig;
import io.tradeguard.binance.auth.ApiCredentials;
import io.tradeguard.binance.futures.BinanceFuturesVenue;
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
import io.tradeguard.core.model.Asset;
import io.tradeguard.core.model.MarginType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.order.OrderInstructions;
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
 * One engine trading spot and USD-M futures of the real simulator on loopback through the real clients, with one
 * SQLite journal and the guards wired as the service wires them. Records every durable event.
 */
final class SpotAndFuturesEngine implements AutoCloseable {
    static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
    static final Symbol ETHUSDT = Symbol.of("ETHUSDT");
    private static final String ADMIN = "t";

    final ExchangeSimulator sim;
    final SimAccount account;
    final Database db;
    final RiskConfig config;
    final MarginType marginType;
    BinanceSpotVenue spot;
    BinanceFuturesVenue futures;
    TradingGuards guards;
    Engine engine;
    final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    private final HttpClient control = HttpClient.newHttpClient();

    SpotAndFuturesEngine(Path dir, RiskConfig config, MarginType marginType) throws Exception {
        this(dir, config, marginType, io.tradeguard.sim.engine.Liquidity.defaults());
    }

    /** @param liquidity the simulator's own depth around the last price, on both markets */
    SpotAndFuturesEngine(Path dir, RiskConfig config, MarginType marginType, io.tradeguard.sim.engine.Liquidity liquidity)
            throws Exception {
        this.config = config;
        this.marginType = marginType;
        sim = ExchangeSimulator.start(SimConfig.defaults().withPort(0).withAdminToken(ADMIN).withSeed(42)
                .withPriceFeed(new PriceFeed.Manual()).withLiquidity(liquidity));
        account = sim.createAccount(Map.of("USDT", new BigDecimal("10000")), Map.of("USDT", new BigDecimal("10000")));
        sim.setPrice("BTCUSDT", new BigDecimal("50000"));
        sim.setPrice("ETHUSDT", new BigDecimal("3000"));
        sim.setFuturesPrice("BTCUSDT", new BigDecimal("50000"), null); // the futures contracts start elsewhere
        sim.setFuturesPrice("ETHUSDT", new BigDecimal("3000"), null);
        db = Database.sqlite(dir.resolve("journal.db"));
        start();
    }

    /** Connects the clients and starts an engine on the journal (again, after {@link #stopEngine}). */
    void start() throws Exception {
        RestTransport.Settings rest = new RestTransport.Settings(Duration.ofSeconds(5), Duration.ofSeconds(5), 2,
                Duration.ofMillis(20), Duration.ofMillis(100));
        ReconnectingSocket.Settings streams = new ReconnectingSocket.Settings(new Backoff(Duration.ofMillis(50),
                Duration.ofMillis(500)), Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(15));
        ApiCredentials keys = ApiCredentials.hmac(account.apiKey(), account.secretKey());
        spot = BinanceSpotVenue.connect(SpotVenueConfig.of(BinanceEndpoints.compatible("sim", sim.baseUrl(), sim.wsBaseUrl()), keys)
                .withRest(rest).withStreams(streams));
        futures = BinanceFuturesVenue.connect(FuturesVenueConfig.of(BinanceEndpoints.futuresCompatible("sim-futures",
                sim.baseUrl(), sim.wsBaseUrl()), keys).withRest(rest).withStreams(streams));
        guards = TradingGuards.create(config, InstantSource.system());
        guards.restore(db.journal());
        guards.futuresMarginType(marginType); // as the service tells them: the margin type the engine sets
        engine = Engine.builder(guards.watch(spot), db.journal())
                .venue(guards.watchFutures(futures))
                .futuresLeverage(10, config.leverageCap())
                .marginType(marginType)
                .settings(new EngineSettings("TG", Market.SPOT, Asset.USDT, false, Duration.ofSeconds(300),
                        Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofDays(7), Duration.ofSeconds(60),
                        Duration.ofSeconds(10), Duration.ofSeconds(1)))
                .gates(guards.gates())
                .listener(guards.listener())
                .listener(entry -> events.add(entry.event()))
                .priceWatcher(guards.priceWatcher())
                .build();
        guards.bind(engine::submit);
        engine.start();
    }

    void stopEngine() {
        engine.stop("restart");
        spot.close();
        futures.close();
    }

    CommandResult submit(Command command) throws Exception {
        return engine.submit(command).get(10, TimeUnit.SECONDS);
    }

    /** A marketable futures limit order (the simulator's house liquidity fills it at once). */
    CommandResult futuresLimit(Symbol symbol, Side side, String quantity, String price, Integer leverage) throws Exception {
        OrderIntent intent = OrderIntent.limit(Market.FUTURES, symbol, side, new BigDecimal(quantity), new BigDecimal(price),
                OrderOrigin.MANUAL).withInstructions(OrderInstructions.DEFAULTS.withLeverage(leverage));
        return submit(new Command.PlaceOrder(intent));
    }

    Position enterFutures(Symbol symbol, Side side, String quantity, String price) throws Exception {
        CommandResult result = futuresLimit(symbol, side, quantity, price, null);
        if (!(result instanceof CommandResult.Accepted)) {
            throw new AssertionError("entry refused: " + result);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> position(Market.FUTURES, symbol).isPresent());
        return position(Market.FUTURES, symbol).orElseThrow();
    }

    Optional<Position> position(Market market, Symbol symbol) {
        return snapshot().position(market, symbol);
    }

    TradingSnapshot snapshot() {
        try {
            return engine.snapshot().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Moves the futures price (a trade there and the mark) through the control API, and waits until the engine has the mark. */
    void futuresMark(Symbol symbol, String price) {
        control("/sim/v1/price", "{\"market\":\"futures\",\"symbol\":\"" + symbol.value() + "\",\"price\":\"" + price
                + "\",\"mark_price\":\"" + price + "\"}");
        BigDecimal p = new BigDecimal(price);
        await().atMost(Duration.ofSeconds(10)).until(() -> snapshot().price(Market.FUTURES, symbol)
                .map(x -> x.compareTo(p) == 0).orElse(false));
    }

    String control(String path, String json) {
        try {
            HttpResponse<String> response = control.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                    .header("X-Sim-Admin", ADMIN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The position's close as the listeners heard it (they hear an event once it is durable, after the snapshot shows it). */
    DomainEvent.PositionClosed awaitClosed(Market market, Symbol symbol, Duration within) {
        await().atMost(within).until(() -> events(DomainEvent.PositionClosed.class).stream()
                .anyMatch(e -> e.market() == market && e.symbol().equals(symbol)));
        return events(DomainEvent.PositionClosed.class).stream().filter(e -> e.market() == market && e.symbol().equals(symbol))
                .reduce((a, b) -> b).orElseThrow();
    }

    <T extends DomainEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() {
        stopEngine();
        sim.close();
        db.close();
    }
}
