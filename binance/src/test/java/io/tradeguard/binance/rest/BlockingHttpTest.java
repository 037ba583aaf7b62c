package io.tradeguard.binance.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tradeguard.binance.auth.ApiCredentials;
import io.tradeguard.core.venue.VenueError.Kind;
import io.tradeguard.core.venue.VenueException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The caller's-thread HTTP client under RestTransport: what goes on the wire, what comes back, how it fails. */
class BlockingHttpTest {
    private record Seen(String method, String path, String query, String apiKey, String contentType,
                        String contentLength, String body, int remotePort) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final BlockingHttp http = BlockingHttp.create();
    private HttpServer server;

    @AfterEach
    void stop() {
        http.close();
        if (server != null) {
            server.stop(0);
        }
    }

    private RestTransport transport(URI base, Duration timeout) {
        ServerClock clock = new ServerClock(InstantSource.system(), Duration.ofMinutes(5));
        clock.record(System.currentTimeMillis(), System.currentTimeMillis(), System.currentTimeMillis());
        return new RestTransport(base, http, ApiCredentials.hmac("key-1", "secret-1"), clock,
                new RateGate(clock, 0.9, Duration.ofSeconds(1), e -> { }),
                new RestTransport.Settings(timeout, Duration.ofSeconds(5), 0, Duration.ofMillis(10), Duration.ofMillis(20)), null);
    }

