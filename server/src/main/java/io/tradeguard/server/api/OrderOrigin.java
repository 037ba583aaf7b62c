package io.tradeguard.server.api;

/** Who wanted an order: a person, a signal, the protection logic, or someone outside the engine. */
public enum OrderOrigin {
    MANUAL, SIGNAL, PROTECTION, EXTERNAL
}
