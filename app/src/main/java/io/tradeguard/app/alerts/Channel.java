package io.tradeguard.app.alerts;

/** Where an alert can be delivered. */
public enum Channel {
    TELEGRAM, EMAIL, WEBHOOK
}
