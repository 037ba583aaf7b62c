package io.tradeguard.binance.futures;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.binance.BinanceEndpoints;
import io.tradeguard.binance.FuturesVenueConfig;
import io.tradeguard.binance.auth.ApiCredentials;
import io.tradeguard.binance.rest.Json;
import io.tradeguard.binance.rest.RestTransport;
import io.tradeguard.binance.rest.SentRequest;
import io.tradeguard.binance.stream.Backoff;
import io.tradeguard.binance.stream.ReconnectingSocket;
import io.tradeguard.core.venue.VenueEvent;
import io.tradeguard.sim.ExchangeSimulator;
import io.tradeguard.sim.PriceFeed;
import io.tradeguard.sim.SimAccount;
import io.tradeguard.sim.SimConfig;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** The real simulator on loopback with one futures account (USDT wallet), a movable clock, short test settings. */
final class FuturesSim implements AutoCloseable {
    static final String ADMIN = "t";
    final AtomicLong clockOffset = new AtomicLong();
    final ExchangeSimulator sim;
    final SimAccount account;
    final List<SentRequest> sent = new CopyOnWriteArrayList<>();
    final List<VenueEvent> venueEvents = new CopyOnWriteArrayList<>();
    private final HttpClient control = HttpClient.newHttpClient();

    FuturesSim(String usdt) {
        InstantSource shifted = new InstantSource() {
            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis());
            }

            @Override
            public long millis() {
                return System.currentTimeMillis() + clockOffset.get();
            }
        };
        sim = ExchangeSimulator.start(SimConfig.defaults().withPort(0).withAdminToken(ADMIN).withSeed(11)
                .withPriceFeed(new PriceFeed.Manual()).withClock(shifted));
        account = sim.createAccount(Map.of(), Map.of("USDT", new BigDecimal(usdt)));
    }

    FuturesVenueConfig config() {
        return FuturesVenueConfig.of(BinanceEndpoints.futuresCompatible("sim-futures", sim.baseUrl(), sim.wsBaseUrl()),
                        ApiCredentials.hmac(account.apiKey(), account.secretKey()))
                .withRest(new RestTransport.Settings(Duration.ofSeconds(2), Duration.ofSeconds(2), 3,
                        Duration.ofMillis(50), Duration.ofMillis(400)))
                .withStreams(new ReconnectingSocket.Settings(new Backoff(Duration.ofMillis(50), Duration.ofMillis(500)),
                        Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(15)))
                .withMaxThrottleWait(Duration.ofMillis(200))
                .withObserver(sent::add)
                .withEvents(venueEvents::add);
    }

    void price(String symbol, String last, String mark) {
        post("/sim/v1/price", "{\"symbol\":\"" + symbol + "\",\"price\":\"" + last + "\",\"mark_price\":\"" + mark
                + "\",\"market\":\"futures\"}");
    }

    void seedPosition(String symbol, String amount, String entry, int leverage, String marginType, String isolatedWallet) {
        post("/sim/v1/positions", "{\"api_key\":\"" + account.apiKey() + "\",\"symbol\":\"" + symbol + "\",\"position_amt\":\""
                + amount + "\",\"entry_price\":\"" + entry + "\",\"leverage\":" + leverage + ",\"margin_type\":\"" + marginType
                + "\",\"isolated_wallet\":\"" + isolatedWallet + "\"}");
    }

    JsonNode faults(String json) {
        return post("/sim/v1/faults", json);
    }

    long posts(String path) {
        return sent.stream().filter(r -> r.method().equals("POST") && r.path().equals(path)).count();
    }

    JsonNode post(String path, String json) {
        try {
            HttpResponse<String> r = control.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("X-Sim-Admin", ADMIN)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new AssertionError(path + " answered " + r.statusCode() + ": " + r.body());
            }
            return Json.parse(r.body());
        } catch (java.io.IOException e) {
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
