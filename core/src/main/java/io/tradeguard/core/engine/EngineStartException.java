package io.tradeguard.core.engine;

/** The engine could not start; the message says why in words for the operator (never a secret). */
public final class EngineStartException extends Exception {
    public EngineStartException(String message, Throwable cause) {
        super(message, cause);
    }

    public EngineStartException(String message) {
        super(message);
    }
}
