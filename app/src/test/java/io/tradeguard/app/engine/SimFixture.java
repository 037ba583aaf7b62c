package io.tradeguard.app.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradeguard.binance.BinanceEndpoints;
import io.tradeguard.binance.SpotVenueConfig;
import io.tradeguard.binance.auth.ApiCredentials;
import io.tradeguard.binance.rest.RestTransport;
import io.tradeguard.binance.spot.BinanceSpotVenue;
import io.tradeguard.binance.stream.Backoff;
import io.tradeguard.binance.stream.ReconnectingSocket;
import io.tradeguard.core.venue.VenueException;
import io.tradeguard.sim.ExchangeSimulator;
import io.tradeguard.sim.PriceFeed;
import io.tradeguard.sim.SimAccount;
import io.tradeguard.sim.SimConfig;
import io.tradeguard.sim.engine.Liquidity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real simulator on loopback (port 0, manual prices, no synthetic depth: every fill has a
 * counterparty the test placed, so every price is known in advance), its control API, and an oracle
 * client per account: the account owner's own view of the exchange (allOrders, myTrades, balances),
 * through the real Binance client but outside the engine.
 */
public final class SimFixture implements AutoCloseable {
    public static final String ADMIN = "t";
    public static final String SYMBOL = "BTCUSDT";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExchangeSimulator sim;
    private final HttpClient control = HttpClient.newHttpClient();
    private final List<BinanceSpotVenue> oracles = new ArrayList<>();

    public SimFixture() {
        sim = ExchangeSimulator.start(SimConfig.defaults().withPort(0).withAdminToken(ADMIN).withSeed(42)
                .withPriceFeed(new PriceFeed.Manual()).withLiquidity(Liquidity.none()));
        sim.setPrice(SYMBOL, new BigDecimal("50000"));
    }

    public ExchangeSimulator sim() {
        return sim;
    }

    /** An account for the engine: 10,000 USDT and 1 BTC. */
    public SimAccount engineAccount() {
        return sim.createAccount(Map.of("USDT", new BigDecimal("10000"), "BTC", BigDecimal.ONE));
    }

    /** Another trader on the same books: the counterparty of the engine's orders. */
    public SimAccount counterparty() {
        return sim.createAccount(Map.of("USDT", new BigDecimal("1000000"), "BTC", new BigDecimal("100")));
    }

    /**
     * Client settings for tests: 2 s answers and recvWindow, fast retries; the user stream reconnects
     * after {@code reconnectAfter} (half to all of it), so a dropped stream leaves a real gap.
     */
    public SpotVenueConfig venueConfig(SimAccount account, Duration reconnectAfter) {
        return SpotVenueConfig.of(BinanceEndpoints.compatible("sim", sim.baseUrl(), sim.wsBaseUrl()),
                        ApiCredentials.hmac(account.apiKey(), account.secretKey()))
                .withRest(new RestTransport.Settings(Duration.ofSeconds(2), Duration.ofSeconds(2), 3,
                        Duration.ofMillis(50), Duration.ofMillis(400)))
                .withStreams(new ReconnectingSocket.Settings(new Backoff(reconnectAfter, reconnectAfter.multipliedBy(2)),
                        Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(15)))
                .withMaxThrottleWait(Duration.ofMillis(500));
    }

    /** The account owner's own client, outside the engine. */
    public BinanceSpotVenue oracle(SimAccount account) {
        try {
            BinanceSpotVenue venue = BinanceSpotVenue.connect(venueConfig(account, Duration.ofMillis(100)));
            oracles.add(venue);
            return venue;
        } catch (VenueException e) {
            throw new AssertionError("the oracle client cannot connect: " + e.error(), e);
        }
    }

    /** Every order of the account on the symbol, as the exchange lists them (GET /api/v3/allOrders). */
    public static List<JsonNode> allOrders(BinanceSpotVenue oracle) {
        try {
            List<JsonNode> out = new ArrayList<>();
            oracle.rest().allOrders(SYMBOL, null, null, 1000).forEach(out::add);
            return out;
        } catch (VenueException e) {
            throw new AssertionError(e.error().toString(), e);
        }
    }

