package io.tradeguard.binance.stream;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What one kind of stream does on a connection that {@link ReconnectingSocket} keeps alive: where to
 * connect (asked again on every reconnect, so a futures listen key can be renewed there), what to send
 * once connected, how to read each message. The socket handles reconnects, backoff, events, watchdog,
 * lifetime rotation and (optionally) a periodic keep-alive such as the futures listen-key PUT.
 */
public interface StreamProtocol {

    /** Names the stream in events and logs (never contains a key). */
    String name();

    URI connectUri() throws Exception;

    /** Called on each new connection: send the subscription; call {@link Link#ready()} once it is confirmed. */
    void onOpen(Link link) throws Exception;

    /** One complete text message. Return a reason to drop this connection and reconnect, or empty. */
    Optional<String> onText(String text, Instant receivedAt, Link link);

    /** Binance closes connections after 24 h; reconnect on our terms a little before. */
    default Duration maxLifetime() {
        return Duration.ofHours(23).plusMinutes(50);
    }

    /** Period of {@link #keepAlive()}; empty for streams without one. */
    default Optional<Duration> keepAliveEvery() {
        return Optional.empty();
    }

    default void keepAlive() throws Exception {
    }

    /** The connection the protocol talks to. */
    interface Link {
        void send(String text);

        /** The subscription is confirmed: the stream is live. */
        void ready();
    }
}
