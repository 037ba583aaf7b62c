package io.tradeguard.sim.engine;

public enum TimeInForce {
    GTC, IOC, FOK;

    public String wire() {
        return switch (this) {
            case GTC -> "GTC";
            case IOC -> "IOC";
            case FOK -> "FOK";
        };
    }

    public static TimeInForce fromWire(String text) {
        return switch (text) {
            case "GTC" -> GTC;
            case "IOC" -> IOC;
            case "FOK" -> FOK;
            default -> null;
        };
    }
}
