package io.tradeguard.sim.ws;

import io.javalin.websocket.WsContext;
import org.eclipse.jetty.websocket.api.WriteCallback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

/**
 * One open WebSocket. Sends are asynchronous (a client that stops reading must not stall the event
 * thread) and queued in call order; a client that lets {@link #MAX_QUEUED} frames pile up is cut off,
 * as Binance disconnects slow consumers.
 */
final class Connection {
    static final int MAX_QUEUED = 10_000;
    final WsContext ctx;
    final long connectedSince;
    private final WriteCallback onFailure = new WriteCallback() {
        @Override
        public void writeFailed(Throwable x) {
            drop();
        }
    };

    Connection(WsContext ctx, long connectedSince) {
        this.ctx = ctx;
        this.connectedSince = connectedSince;
        ctx.session.getRemote().setMaxOutgoingFrames(MAX_QUEUED);
    }

    synchronized void send(String text) {
        if (ctx.session.isOpen()) {
            try {
                ctx.session.getRemote().sendString(text, onFailure);
            } catch (RuntimeException e) {
                drop();
            }
        }
    }

    synchronized void ping() {
        if (ctx.session.isOpen()) {
            try {
                ctx.session.getRemote().sendPing(ByteBuffer.wrap("sim".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            } catch (IOException | RuntimeException e) {
                // closed meanwhile
            }
        }
    }

    /** Drops the TCP connection without a close handshake, as a network failure would. */
    void drop() {
        try {
            ctx.session.disconnect();
        } catch (RuntimeException e) {
            // already gone
        }
    }

    static <T> Set<T> concurrentSet() {
        return ConcurrentHashMap.newKeySet();
    }
}
