package io.tradeguard.server.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tradeguard.server.api.EngineEvent;
import io.tradeguard.server.api.EngineEvents;
import io.tradeguard.server.auth.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The WebSocket feed at {@code /ws}. A client authenticates on connect with its access token, either as
 * {@code Authorization: Bearer <token>} or, for browsers that cannot set headers, as the query parameter
 * {@code access_token}; without a valid one the upgrade is refused with 401. Each engine event goes out
 * once to every client as {@code {"type","data","sequence","time"}}, {@code sequence} increasing by one
 * per event so a client can see that it missed some.
 *
 * <p>The engine's publishing thread only serialises the event and offers it to each client's bounded
 * queue; one virtual thread per client writes. A client whose queue is full is disconnected at once
 * (no close handshake, which would wait behind its unread data): it reconnects and re-reads state over
 * REST, and the engine never waits for it.
 */
public final class FeedHub implements AutoCloseable {
    public static final String PATH = "/ws";
    private static final Logger log = LoggerFactory.getLogger(FeedHub.class);

    private final ObjectMapper mapper;
    private final int queueCapacity;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Counter dropped;
    private final EngineEvents.Subscription subscription;

    public FeedHub(EngineEvents events, ObjectMapper mapper, int queueCapacity, MeterRegistry metrics) {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be positive");
        }
        this.mapper = mapper;
        this.queueCapacity = queueCapacity;
        this.dropped = Counter.builder("feed_clients_dropped").description("WebSocket clients dropped for reading too slowly")
                .register(metrics);
        metrics.gauge("feed_clients", clients, Map::size);
        this.subscription = events.subscribe(this::publish);
    }

    /** The handlers of {@code /ws}; {@code authenticate} maps a request's token to its caller. */
    public void configure(WsConfig ws, Function<WsContext, Optional<Principal>> authenticate) {
        ws.onConnect(ctx -> {
            Optional<Principal> caller = authenticate.apply(ctx);
            if (caller.isEmpty()) {
                // refused before the upgrade already; this is the second line
                ctx.closeSession(1008, "a valid access token is required");
                return;
            }
            ctx.enableAutomaticPings();
            Client client = new Client(ctx, new ArrayBlockingQueue<>(queueCapacity));
            clients.put(ctx.sessionId(), client);
            Thread.ofVirtual().name("feed-" + caller.get().username()).start(client::drain);
        });
        ws.onClose(ctx -> remove(ctx.sessionId()));
        ws.onError(ctx -> remove(ctx.sessionId()));
        // the feed is one-way; anything a client sends is ignored
        ws.onMessage(ctx -> {
        });
    }

    public int clientCount() {
        return clients.size();
    }

    public long droppedCount() {
        return (long) dropped.count();
    }

    /** Called by the engine's publisher; never blocks. */
    void publish(EngineEvent event) {
        String text;
        try {
            ObjectNode data = mapper.valueToTree(event);
            data.remove("time");
            data.remove("type");
            ObjectNode frame = mapper.createObjectNode();
            frame.put("type", event.type());
            frame.set("data", data);
            frame.put("sequence", sequence.incrementAndGet());
            frame.put("time", event.time().toString());
            text = mapper.writeValueAsString(frame);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            log.error("event {} could not be written as JSON; not broadcast", event.type(), e);
            return;
        }
        for (Client client : clients.values()) {
            if (!client.queue.offer(text)) {
                drop(client);
            }
        }
    }

    private void drop(Client client) {
        if (client.closed.compareAndSet(false, true)) {
            clients.remove(client.ctx.sessionId());
            dropped.increment();
            log.warn("feed client {} dropped: {} events unread", client.ctx.sessionId(), queueCapacity);
            // disconnect from another thread: it may block on the socket, the engine must not
            Thread.ofVirtual().start(() -> client.ctx.session.disconnect());
            client.queue.clear();
        }
    }

    private void remove(String sessionId) {
        Client client = clients.remove(sessionId);
        if (client != null) {
            client.closed.set(true);
            client.queue.clear();
        }
    }

    @Override
    public void close() {
        subscription.close();
        clients.values().forEach(c -> {
            c.closed.set(true);
            c.ctx.closeSession(1001, "server stopping");
        });
        clients.clear();
    }

    private final class Client {
        final WsContext ctx;
        final BlockingQueue<String> queue;
        final AtomicBoolean closed = new AtomicBoolean();

        Client(WsContext ctx, BlockingQueue<String> queue) {
            this.ctx = ctx;
            this.queue = queue;
        }

        void drain() {
            try {
                while (!closed.get()) {
                    String text = queue.poll(1, java.util.concurrent.TimeUnit.SECONDS);
                    if (text != null && !closed.get()) {
                        ctx.send(text);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // the socket failed or was disconnected (Jetty throws IOException undeclared); forget the client
                remove(ctx.sessionId());
            }
        }
    }
}
