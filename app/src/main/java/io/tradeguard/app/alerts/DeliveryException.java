package io.tradeguard.app.alerts;

import java.time.Duration;

/**
 * A channel could not deliver. Retryable for transport errors, 5xx and 429; not for refusals that will not
 * change (a wrong token, an unknown chat, a refused address). The message never carries a secret.
 */
public final class DeliveryException extends Exception {

    private final boolean retryable;
    private final Duration retryAfter;

    public DeliveryException(String message, boolean retryable, Duration retryAfter) {
        super(message, null, false, false);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public static DeliveryException retryable(String message) {
        return new DeliveryException(message, true, null);
    }

    public static DeliveryException permanent(String message) {
        return new DeliveryException(message, false, null);
    }

    public boolean retryable() {
        return retryable;
    }

    /** The wait the receiver asked for (Telegram's retry_after), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
