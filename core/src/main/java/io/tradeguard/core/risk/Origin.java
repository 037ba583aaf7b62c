package io.tradeguard.core.risk;

/** Where an order comes from; protective and emergency exits are never blocked by entry rules. */
public enum Origin {
    MANUAL, SIGNAL, PROTECTION, EMERGENCY;

    boolean isProtective() {
        return switch (this) {
            case PROTECTION, EMERGENCY -> true;
            case MANUAL, SIGNAL -> false;
        };
    }
}
