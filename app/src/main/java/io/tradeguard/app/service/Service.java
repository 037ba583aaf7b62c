package io.tradeguard.app.service;

import java.time.Instant;

import java.util.concurrent.TimeUnit;

import io.tradeguard.core.state.TradingSnapshot;
import io.tradeguard.app.learning.ManualTradeLearning;
import io.tradeguard.store.LearningRecords;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tradeguard.app.alerts.Alert;
import io.tradeguard.app.alerts.AlertConfig;
import io.tradeguard.app.alerts.AlertDispatcher;
import io.tradeguard.app.alerts.AlertMonitor;
import io.tradeguard.app.alerts.SecretSanitizer;
import io.tradeguard.app.signals.BridgeFolder;
import io.tradeguard.app.signals.DemoStrategy;
import io.tradeguard.app.signals.BridgeIntake;
import io.tradeguard.app.signals.SeenSignalsFile;
import io.tradeguard.binance.BinanceEndpoints;
import io.tradeguard.binance.SpotVenueConfig;
import io.tradeguard.binance.auth.ApiCredentials;
import io.tradeguard.binance.FuturesVenueConfig;
import io.tradeguard.binance.futures.BinanceFuturesVenue;
import io.tradeguard.binance.spot.BinanceSpotVenue;
import io.tradeguard.core.engine.Engine;
import io.tradeguard.core.engine.EngineSettings;
import io.tradeguard.core.model.MarginType;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.signal.SeenSignals;
import io.tradeguard.core.signal.SignalConfig;
import io.tradeguard.core.signal.SignalDecider;
import io.tradeguard.core.venue.Balance;
import io.tradeguard.core.venue.Venue;
import io.tradeguard.core.guard.TradingGuards;
import io.tradeguard.core.pretrade.PreTradeGate;
import java.util.ArrayList;
import io.tradeguard.server.ServerConfig;
import io.tradeguard.server.ServerParts;
import io.tradeguard.server.TradeguardServer;
import io.tradeguard.server.auth.AdminAccount;
import io.tradeguard.server.auth.FileSecretStore;
import io.tradeguard.server.auth.FileUserDirectory;
import io.tradeguard.server.auth.Passwords;
import io.tradeguard.sim.ExchangeSimulator;
import io.tradeguard.sim.SimAccount;
import io.tradeguard.sim.SimConfig;
import io.tradeguard.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The product: the embedded simulator (venue {@code sim}), the Binance client, the SQLite journal, the engine
 * with its gates, the HTTP API and the bridge folder, started in that order and stopped in reverse.
 */
