package io.tradeguard.server.api;

import java.util.function.Consumer;

/**
 * The engine's event stream as the WebSocket hub sees it. The listener is called on the engine's thread
 * (or its publisher's) and must not block; the hub only enqueues.
 */
public interface EngineEvents {
    Subscription subscribe(Consumer<EngineEvent> listener);

    /** Ends a subscription; closing twice is harmless. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
