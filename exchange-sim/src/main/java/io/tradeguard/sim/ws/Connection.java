package io.tradeguard.sim.ws;

import io.javalin.websocket.WsContext;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;

/** One open WebSocket; sends are serialised so stream events and answers never interleave. */
final class Connection {
    final WsContext ctx;
    final long connectedSince;

    Connection(WsContext ctx, long connectedSince) {
        this.ctx = ctx;
        this.connectedSince = connectedSince;
    }

    synchronized void send(String text) {
        if (ctx.session.isOpen()) {
            try {
                ctx.session.getRemote().sendString(text);
            } catch (IOException | RuntimeException e) {
                // the peer went away; its close callback cleans up
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
