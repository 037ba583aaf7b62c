package io.tradeguard.binance.sim;

import io.tradeguard.binance.stream.Backoff;
import io.tradeguard.binance.stream.ReconnectingSocket;
import io.tradeguard.binance.stream.StreamProtocol;
import io.tradeguard.core.venue.VenueEvent;
import io.tradeguard.core.venue.VenueException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The reconnect machinery on its own, with a protocol written here (as the futures listen-key stream
 * will write its own): lifetime rotation, the periodic keep-alive hook, a URI asked again per connect.
 */
class ReconnectingSocketTest {
    private static final ReconnectingSocket.Settings FAST = new ReconnectingSocket.Settings(
            new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)), Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(5));

    /** A raw trade stream that rotates every {@code lifetime} and "keeps alive" every 200 ms. */
    private static final class TradeProtocol implements StreamProtocol {
        final URI base;
        final Duration lifetime;
        final AtomicInteger connects = new AtomicInteger();
        final AtomicInteger keepAlives = new AtomicInteger();
        final AtomicInteger messages = new AtomicInteger();

        TradeProtocol(URI base, Duration lifetime) {
            this.base = base;
            this.lifetime = lifetime;
        }

        @Override
        public String name() {
            return "test-trades";
        }

        @Override
        public URI connectUri() {
            connects.incrementAndGet();
            return URI.create(base + "/ws/btcusdt@trade");
        }

        @Override
        public void onOpen(Link link) {
            link.ready();
        }

        @Override
        public Optional<String> onText(String text, Instant receivedAt, Link link) {
            messages.incrementAndGet();
            return Optional.empty();
        }

        @Override
        public Duration maxLifetime() {
            return lifetime;
        }

        @Override
        public Optional<Duration> keepAliveEvery() {
            return Optional.of(Duration.ofMillis(200));
        }

        @Override
        public void keepAlive() {
            keepAlives.incrementAndGet();
        }
    }

    @Test
    void rotates_before_its_lifetime_ends_and_runs_the_keep_alive() throws Exception {
        try (SimHarness harness = new SimHarness()) {
            RecordingListener events = new RecordingListener();
            TradeProtocol protocol = new TradeProtocol(URI.create(harness.sim.wsBaseUrl()), Duration.ofMillis(1200));
            ReconnectingSocket socket = new ReconnectingSocket(protocol, HttpClient.newHttpClient(), FAST, events, InstantSource.system());
            try {
                socket.start(Duration.ofSeconds(3));
                await().atMost(Duration.ofSeconds(3)).until(() -> {
                    harness.sim.setPrice("BTCUSDT", new BigDecimal("60100")); // until the venue has registered the connection
                    return protocol.messages.get() > 0;
                });
                await().atMost(Duration.ofSeconds(5)).until(() -> !events.of(VenueEvent.ConnectionRestored.class).isEmpty());
                assertThat(events.of(VenueEvent.ConnectionLost.class)).first()
                        .satisfies(l -> assertThat(l.reason()).contains("rotation"));
                assertThat(protocol.connects.get()).isGreaterThanOrEqualTo(2);
                await().atMost(Duration.ofSeconds(5)).until(() -> protocol.keepAlives.get() >= 3);
                int before = protocol.messages.get();
                await().atMost(Duration.ofSeconds(3)).until(() -> {
                    harness.sim.setPrice("BTCUSDT", new BigDecimal("60200"));
                    return protocol.messages.get() > before;
                });
            } finally {
                socket.close();
            }
        }
    }

    @Test
    void a_stream_that_never_comes_up_is_reported_to_the_caller() {
        TradeProtocol protocol = new TradeProtocol(URI.create("ws://127.0.0.1:1"), Duration.ofHours(1));
        ReconnectingSocket socket = new ReconnectingSocket(protocol, HttpClient.newHttpClient(), FAST, e -> { }, InstantSource.system());
        assertThatThrownBy(() -> socket.start(Duration.ofMillis(800))).isInstanceOfSatisfying(VenueException.class,
                e -> assertThat(e.error().message()).contains("did not come up"));
        assertThat(protocol.connects.get()).isGreaterThanOrEqualTo(2); // it kept trying, with backoff, until told to stop
    }
}
