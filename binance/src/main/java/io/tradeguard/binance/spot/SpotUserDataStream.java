package io.tradeguard.binance.spot;

import io.tradeguard.binance.stream.ReconnectingSocket;

/** The running spot user-data stream; closing it ends the subscription and stops reconnecting. */
public final class SpotUserDataStream implements AutoCloseable {
    private final ReconnectingSocket socket;
    private final SpotUserDataProtocol protocol;
    private final Runnable onClose;

    SpotUserDataStream(ReconnectingSocket socket, SpotUserDataProtocol protocol, Runnable onClose) {
        this.socket = socket;
        this.protocol = protocol;
        this.onClose = onClose;
    }

    /** Connected and subscribed right now. */
    public boolean isLive() {
        return socket.isLive();
    }

    /** Asks the venue to end the subscription (it then sends eventStreamTerminated); the stream resubscribes. */
    void unsubscribeAtVenue() {
        protocol.unsubscribeAtVenue();
    }

    @Override
    public void close() {
        socket.close();
        onClose.run();
    }
}
