package io.tradeguard.sim;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

/** A JDK WebSocket client that records every text frame, ping and close, for assertions with a deadline. */
final class WsProbe implements WebSocket.Listener, AutoCloseable {
    final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    final AtomicInteger pings = new AtomicInteger();
    final AtomicBoolean closed = new AtomicBoolean();
    private final StringBuilder partial = new StringBuilder();
    final WebSocket ws;

    private WsProbe(String url) {
        this.ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(url), this).join();
    }

    static WsProbe connect(String url) {
        return new WsProbe(url);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                messages.add(SimClient.JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        pings.incrementAndGet();
        webSocket.request(1);
        return WebSocket.Listener.super.onPing(webSocket, message);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.set(true);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.set(true);
    }

    void send(String text) {
        ws.sendText(text, true).join();
    }

    /** The first message (in arrival order) matching, waiting up to 5 s. */
    JsonNode await(Predicate<JsonNode> match) {
        Awaitility.await().atMost(5, TimeUnit.SECONDS).until(() -> messages.stream().anyMatch(match));
        return messages.stream().filter(match).findFirst().orElseThrow();
    }

    /** Sends a request and waits for the answer with that id (a string id when {@code id} is 0 and the frame has one). */
    JsonNode request(String json, int id) {
        int before = messages.size();
        send(json);
        if (id == 0 && json.contains("\"id\":\"")) {
            String sid = json.substring(json.indexOf("\"id\":\"") + 6, json.indexOf('"', json.indexOf("\"id\":\"") + 6));
            return await(m -> m.path("id").asText().equals(sid) && messages.indexOf(m) >= before);
        }
        return await(m -> m.path("id").asInt(-1) == id && (m.has("status") || m.has("result") || m.has("code")));
    }

    @Override
    public void close() {
        if (!closed.get()) {
            try {
                ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                ws.abort();
            }
        }
    }
}
