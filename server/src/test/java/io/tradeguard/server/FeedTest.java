package io.tradeguard.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.server.api.EngineEvent;
import io.tradeguard.server.api.Signal;
import io.tradeguard.server.support.FakeEngine;
import io.tradeguard.server.support.TestServer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

class FeedTest {

    /** Collects text frames; reads on only while {@code reading} is true. */
    static final class Client implements WebSocket.Listener {
        final List<String> frames = new CopyOnWriteArrayList<>();
        final boolean reading;
        private final StringBuilder partial = new StringBuilder();

        Client(boolean reading) {
            this.reading = reading;
        }

        @Override
        public void onOpen(WebSocket ws) {
            if (reading) {
                ws.request(1);
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    private static WebSocket connect(TestServer s, String query, String header, Client client) {
        var builder = s.http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (header != null) {
            builder.header("Authorization", "Bearer " + header);
        }
        return builder.buildAsync(URI.create("ws://127.0.0.1:" + s.server.port() + "/ws" + query), client)
                .orTimeout(10, TimeUnit.SECONDS).join();
    }

    private static Signal signal(String strategy) {
        return new Signal("s-1", Symbol.of("BTCUSDT"), Market.SPOT, Signal.Direction.LONG, new BigDecimal("0.8"),
                null, null, null, null, null, strategy, "test", FakeEngine.T0);
    }

    @Test
    void a_connection_without_a_valid_token_is_refused() {
        try (TestServer s = new TestServer()) {
            for (String query : List.of("", "?access_token=garbage", "?access_token=" + s.token("viewer") + "x")) {
                Throwable failure = catchThrowable(() -> connect(s, query, null, new Client(true)));
                assertThat(failure).isInstanceOf(CompletionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
                assertThat(((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode()).isEqualTo(401);
            }
            assertThat(s.server.feed().clientCount()).isZero();
        }
    }

    @Test
    void events_reach_clients_as_type_data_sequence_time() {
        try (TestServer s = new TestServer()) {
            Client byQuery = new Client(true);
            Client byHeader = new Client(true);
            connect(s, "?access_token=" + s.token("viewer"), null, byQuery);
            connect(s, "", s.token("trader"), byHeader);
            await().atMost(Duration.ofSeconds(5)).until(() -> s.server.feed().clientCount() == 2);

            s.engine.publish(new EngineEvent.KillSwitchTripped("daily loss limit reached", FakeEngine.T0));
            s.engine.publish(new EngineEvent.SignalReceived(signal("breakout"), FakeEngine.T0.plusSeconds(1)));

            await().atMost(Duration.ofSeconds(5)).until(() -> byQuery.frames.size() == 2 && byHeader.frames.size() == 2);
            assertThat(byHeader.frames).isEqualTo(byQuery.frames);
            JsonNode first = TestServer.parse(byQuery.frames.get(0));
            assertThat(first.get("type").asText()).isEqualTo("KillSwitchTripped");
            assertThat(first.at("/data/reason").asText()).isEqualTo("daily loss limit reached");
            assertThat(first.get("time").asText()).isEqualTo("2025-03-01T12:00:00Z");
            JsonNode second = TestServer.parse(byQuery.frames.get(1));
            assertThat(second.get("type").asText()).isEqualTo("SignalReceived");
            assertThat(second.at("/data/signal/symbol").asText()).isEqualTo("BTCUSDT");
            assertThat(second.at("/data/signal/confidence").decimalValue()).isEqualByComparingTo("0.8");
            assertThat(second.get("sequence").asLong()).isEqualTo(first.get("sequence").asLong() + 1);
        }
    }

    @Test
    void a_client_that_stops_reading_is_dropped_and_neither_the_engine_nor_other_clients_wait() {
        try (TestServer s = new TestServer(ServerConfig.defaults().withPort(0).withLoginLimits(5, 10_000).withFeedQueueCapacity(64))) {
            Client fast = new Client(true);
            Client slow = new Client(false);
            connect(s, "?access_token=" + s.token("viewer"), null, fast);
            connect(s, "?access_token=" + s.token("viewer"), null, slow);
            await().atMost(Duration.ofSeconds(5)).until(() -> s.server.feed().clientCount() == 2);

            Signal big = signal("x".repeat(16 * 1024));
            long publishNanos = 0;
            int published = 0;
            // enough data to fill the slow client's socket buffers many times over
            while (s.server.feed().droppedCount() == 0 && published < 4000) {
                for (int i = 0; i < 32; i++) {
                    long t = System.nanoTime();
                    s.engine.publish(new EngineEvent.SignalReceived(big, FakeEngine.T0));
                    publishNanos += System.nanoTime() - t;
                    published++;
                }
                int expected = published;
                await().atMost(Duration.ofSeconds(10)).until(() -> fast.frames.size() == expected);
            }
            assertThat(s.server.feed().droppedCount()).isEqualTo(1);
            assertThat(s.server.feed().clientCount()).isEqualTo(1);
            assertThat(slow.frames).isEmpty();
            // publishing is an offer per client: it never waited on the stuck socket
            assertThat(Duration.ofNanos(publishNanos)).isLessThan(Duration.ofSeconds(3));

            // the fast client saw every event, in order, without a gap, and keeps receiving
            s.engine.publish(new EngineEvent.CircuitBreakerClosed(FakeEngine.T0));
            int total = published + 1;
            await().atMost(Duration.ofSeconds(5)).until(() -> fast.frames.size() == total);
            long firstSeq = TestServer.parse(fast.frames.getFirst()).get("sequence").asLong();
            for (int i = 0; i < fast.frames.size(); i++) {
                assertThat(TestServer.parse(fast.frames.get(i)).get("sequence").asLong()).isEqualTo(firstSeq + i);
            }
        }
    }
}
