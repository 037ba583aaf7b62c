package io.tradeguard.binance.rest;

import com.sun.net.httpserver.HttpServer;
import io.tradeguard.core.venue.VenueException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The metrics hook: an observer that is a CallListener hears every call's method, path, status and latency. */
class CallListenerTest {
    private record Heard(String method, String path, int status, Duration latency) {
    }

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private RestTransport transport(List<Heard> heard) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v3/ping", exchange -> answer(exchange, 200, "{}"));
        server.createContext("/api/v3/missing", exchange -> answer(exchange, 400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}"));
        server.start();
        ServerClock clock = new ServerClock(InstantSource.system(), Duration.ofMinutes(5));
        RestTransport.CallListener listener = (method, path, status, latency) -> heard.add(new Heard(method, path, status, latency));
        return new RestTransport(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), RestTransport.defaultHttpClient(),
                null, clock, new RateGate(clock, 0.9, Duration.ofSeconds(1), e -> { }),
                new RestTransport.Settings(Duration.ofSeconds(2), Duration.ofSeconds(5), 0, Duration.ofMillis(10), Duration.ofMillis(20)),
                listener);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void answeredAndRefusedCallsAreBothHeard() throws Exception {
        List<Heard> heard = new CopyOnWriteArrayList<>();
        RestTransport rest = transport(heard);

        rest.call(Endpoint.publicGet("/api/v3/ping", 1), Params.of());
        assertThatThrownBy(() -> rest.call(Endpoint.publicGet("/api/v3/missing", 1), Params.of())).isInstanceOf(VenueException.class);

        assertThat(heard).extracting(Heard::method, Heard::path, Heard::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("GET", "/api/v3/ping", 200),
                        org.assertj.core.groups.Tuple.tuple("GET", "/api/v3/missing", 400));
        assertThat(heard).allSatisfy(h -> assertThat(h.latency()).isPositive());
    }

    @Test
    void aCallWithoutAnAnswerIsHeardWithStatusZero() throws Exception {
        List<Heard> heard = new CopyOnWriteArrayList<>();
        RestTransport rest = transport(heard);
        server.stop(0);
        server = null;

        assertThatThrownBy(() -> rest.call(Endpoint.publicGet("/api/v3/ping", 1), Params.of())).isInstanceOf(VenueException.class);

        assertThat(heard).singleElement().satisfies(h -> assertThat(h.status()).isZero());
    }
}