    private URI serve(int status, String answer, long delayMillis) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("X-MBX-APIKEY"), exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Content-Length"), new String(in, StandardCharsets.US_ASCII),
                    exchange.getRemoteAddress().getPort()));
            sleep(delayMillis);
            answer(exchange, status, answer);
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-MBX-USED-WEIGHT-1M", "37");
        exchange.getResponseHeaders().add("Retry-After", "7");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void a_signed_post_carries_key_form_body_and_signature_and_reads_the_weight_header() throws Exception {
        RestTransport rest = transport(serve(200, "{\"orderId\":42}", 0), Duration.ofSeconds(2));
        Endpoint order = new Endpoint("POST", "/api/v3/order", 1, Endpoint.Security.SIGNED, Endpoint.Retry.NEVER, true);

        JsonNode answer = rest.call(order, Params.of().add("symbol", "BTCUSDT").add("side", "BUY"));

        assertThat(answer.path("orderId").asLong()).isEqualTo(42);
        assertThat(rest.gate().usedWeight()).isEqualTo(37);
        assertThat(seen).singleElement().satisfies(s -> {
            assertThat(s.method()).isEqualTo("POST");
            assertThat(s.path()).isEqualTo("/api/v3/order");
            assertThat(s.query()).isNull();
            assertThat(s.apiKey()).isEqualTo("key-1");
            assertThat(s.contentType()).isEqualTo("application/x-www-form-urlencoded");
            assertThat(s.body()).startsWith("symbol=BTCUSDT&side=BUY&recvWindow=5000&timestamp=").contains("&signature=");
            assertThat(s.contentLength()).isEqualTo(String.valueOf(s.body().length()));
        });
    }

    @Test
    void a_get_sends_its_parameters_in_the_query_and_a_post_without_any_sends_an_empty_body() throws Exception {
        RestTransport rest = transport(serve(200, "{}", 0), Duration.ofSeconds(2));

        rest.call(Endpoint.publicGet("/api/v3/depth", 5), Params.of().add("symbol", "BTCUSDT"));
        rest.call(new Endpoint("POST", "/api/v3/userDataStream", 2, Endpoint.Security.NONE, Endpoint.Retry.NEVER, false), Params.of());

        assertThat(seen).extracting(Seen::method, Seen::query, Seen::contentLength, Seen::body).containsExactly(
                org.assertj.core.groups.Tuple.tuple("GET", "symbol=BTCUSDT", null, ""),
                org.assertj.core.groups.Tuple.tuple("POST", null, "0", ""));
        assertThat(seen).extracting(Seen::remotePort).as("one kept-alive connection").containsOnly(seen.getFirst().remotePort());
    }

    @Test
    void an_error_answer_is_classified_with_its_code_and_retry_after() throws Exception {
        RestTransport rest = transport(serve(429, "{\"code\":-1003,\"msg\":\"Too much request weight used\"}", 0), Duration.ofSeconds(2));

        assertThatThrownBy(() -> rest.call(Endpoint.publicGet("/api/v3/time", 1), Params.of()))
                .isInstanceOfSatisfying(VenueException.class, e -> {
                    assertThat(e.error().kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.error().code()).isEqualTo(-1003);
                    assertThat(e.error().httpStatus()).isEqualTo(429);
                    assertThat(e.error().retryAfter()).isEqualTo(Duration.ofSeconds(7));
                });
    }

    @Test
    void an_answer_later_than_the_request_timeout_leaves_the_outcome_unknown() throws Exception {
        RestTransport rest = transport(serve(200, "{}", 1_500), Duration.ofMillis(300));
        Endpoint order = new Endpoint("POST", "/api/v3/order", 1, Endpoint.Security.SIGNED, Endpoint.Retry.NEVER, true);
        long start = System.nanoTime();

        assertThatThrownBy(() -> rest.call(order, Params.of().add("symbol", "BTCUSDT")))
                .isInstanceOfSatisfying(VenueException.class, e -> assertThat(e.error().kind()).isEqualTo(Kind.UNKNOWN_OUTCOME));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_400));
        assertThat(seen).hasSize(1);                                  // sent once, never again
    }

    /** The library's timeout bounds each read; an answer that trickles in must still end at the call's timeout. */
    @Test
    void an_answer_trickling_in_past_the_request_timeout_is_cut_off_and_left_unknown() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread serverThread = Thread.ofPlatform().daemon().start(() -> {
                try (java.net.Socket socket = listener.accept()) {
                    var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        seen.add(new Seen(line, "", "", "", "", "", "", 0));
                    }
                    var out = socket.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    // one byte every 150 ms: each read is well inside a 400 ms read timeout, the whole takes 6 s
                    for (int i = 0; i < 40; i++) {
                        out.write(' ');
                        out.flush();
                        Thread.sleep(150);
                    }
                } catch (IOException | InterruptedException e) {
                    // the client hung up: expected
                }
            });
            RestTransport rest = transport(URI.create("http://127.0.0.1:" + listener.getLocalPort()), Duration.ofMillis(400));
            Endpoint order = new Endpoint("POST", "/api/v3/order", 1, Endpoint.Security.SIGNED, Endpoint.Retry.NEVER, true);
            long start = System.nanoTime();

            assertThatThrownBy(() -> rest.call(order, Params.of().add("symbol", "BTCUSDT")))
                    .isInstanceOfSatisfying(VenueException.class, e -> {
                        assertThat(e.error().kind()).isEqualTo(Kind.UNKNOWN_OUTCOME);
                        assertThat(e.error().message()).contains("no complete answer within 400 ms");
                    });

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
            serverThread.interrupt();
        }
    }

    @Test
    void a_refused_connection_means_nothing_was_sent() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        RestTransport rest = transport(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2));
        Endpoint order = new Endpoint("POST", "/api/v3/order", 1, Endpoint.Security.SIGNED, Endpoint.Retry.NEVER, true);

        assertThatThrownBy(() -> rest.call(order, Params.of().add("symbol", "BTCUSDT")))
                .isInstanceOfSatisfying(VenueException.class, e -> assertThat(e.error().kind()).isEqualTo(Kind.UNREACHABLE));
    }

    /** A kept-alive connection the server closed while it sat idle in the pool must not carry the next order. */
    @Test
    void a_connection_closed_by_the_server_while_idle_is_not_used_for_the_next_call() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
             BlockingHttp checking = BlockingHttp.create(Duration.ofSeconds(2), 4, Duration.ofMillis(50))) {
            List<Integer> ports = new CopyOnWriteArrayList<>();
            Thread serverThread = Thread.ofPlatform().daemon().start(() -> {
                // answers one request per connection with keep-alive, then closes it as an idle timeout would
                while (!listener.isClosed()) {
                    try (java.net.Socket socket = listener.accept()) {
                        ports.add(socket.getPort());
                        var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                        int length = 0;
                        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                                length = Integer.parseInt(line.substring(15).strip());
                            }
                        }
                        in.skip(length);
                        socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 2\r\nConnection: keep-alive\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
                        socket.getOutputStream().flush();
                        Thread.sleep(20);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            });
            ServerClock clock = new ServerClock(InstantSource.system(), Duration.ofMinutes(5));
            clock.record(System.currentTimeMillis(), System.currentTimeMillis(), System.currentTimeMillis());
            RestTransport rest = new RestTransport(URI.create("http://127.0.0.1:" + listener.getLocalPort()), checking,
                    ApiCredentials.hmac("key-1", "secret-1"), clock, new RateGate(clock, 0.9, Duration.ofSeconds(1), e -> { }),
                    new RestTransport.Settings(Duration.ofSeconds(2), Duration.ofSeconds(5), 0, Duration.ofMillis(10), Duration.ofMillis(20)), null);
            Endpoint order = new Endpoint("POST", "/api/v3/order", 1, Endpoint.Security.SIGNED, Endpoint.Retry.NEVER, true);

            rest.call(order, Params.of().add("symbol", "BTCUSDT"));
            Thread.sleep(300);                                       // the server has closed it; the pool still holds it
            rest.call(order, Params.of().add("symbol", "BTCUSDT"));   // no failure, no resend: a new connection

            assertThat(ports).hasSize(2).doesNotHaveDuplicates();
            serverThread.interrupt();
        }
    }
}
