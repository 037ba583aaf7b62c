package io.tradeguard.sim;

import io.javalin.Javalin;
import io.tradeguard.sim.api.AccountRoutes;
import io.tradeguard.sim.api.FuturesRoutes;
import io.tradeguard.sim.api.Http;
import io.tradeguard.sim.api.Json;
import io.tradeguard.sim.api.PublicRoutes;
import io.tradeguard.sim.api.RateLimiter;
import io.tradeguard.sim.api.TradeRoutes;
import io.tradeguard.sim.api.Venue;
import io.tradeguard.sim.control.ControlRoutes;
import io.tradeguard.sim.engine.Instrument;
import io.tradeguard.sim.engine.SymbolSpec;
import io.tradeguard.sim.futures.Contract;
import io.tradeguard.sim.ws.FuturesStreams;
import io.tradeguard.sim.feed.MarketData;
import io.tradeguard.sim.feed.PriceDriver;
import io.tradeguard.sim.ws.ListenKeys;
import io.tradeguard.sim.ws.MarketStreams;
import io.tradeguard.sim.ws.WsApi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Binance-compatible spot exchange, embedded: build with a {@link SimConfig}, then {@link #start}.
 * Clients talk to it only over HTTP and WebSocket, exactly as to Binance.
 */
public final class ExchangeSimulator implements AutoCloseable {
    private final SimConfig config;
    private final String adminToken;
    private final Venue venue;
    private final PriceDriver feed;
    private final Javalin app;
    private final ScheduledExecutorService pinger;

    private ExchangeSimulator(SimConfig config) {
        this.config = config;
        this.venue = new Venue(config);
        this.adminToken = config.adminToken() != null ? config.adminToken() : venue.randomKey(32);
        RateLimiter limiter = new RateLimiter(config.rateLimits());
        Http http = new Http(venue, limiter);
        MarketData data = new MarketData();
        WsApi wsApi = new WsApi(venue, limiter);
        MarketStreams streams = new MarketStreams(venue);
        data.addKlineListener(streams);
        venue.subscribe(data);
        venue.subscribe(limiter);
        venue.subscribe(wsApi);
        venue.subscribe(streams);
        this.feed = new PriceDriver(venue, config.seed());
        this.app = Javalin.create(cfg -> {
            cfg.useVirtualThreads = true;
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
        });
        Map<String, Instrument> futuresInstruments = venue.futures(f -> {
            Map<String, Instrument> m = new java.util.LinkedHashMap<>();
            for (Contract k : f.contracts()) {
                m.put(k.symbol, Instrument.standalone(new SymbolSpec(k.symbol, k.baseAsset, "USDT", k.tickSize, k.minPrice,
                        k.maxPrice, k.stepSize, k.minQty, k.maxQty, k.marketMaxQty, k.minNotional, new BigDecimal("9000000000"),
                        Contract.MAX_NUM_ORDERS, Contract.MAX_NUM_ALGO_ORDERS, 10, 2000, k.lastPrice())));
            }
            return m;
        });
        MarketData futuresData = new MarketData();
        FuturesStreams futuresStreams = new FuturesStreams(venue, futuresInstruments, futuresData);
        venue.subscribeFutures(futuresStreams);
        TradeRoutes trade = new TradeRoutes(http);
        new PublicRoutes(http, data).register(app);
        trade.register(app);
        new AccountRoutes(http, trade).register(app);
        wsApi.register(app);
        streams.register(app);
        new FuturesRoutes(http, futuresData, futuresInstruments).register(app);
        futuresStreams.register(app, http);
        new ControlRoutes(venue, adminToken, feed, limiter, wsApi, streams, futuresStreams).register(app);
        ListenKeys listenKeys = null;
        if (config.legacyListenKey()) {
            listenKeys = new ListenKeys(venue);
            listenKeys.register(app, http, streams);
            venue.subscribe(listenKeys);
        }
        ListenKeys expiring = listenKeys;
        app.exception(Exception.class, (e, ctx) -> {
            org.slf4j.LoggerFactory.getLogger(ExchangeSimulator.class).error("request failed", e);
            ctx.status(500).contentType("application/json")
                    .result(Json.write(Json.error(-1000, "An unknown error occurred while processing the request.")));
        });
        long ping = config.pingInterval().toMillis();
        this.pinger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-ping");
            t.setDaemon(true);
            return t;
        });
        pinger.scheduleAtFixedRate(() -> {
            wsApi.pingAll();
            streams.pingAll();
            futuresStreams.pingAll();
        }, ping, ping, TimeUnit.MILLISECONDS);
        pinger.scheduleAtFixedRate(() -> {
            try {
                venue.futures(f -> {
                    f.tick(venue.now());
                    return null;
                });
                futuresStreams.expire();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ExchangeSimulator.class).error("futures tick failed", e);
            }
        }, 1000, 1000, TimeUnit.MILLISECONDS);
        if (expiring != null) {
            pinger.scheduleAtFixedRate(expiring::expire, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** Builds the simulator and starts listening (port 0 = any free port). */
    public static ExchangeSimulator start(SimConfig config) {
        ExchangeSimulator sim = new ExchangeSimulator(config);
        try {
            sim.feed.use(config.feed());
        } catch (IOException e) {
            sim.close();
            throw new UncheckedIOException(e);
        }
        sim.app.start(config.host(), config.port());
        return sim;
    }

    public int port() {
        return app.port();
    }

    public String baseUrl() {
        return "http://" + config.host() + ":" + port();
    }

    public String wsBaseUrl() {
        return "ws://" + config.host() + ":" + port();
    }

    public String adminToken() {
        return adminToken;
    }

    public SimConfig config() {
        return config;
    }

    /** A new HMAC account with spot balances and a USDⓈ-M futures wallet ({@code "USDT"} only). */
    public SimAccount createAccount(Map<String, BigDecimal> balances, Map<String, BigDecimal> futuresBalances) {
        return venue.createAccount(null, null, balances, futuresBalances);
    }

    /** A new HMAC account with generated key and secret. */
    public SimAccount createAccount(Map<String, BigDecimal> balances) {
        return venue.createAccount(null, null, balances);
    }

    public SimAccount createAccount(String apiKey, String secretKey, Map<String, BigDecimal> balances) {
        return venue.createAccount(apiKey, secretKey, balances);
    }

    /** A new account whose requests are signed with the Ed25519 key whose public half is given (PEM); returns the API key. */
    public String createEd25519Account(String publicKeyPem, Map<String, BigDecimal> balances) {
        return venue.createEd25519Account(null, publicKeyPem, balances);
    }

    /** A trade at {@code price} becomes the last price; same effect as POST /sim/v1/price. */
    public void setPrice(String symbol, BigDecimal price) {
        venue.locked(e -> {
            Instrument inst = e.instrument(symbol);
            if (inst == null) {
                throw new IllegalArgumentException("unknown symbol " + symbol);
            }
            long units;
            try {
                units = inst.price(price);
            } catch (ArithmeticException tooFine) {
                throw new IllegalArgumentException("price " + price + " is not a multiple of the tick of " + symbol);
            }
            if (units % inst.tick != 0 || units < inst.minPrice || units > inst.maxPrice) {
                throw new IllegalArgumentException("price " + price + " is outside the PRICE_FILTER of " + symbol);
            }
            e.marketTrade(symbol, units, inst.minQty, venue.now());
            return null;
        });
    }

    /** A futures trade at {@code price} and a mark price ({@code price} when null); same as POST /sim/v1/price with market futures. */
    public void setFuturesPrice(String symbol, BigDecimal price, BigDecimal markPrice) {
        venue.futures(f -> {
            f.setPrices(symbol, price, markPrice, venue.now());
            return null;
        });
    }

    @Override
    public void close() {
        pinger.shutdownNow();
        feed.close();
        app.stop();
        venue.close();
    }
}