    /** Every trade of the account on the symbol (GET /api/v3/myTrades). */
    public static List<JsonNode> myTrades(BinanceSpotVenue oracle) {
        try {
            List<JsonNode> out = new ArrayList<>();
            oracle.rest().myTrades(SYMBOL, null, null, null, 1000).forEach(out::add);
            return out;
        } catch (VenueException e) {
            throw new AssertionError(e.error().toString(), e);
        }
    }

    /**
     * What the account's trades did to its base-asset wallet: bought − sold − commissions taken in the base
     * asset. The spot position the engine must hold.
     */
    public static BigDecimal netHeld(BinanceSpotVenue oracle) {
        BigDecimal net = BigDecimal.ZERO;
        String base = SYMBOL.substring(0, SYMBOL.length() - "USDT".length());
        for (JsonNode t : myTrades(oracle)) {
            BigDecimal qty = new BigDecimal(t.path("qty").asText());
            BigDecimal baseFee = t.path("commissionAsset").asText().equals(base)
                    ? new BigDecimal(t.path("commission").asText()) : BigDecimal.ZERO;
            net = t.path("isBuyer").asBoolean() ? net.add(qty).subtract(baseFee) : net.subtract(qty).subtract(baseFee);
        }
        return net;
    }

    /** Signed sum of the account's trade quantities (before commissions): what the exchange says was traded. */
    public static BigDecimal netBought(BinanceSpotVenue oracle) {
        BigDecimal net = BigDecimal.ZERO;
        for (JsonNode t : myTrades(oracle)) {
            BigDecimal qty = new BigDecimal(t.path("qty").asText());
            net = t.path("isBuyer").asBoolean() ? net.add(qty) : net.subtract(qty);
        }
        return net;
    }

    /** Free plus locked of an asset, from GET /api/v3/account. */
    public static BigDecimal total(BinanceSpotVenue oracle, String asset) {
        try {
            for (JsonNode b : oracle.rest().account().path("balances")) {
                if (b.path("asset").asText().equals(asset)) {
                    return new BigDecimal(b.path("free").asText()).add(new BigDecimal(b.path("locked").asText()));
                }
            }
            return BigDecimal.ZERO;
        } catch (VenueException e) {
            throw new AssertionError(e.error().toString(), e);
        }
    }

    /** Number of orders with this client id on the exchange (open or closed). */
    public static long countOnExchange(BinanceSpotVenue oracle, String clientOrderId) {
        return allOrders(oracle).stream().filter(o -> o.path("clientOrderId").asText().equals(clientOrderId)).count();
    }

    /** POST /sim/v1/external-order: an order placed by someone else (the "Binance app") on an account. */
    public JsonNode externalOrder(SimAccount account, String side, String type, String quantity, String price) {
        String priceField = price == null ? "" : ",\"price\":\"" + price + "\"";
        return post("/sim/v1/external-order", "{\"api_key\":\"" + account.apiKey() + "\",\"market\":\"spot\",\"symbol\":\""
                + SYMBOL + "\",\"side\":\"" + side + "\",\"type\":\"" + type + "\",\"quantity\":\"" + quantity + "\""
                + priceField + "}");
    }

    /** POST /sim/v1/balance: a deposit (positive) or withdrawal (negative). */
    public JsonNode balance(SimAccount account, String asset, String delta) {
        return post("/sim/v1/balance", "{\"api_key\":\"" + account.apiKey() + "\",\"market\":\"spot\",\"asset\":\""
                + asset + "\",\"delta\":\"" + delta + "\"}");
    }

    /** POST /sim/v1/faults; {@code {}} clears them. */
    public JsonNode faults(String json) {
        return post("/sim/v1/faults", json);
    }

    public JsonNode post(String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("X-Sim-Admin", ADMIN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        try {
            HttpResponse<String> response = control.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError("control call " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        oracles.forEach(BinanceSpotVenue::close);
        control.shutdownNow();
        sim.close();
    }
}
