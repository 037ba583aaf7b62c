package io.tradeguard.server.api;

public enum PositionSide {
    LONG, SHORT
}
