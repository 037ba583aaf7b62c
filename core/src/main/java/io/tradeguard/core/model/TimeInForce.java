package io.tradeguard.core.model;

/** GTX is futures post-only. */
public enum TimeInForce {
    GTC, IOC, FOK, GTX
}
