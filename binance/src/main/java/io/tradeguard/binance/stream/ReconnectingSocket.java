package io.tradeguard.binance.stream;

import io.tradeguard.core.venue.VenueError;
import io.tradeguard.core.venue.VenueEvent;
import io.tradeguard.core.venue.VenueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Keeps one WebSocket stream alive for as long as it is wanted: connect, let the protocol subscribe,
 * and whenever the connection ends (venue close, error, protocol says the subscription ended, silence,
 * lifetime rotation) connect again with exponential backoff and jitter. Each gap is announced once as
 * {@link VenueEvent.ConnectionLost} and its end as {@link VenueEvent.ConnectionRestored}, after the
 * new subscription is confirmed, so the engine knows to reconcile what it may have missed.
 */
public final class ReconnectingSocket implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReconnectingSocket.class);

    /**
     * @param readyTimeout  how long a new connection may take to confirm its subscription
     * @param pingEvery     our own pings, so a dead TCP connection shows as silence
     * @param silenceLimit  no frame at all (message, ping, pong) for this long ends the connection
     */
    public record Settings(Backoff backoff, Duration readyTimeout, Duration pingEvery, Duration silenceLimit) {
        public Settings {
            Objects.requireNonNull(backoff, "backoff");
            Objects.requireNonNull(readyTimeout, "readyTimeout");
            Objects.requireNonNull(pingEvery, "pingEvery");
            Objects.requireNonNull(silenceLimit, "silenceLimit");
            if (silenceLimit.compareTo(pingEvery) <= 0) {
                throw new IllegalArgumentException("silenceLimit must be longer than pingEvery");
            }
        }

        public static Settings defaults() {
            return new Settings(Backoff.defaults(), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(70));
        }
    }

    private final StreamProtocol protocol;
    private final HttpClient http;
    private final Settings settings;
    private final Consumer<VenueEvent> events;
    private final InstantSource clock;
    private final CompletableFuture<Void> firstReady = new CompletableFuture<>();
    private volatile boolean closed;
    private volatile Session current;
    private volatile Thread runner;

    public ReconnectingSocket(StreamProtocol protocol, HttpClient http, Settings settings, Consumer<VenueEvent> events,
                              InstantSource clock) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.http = Objects.requireNonNull(http, "http");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Starts the stream and waits until its first subscription is confirmed. */
    public void start(Duration waitForFirst) throws VenueException {
        runner = Thread.ofVirtual().name("stream-" + protocol.name()).start(this::run);
        try {
            firstReady.get(waitForFirst.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            close();
            throw new VenueException(new VenueError(VenueError.Kind.UNREACHABLE, 0, 0,
                    "stream " + protocol.name() + " did not come up within " + waitForFirst.toMillis() + " ms", null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new VenueException(new VenueError(VenueError.Kind.UNREACHABLE, 0, 0, "interrupted while opening " + protocol.name(), null));
        }
    }

    public boolean isLive() {
        Session session = current;
        return session != null && session.ready.isDone() && !session.ended.isDone();
    }

    private void run() {
        int failures = 0;
        boolean inGap = false;
        while (!closed) {
            Session session = null;
            String reason;
            boolean wasLive = false;
            try {
                session = open();
                wasLive = true;
                failures = 0;
                if (inGap) {
                    inGap = false;
                    log.info("stream {} restored", protocol.name());
                    events.accept(new VenueEvent.ConnectionRestored(protocol.name(), clock.instant()));
                }
                firstReady.complete(null);
                reason = session.awaitEnd();
            } catch (InterruptedException e) {
                reason = "interrupted";
            } catch (Exception e) {
                reason = "could not open: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
            } finally {
                if (session != null) {
                    session.abort();
                }
                current = null;
            }
            if (closed) {
                break;
            }
            if (!inGap && firstReady.isDone()) {
                inGap = true;
                events.accept(new VenueEvent.ConnectionLost(protocol.name(), reason, clock.instant()));
            }
            Duration wait = wasLive ? settings.backoff().initial() : settings.backoff().delay(failures++);
            log.warn("stream {} down ({}); reconnecting in {} ms", protocol.name(), reason, wait.toMillis());
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
            }
        }
    }

    private Session open() throws Exception {
        Session session = new Session();
        current = session;
        try {
            WebSocket ws = http.newWebSocketBuilder().connectTimeout(settings.readyTimeout())
                    .buildAsync(protocol.connectUri(), session)
                    .get(settings.readyTimeout().toMillis(), TimeUnit.MILLISECONDS);
            session.attach(ws);
            protocol.onOpen(session);
            try {
                CompletableFuture.anyOf(session.ready, session.ended).get(settings.readyTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new TimeoutException("subscription not confirmed within " + settings.readyTimeout().toMillis() + " ms");
            }
            if (session.ended.isDone()) {
                throw new IllegalStateException(session.ended.getNow("ended"));
            }
            return session;
        } catch (Exception e) {
            session.abort(); // never leave a half-open connection behind
            throw e;
        }
    }

    @Override
    public void close() {
        closed = true;
        Session session = current;
        if (session != null) {
            session.abort();
        }
        Thread thread = runner;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** One connection. The JDK answers the venue's pings with pongs by itself. */
    private final class Session implements WebSocket.Listener, StreamProtocol.Link {
        final CompletableFuture<Void> ready = new CompletableFuture<>();
        final CompletableFuture<String> ended = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private final long openedNanos = System.nanoTime();
        private volatile long lastInboundNanos = System.nanoTime();
        private volatile WebSocket ws;

        void attach(WebSocket socket) {
            ws = socket;
        }

        @Override
        public void onOpen(WebSocket socket) {
            socket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            lastInboundNanos = System.nanoTime();
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                try {
                    Optional<String> end = protocol.onText(message, clock.instant(), this);
                    end.ifPresent(ended::complete);
                } catch (RuntimeException e) {
                    // a message we cannot read may be an event we would miss: drop the connection so the gap is reconciled
                    log.error("stream {}: unreadable message, reconnecting", protocol.name(), e);
                    ended.complete("unreadable message: " + e.getMessage());
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            lastInboundNanos = System.nanoTime();
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket socket, ByteBuffer message) {
            lastInboundNanos = System.nanoTime();
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket socket, ByteBuffer message) {
            lastInboundNanos = System.nanoTime();
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            ended.complete("closed by the venue (" + statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            ended.complete("connection error: " + error.getClass().getSimpleName()
                    + (error.getMessage() == null ? "" : " " + error.getMessage()));
        }

        @Override
        public synchronized void send(String text) {
            WebSocket socket = ws;
            if (socket == null || socket.isOutputClosed()) {
                throw new IllegalStateException("stream " + protocol.name() + " is not connected");
            }
            socket.sendText(text, true).join(); // one send at a time, as the JDK requires
        }

        @Override
        public void ready() {
            ready.complete(null);
        }

        /** Blocks until the connection ends; returns why. Runs the watchdog, pings, keep-alive and rotation. */
        String awaitEnd() throws InterruptedException {
            long lastPing = System.nanoTime();
            long lastKeepAlive = System.nanoTime();
            Optional<Duration> keepAlive = protocol.keepAliveEvery();
            while (true) {
                try {
                    return ended.get(250, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // periodic checks below
                } catch (ExecutionException e) {
                    return "failed: " + e.getCause();
                }
                long now = System.nanoTime();
                if (now - openedNanos > protocol.maxLifetime().toNanos()) {
                    return "rotation before the venue's connection lifetime limit";
                }
                if (now - lastInboundNanos > settings.silenceLimit().toNanos()) {
                    return "silent for " + settings.silenceLimit().toSeconds() + " s";
                }
                if (now - lastPing > settings.pingEvery().toNanos()) {
                    lastPing = now;
                    WebSocket socket = ws;
                    if (socket != null && !socket.isOutputClosed()) {
                        try {
                            socket.sendPing(ByteBuffer.allocate(0)).exceptionally(x -> null);
                        } catch (IllegalStateException busy) {
                            // a pong is being sent: the link is evidently alive, skip this ping
                        }
                    }
                }
                if (keepAlive.isPresent() && now - lastKeepAlive > keepAlive.get().toNanos()) {
                    lastKeepAlive = now;
                    try {
                        protocol.keepAlive();
                    } catch (Exception ex) {
                        return "keep-alive failed: " + ex.getMessage();
                    }
                }
            }
        }

        void abort() {
            WebSocket socket = ws;
            if (socket != null) {
                socket.abort();
            }
            ended.complete("aborted");
        }
    }

    @Override
    public String toString() {
        return "ReconnectingSocket[" + protocol.name() + "]";
    }

}
