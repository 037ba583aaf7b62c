package io.tradeguard.core.model;

/** Futures margin of one symbol's position: its own isolated wallet, or the shared cross wallet. */
public enum MarginType {
    ISOLATED, CROSSED
}
