package io.tradeguard.app.alerts;

/** Delivers alert messages over one channel. Blocking; called from that channel's own worker thread only. */
public interface Notifier {

    Channel channel();

    void send(AlertMessage message) throws DeliveryException;
}
