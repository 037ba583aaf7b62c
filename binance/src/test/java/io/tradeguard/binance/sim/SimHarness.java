package io.tradeguard.binance.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.binance.BinanceEndpoints;
import io.tradeguard.binance.SpotVenueConfig;
import io.tradeguard.binance.auth.ApiCredentials;
import io.tradeguard.binance.rest.Json;
import io.tradeguard.binance.rest.RestTransport;
import io.tradeguard.binance.rest.SentRequest;
import io.tradeguard.binance.stream.Backoff;
import io.tradeguard.binance.stream.ReconnectingSocket;
import io.tradeguard.binance.spot.BinanceSpotVenue;
import io.tradeguard.core.venue.VenueEvent;
import io.tradeguard.core.venue.VenueException;
import io.tradeguard.sim.ExchangeSimulator;
import io.tradeguard.sim.PriceFeed;
import io.tradeguard.sim.SimAccount;
import io.tradeguard.sim.SimConfig;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * The real simulator on loopback (port 0), one account, and a spot venue pointed at it with settings
 * short enough for tests. Records every request the client sends and every venue-level event.
 */
public final class SimHarness implements AutoCloseable {
    public static final String ADMIN = "t";

    public final ExchangeSimulator sim;
    public final SimAccount account;
    public final List<SentRequest> sent = new CopyOnWriteArrayList<>();
    public final List<VenueEvent> venueEvents = new CopyOnWriteArrayList<>();
    private final HttpClient control = HttpClient.newHttpClient();

    public SimHarness() {
        this(SimConfig.defaults().withPort(0).withAdminToken(ADMIN).withSeed(42).withPriceFeed(new PriceFeed.Manual()));
    }

    public SimHarness(SimConfig config) {
        sim = ExchangeSimulator.start(config);
        account = sim.createAccount(Map.of("USDT", new BigDecimal("100000"), "BTC", new BigDecimal("10"),
                "ETH", new BigDecimal("100")));
    }

    /** Test settings: 2 s answers, 2 s recvWindow, fast retries and reconnects. */
    public SpotVenueConfig config() {
        return SpotVenueConfig.of(BinanceEndpoints.compatible("sim", sim.baseUrl(), sim.wsBaseUrl()),
                        ApiCredentials.hmac(account.apiKey(), account.secretKey()))
                .withRest(new RestTransport.Settings(Duration.ofSeconds(2), Duration.ofSeconds(2), 3,
                        Duration.ofMillis(50), Duration.ofMillis(400)))
                .withStreams(new ReconnectingSocket.Settings(new Backoff(Duration.ofMillis(50), Duration.ofMillis(500)),
                        Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(15)))
                .withMaxThrottleWait(Duration.ofMillis(200))
                .withObserver(sent::add)
                .withEvents(venueEvents::add);
    }

    public BinanceSpotVenue venue() throws VenueException {
        return venue(UnaryOperator.identity());
    }

    public BinanceSpotVenue venue(UnaryOperator<SpotVenueConfig> adjust) throws VenueException {
        return BinanceSpotVenue.connect(adjust.apply(config()));
    }

    public JsonNode faults(String json) {
        return post("/sim/v1/faults", json);
    }

    public JsonNode state() {
        return call(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/sim/v1/state")).header("X-Sim-Admin", ADMIN).GET().build());
    }

    public JsonNode post(String path, String json) {
        return call(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("X-Sim-Admin", ADMIN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** The open orders of our account, as the simulator itself sees them. */
    public JsonNode openOrdersOnSim() {
        for (JsonNode a : state().path("accounts")) {
            if (a.path("api_key").asText().equals(account.apiKey())) {
                return a.path("open_orders");
            }
        }
        throw new AssertionError("account not in the simulator state");
    }

    public long ordersOnSimWithClientId(String clientOrderId) {
        long n = 0;
        for (JsonNode o : openOrdersOnSim()) {
            if (o.path("clientOrderId").asText().equals(clientOrderId)) {
                n++;
            }
        }
        return n;
    }

    private JsonNode call(HttpRequest request) {
        try {
            HttpResponse<String> response = control.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError("control call " + request.uri().getPath() + " answered " + response.statusCode() + ": " + response.body());
            }
            return Json.parse(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sim.close();
        control.shutdownNow();
    }
}