public final class Service implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Service.class);
    /** The demo account of the embedded simulator. */
    static final Map<String, BigDecimal> DEMO_BALANCES = Map.of("USDT", new BigDecimal("10000"),
            "BTC", new BigDecimal("0.05"), "ETH", new BigDecimal("0.5"));
    /** The demo account's USD-M futures wallet. */
    static final Map<String, BigDecimal> DEMO_FUTURES_BALANCES = Map.of("USDT", new BigDecimal("10000"));

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private final PrintStream out;
    private TradeguardServer server;
    private Engine engine;
    private TradingSwitch tradingSwitch;
    private AdminAccount.Outcome admin;
    private String venueName;
    /** the futures side of the venue, or null when this venue has no futures configured */
    private FuturesVenueConfig futuresConfig;
    private volatile boolean closed;

    private Service(PrintStream out) {
        this.out = out;
    }

    /** Starts everything or nothing: a failure closes what was already started and is rethrown. */
    public static Service start(ServiceSettings settings, PrintStream out) throws Exception {
        Service service = new Service(out);
        try {
            service.startAll(settings);
            return service;
        } catch (Exception | Error e) {
            service.close();
            throw e;
        }
    }

    public int port() {
        return server.port();
    }

    public String venueName() {
        return venueName;
    }

    /**
     * Reconciles with the venue now, as the engine does after every reconnect and periodically: orders placed
     * outside the engine are adopted and their fills posted.
     */
    public java.util.concurrent.CompletableFuture<io.tradeguard.core.engine.CommandResult> reconcileNow() {
        return engine.submit(new io.tradeguard.core.engine.Command.Reconcile());
    }

    /** What the admin account step did (generated password only on the first start). */
    public AdminAccount.Outcome admin() {
        return admin;
    }

    private void startAll(ServiceSettings s) throws Exception {
        InstantSource clock = InstantSource.system();
        Path dataDir = s.dataDir().toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        step("data directory " + dataDir);

        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        SpotVenueConfig venueConfig = venueConfig(s, dataDir).withObserver(ServiceMetrics.restCalls(metrics));
        step("connecting to " + venueName + " at " + venueConfig.endpoints().rest());
        BinanceSpotVenue venue = BinanceSpotVenue.connect(venueConfig);
        toClose.push(venue);
        BinanceFuturesVenue futures = null;
        if (futuresConfig != null) {
            step("connecting to " + venueName + " USD-M futures at " + futuresConfig.endpoints().rest());
            futures = BinanceFuturesVenue.connect(futuresConfig);
            toClose.push(futures);
        }

        Path dbFile = dataDir.resolve(venueName).resolve("journal.db");
        if (s.venue() == ServiceSettings.VenueChoice.SIM) {
            startFreshSimJournal(dbFile);
        }
        Database database = Database.sqlite(dbFile);
        toClose.push(database);
        step("journal " + dbFile);

        EventFeed feed = new EventFeed(metrics);
        TradingGuards guards = TradingGuards.create(s.risk(), clock).venueSettingsRefresh(s.venueSettingsRefresh());
        guards.restore(database.journal());
        ManualTradeLearning learning = new ManualTradeLearning(new LearningRecords(database.dataSource()));
        learning.restore(database.journal());
        RiskCheck risk = new RiskCheck(guards);
        tradingSwitch = new TradingSwitch(s.tradingEnabled(), clock.instant());
        List<PreTradeGate> gates = new ArrayList<>(guards.gates());
        gates.add(tradingSwitch);
        Set<Symbol> watched = watchedSymbols(s, venue.balances());
        s.hybrid().demoStrategy().ifPresent(d -> watched.add(d.symbol()));
        AlertMonitor alertMonitor = startAlerts(s, venueConfig, clock);
        Venue engineVenue = guards.watch(new HoldingsPricedVenue(venue, watched));
        Engine.Builder builder = Engine.builder(engineVenue, database.journal());
        if (futures != null) {
            // spot and futures in one engine and one journal; leverage 10x unless an order asks, never above the cap
            // cross margin on every contract; one value for both: the guards estimate liquidation prices in the margin
            // type the engine sets before a contract's first order
            MarginType margin = MarginType.CROSSED;
            guards.futuresMarginType(margin);
            builder.venue(guards.watchFutures(futures)).futuresLeverage(10, s.risk().leverageCap()).marginType(margin)
                    .follow(Market.FUTURES, s.symbols()); // marks of the traded symbols from the start
        }
        engine = builder
                .settings(EngineSettings.defaults(Market.SPOT).withCancelOpenOrdersOnStop(s.cancelOpenOrdersOnStop())
                        .withReconcileInterval(s.hybrid().tradeSyncInterval()))
                .gates(gates)
                .clock(clock)
                .listener(guards.listener())
                .listener(feed::onEntry)
                .listener(learning::onEntry)
                .listener(alertMonitor::onEntry)
                .priceWatcher(guards.priceWatcher())
                .build();
        guards.bind(engine::submit);
        ServiceMetrics.watch(metrics, engine, guards);
        engine.start();
        toClose.push(() -> engine.stop("service shutting down"));
        step("engine running (" + venueName + (futures != null ? ", spot and USD-M futures" : ", spot") + ") with instrument filters, risk rules, kill switch and circuit breaker");
        awaitFirstPrices(watched, Duration.ofSeconds(30));

        History history = new History(database.dataSource());
        BinanceFuturesVenue futuresBooks = futures;
        // the book a market order is judged on: its own market's (the guards keep one book per symbol, so the spot
        // stream may replace a futures book between the check and the order; futures have no book stream yet)
        EngineLink link = new EngineLink(engine, (market, symbol) -> market == Market.FUTURES && futuresBooks != null
                ? futuresBooks.depth(symbol, 100) : venue.depth(symbol, 100), risk, clock, Duration.ofSeconds(10), s.mode(), metrics);
        EngineSignalApi signals = new EngineSignalApi(link, new SignalDecider(SignalConfig.defaults()),
                SeenSignals.restore(List.of(), 10_000, Duration.ofDays(7), clock.instant()), feed);
        Gauge.builder("tradeguard_trading_enabled", tradingSwitch, t -> t.state().enabled() ? 1 : 0).register(metrics);

        FileUserDirectory users = new FileUserDirectory(dataDir.resolve("users.txt"));
        admin = AdminAccount.ensure(users, new Passwords(), Optional.ofNullable(s.env().get("TRADEGUARD_ADMIN_PASSWORD")).filter(p -> !p.isEmpty()));
        ServerParts parts = new ServerParts(new EngineTradingApi(link, risk, tradingSwitch, history, venueName, learning),
                new EngineSafetyApi(link, risk), new GuardProtectionApi(guards, link), signals, feed,
                HealthChecks.all(engine, feed, history, guards), users, new FileSecretStore(dataDir.resolve("secrets")), metrics, clock,
                new MarketData(futuresBooks == null ? Map.of(Market.SPOT, MarketData.of(venue))
                        : Map.of(Market.SPOT, MarketData.of(venue), Market.FUTURES, MarketData.of(futuresBooks)), clock));
        server = TradeguardServer.create(ServerConfig.defaults().withPort(s.port()).withRequireConfirmation(s.requireConfirmation()), parts);
        server.start();
        toClose.push(server::stop);
        step("API on http://127.0.0.1:" + server.port());

        BridgeFolder bridge = BridgeFolder.under(dataDir);
        SeenSignalsFile seenFile = new SeenSignalsFile(bridge.seenIds());
        BridgeIntake intake = new BridgeIntake(bridge, BridgeIntake.Settings.defaults(),
                SeenSignals.restore(seenFile.load(), 10_000, Duration.ofDays(7), clock.instant()), seenFile, signals, clock).start();
        toClose.push(intake);
        step("signal folder " + bridge.inbox());
        step("trade sync with " + venueName + " every " + s.hybrid().tradeSyncInterval().toSeconds()
                + " s and on every account-stream event (orders and closures made outside tradeguard are adopted and learned from)");

        if (s.hybrid().demoStrategy().isPresent()) {
            DemoStrategy.Settings d = s.hybrid().demoStrategy().get();
            DemoStrategy demo = new DemoStrategy(d, (symbol, interval, limit) -> venue.klines(symbol, interval, null, null, limit),
                    signals, clock).start();
            toClose.push(demo);
            step("demo strategy " + demo.strategyName() + " on " + d.symbol() + " " + d.interval() + " bars; its signals "
                    + "are decided and traded like any other (turn it off with 'signals: {demo-strategy: false}')");
        }
    }

    /**
     * The alert monitor on the engine's events, and the channels it sends to; secrets of the configuration and
     * of the environment are removed from every alert before any channel sees it.
     */
    private AlertMonitor startAlerts(ServiceSettings s, SpotVenueConfig venueConfig, InstantSource clock) {
        AlertConfig config = s.hybrid().alerts();
        List<String> secrets = new ArrayList<>(config.secrets());
        secrets.addAll(HybridSettings.environmentSecrets(s.env()));
        s.simAdminToken().filter(t -> t.length() >= 6).ifPresent(secrets::add);
        secrets.add(venueConfig.credentials().apiKey());
        java.util.function.Consumer<Alert> publish = alert -> { };
        if (!config.channels().isEmpty()) {
            AlertDispatcher dispatcher = config.dispatcher(new SecretSanitizer(secrets), clock);
            toClose.push(dispatcher);
            publish = dispatcher::publish;
            step("alerts by " + config.channels().stream().map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList()
                    + " (" + config + ")");
        } else {
            step("alerts go to the log only: no channel configured (alerts.email / alerts.telegram / alerts.webhook)");
        }
        AlertMonitor monitor = new AlertMonitor(config.rules(), publish, clock);
        toClose.push(monitor);
        return monitor;
    }

    private SpotVenueConfig venueConfig(ServiceSettings s, Path dataDir) {
        Map<String, String> env = s.env();
        venueName = s.venue().wireName();
        return switch (s.venue()) {
            case SIM -> {
                String token = s.simAdminToken().orElseGet(() -> HexFormat.of().formatHex(new SecureRandom().generateSeed(16)));
                ExchangeSimulator sim = ExchangeSimulator.start(SimConfig.defaults().withPort(s.simPort()).withAdminToken(token));
                toClose.push(sim);
                SimAccount account = sim.createAccount(DEMO_BALANCES, DEMO_FUTURES_BALANCES);
                step("embedded simulator on " + sim.baseUrl() + " with a demo account (10,000 USDT, 0.05 BTC, 0.5 ETH;"
                        + " futures wallet 10,000 USDT)");
                futuresConfig = FuturesVenueConfig.of(BinanceEndpoints.futuresCompatible("sim-futures", sim.baseUrl(),
                        sim.wsBaseUrl()), ApiCredentials.hmac(account.apiKey(), account.secretKey()));
                yield SpotVenueConfig.of(BinanceEndpoints.compatible("sim", sim.baseUrl(), sim.wsBaseUrl()),
                        ApiCredentials.hmac(account.apiKey(), account.secretKey()));
            }
            case BINANCE_TESTNET -> {
                futuresConfig = futuresCredentials(env, true).map(c -> FuturesVenueConfig.of(BinanceEndpoints.FUTURES_TESTNET, c))
                        .orElse(null);
                yield SpotVenueConfig.of(BinanceEndpoints.SPOT_TESTNET, credentials(env));
            }
            case BINANCE_MAINNET -> {
                futuresConfig = futuresCredentials(env, true).map(c -> FuturesVenueConfig.of(BinanceEndpoints.FUTURES_MAINNET, c))
                        .orElse(null);
                yield SpotVenueConfig.of(BinanceEndpoints.SPOT_MAINNET, credentials(env));
            }
            case CUSTOM -> {
                String futuresRest = env.get("TRADEGUARD_FUTURES_REST_URL");
                if (futuresRest != null && !futuresRest.isBlank()) {
                    futuresConfig = FuturesVenueConfig.of(new BinanceEndpoints("custom-futures",
                            url(env, "TRADEGUARD_FUTURES_REST_URL"), url(env, "TRADEGUARD_FUTURES_WS_API_URL"),
                            url(env, "TRADEGUARD_FUTURES_STREAM_URL")), futuresCredentials(env, false).orElseGet(() -> credentials(env)));
                }
                yield customSpot(env);
            }
        };
    }

    /**
     * Binance issues futures testnet keys separately from spot testnet keys, so futures are connected only when
     * TRADEGUARD_FUTURES_API_KEY and TRADEGUARD_FUTURES_API_SECRET are set (both, or neither).
     */
    private Optional<ApiCredentials> futuresCredentials(Map<String, String> env, boolean announceMissing) {
        String key = env.get("TRADEGUARD_FUTURES_API_KEY");
        String secret = env.get("TRADEGUARD_FUTURES_API_SECRET");
        boolean hasKey = key != null && !key.isBlank();
        boolean hasSecret = secret != null && !secret.isBlank();
        if (hasKey != hasSecret) {
            throw new ConfigException("set both TRADEGUARD_FUTURES_API_KEY and TRADEGUARD_FUTURES_API_SECRET, or neither");
        }
        if (!hasKey) {
            if (announceMissing) {
                step("USD-M futures not connected: set TRADEGUARD_FUTURES_API_KEY and TRADEGUARD_FUTURES_API_SECRET to trade them");
            }
            return Optional.empty();
        }
        return Optional.of(ApiCredentials.hmac(key.strip(), secret.strip()));
    }

    private static SpotVenueConfig customSpot(Map<String, String> env) {
        return SpotVenueConfig.of(new BinanceEndpoints("custom", url(env, "TRADEGUARD_SPOT_REST_URL"),
                url(env, "TRADEGUARD_SPOT_WS_API_URL"), url(env, "TRADEGUARD_SPOT_STREAM_URL")), credentials(env));
    }

    private static ApiCredentials credentials(Map<String, String> env) {
        String key = env.get("TRADEGUARD_API_KEY");
        String secret = env.get("TRADEGUARD_API_SECRET");
        if (key == null || key.isBlank() || secret == null || secret.isBlank()) {
            throw new ConfigException("this venue needs API keys: set TRADEGUARD_API_KEY and TRADEGUARD_API_SECRET "
                    + "(from the environment or a .env file that is never committed)");
        }
        return ApiCredentials.hmac(key.strip(), secret.strip());
    }

    private static URI url(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            if (name.contains("FUTURES")) {
                throw new ConfigException("--venue custom with TRADEGUARD_FUTURES_REST_URL also needs " + name
                        + " (TRADEGUARD_FUTURES_WS_API_URL like wss://ws-fapi.binance.com/ws-fapi/v1,"
                        + " TRADEGUARD_FUTURES_STREAM_URL like wss://fstream.binance.com)");
            }
            throw new ConfigException("--venue custom needs " + name + " (TRADEGUARD_SPOT_REST_URL like https://api.binance.com, "
                    + "TRADEGUARD_SPOT_WS_API_URL like wss://ws-api.binance.com:443/ws-api/v3, TRADEGUARD_SPOT_STREAM_URL like wss://stream.binance.com:9443)");
        }
        try {
            return URI.create(value.strip().replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("environment variable " + name + " value '" + value + "': not a URL");
        }
    }

    /**
     * The embedded simulator starts empty every time, so a journal of its previous run describes orders and
     * balances that no longer exist anywhere: it is kept once as journal.previous.db and a new one begins.
     */
    private void startFreshSimJournal(Path dbFile) throws IOException {
        if (Files.exists(dbFile)) {
            Files.move(dbFile, dbFile.resolveSibling("journal.previous.db"), StandardCopyOption.REPLACE_EXISTING);
            for (String suffix : List.of("-wal", "-shm")) {
                Path side = dbFile.resolveSibling(dbFile.getFileName() + suffix);
                if (Files.exists(side)) {
                    Files.move(side, dbFile.resolveSibling("journal.previous.db" + suffix), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            step("the embedded simulator starts empty, so its journal does too (the last one is kept as journal.previous.db)");
        }
    }

    /**
     * Equity, and so every risk rule, needs a price for each asset held; those arrive over the price streams
     * a moment after the engine starts. "Ready" should mean ready to trade, so wait for them (bounded).
     */
    private void awaitFirstPrices(Set<Symbol> symbols, Duration limit) throws Exception {
        if (symbols.isEmpty()) {
            return;
        }
        Instant deadline = Instant.now().plus(limit);
        Set<Symbol> missing = new LinkedHashSet<>(symbols);
        while (true) {
            TradingSnapshot snapshot = engine.snapshot().get(5, TimeUnit.SECONDS);
            missing.removeIf(symbol -> snapshot.price(symbol).isPresent());
            if (missing.isEmpty()) {
                step("prices known for " + symbols.stream().map(Symbol::value).sorted().toList());
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                step("no price yet for " + missing + " after " + limit.toSeconds()
                        + " s: orders are refused with a reason until the price streams deliver them");
                return;
            }
            Thread.sleep(100);
        }
    }

    private static Set<Symbol> watchedSymbols(ServiceSettings s, List<Balance> balances) {
        Set<Symbol> out = new LinkedHashSet<>(s.symbols());
        for (Balance b : balances) {
            if (b.total().signum() > 0 && !b.asset().code().equals("USDT")) {
                try {
                    out.add(Symbol.of(b.asset().code() + "USDT"));
                } catch (IllegalArgumentException notASymbol) {
                    // an asset whose USDT pair cannot exist; its value stays unknown
                }
            }
        }
        return out;
    }

    private void step(String line) {
        out.println("  - " + line);
        LOG.debug(line);
    }

    /** Stops taking orders, stops the engine (applying the open-order policy), flushes and closes everything. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (tradingSwitch != null) {
            tradingSwitch.set(false, InstantSource.system().instant(), "shutdown");
        }
        while (!toClose.isEmpty()) {
            AutoCloseable next = toClose.pop();
            try {
                next.close();
            } catch (Exception e) {
                LOG.warn("while shutting down: {}", e.toString());
            }
        }
    }
}
