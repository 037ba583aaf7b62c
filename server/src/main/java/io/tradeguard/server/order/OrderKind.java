package io.tradeguard.server.order;

import java.util.Locale;

/**
 * The order forms of the API, one per {@code /api/real-trading/order/<path>} endpoint. The venue order
 * type follows from the kind, the market and whether a limit price is given.
 */
public enum OrderKind {
    MARKET("market"), LIMIT("limit"), STOP_LOSS("stop-loss"), TAKE_PROFIT("take-profit"),
    OCO("oco"), TRAILING_STOP("trailing-stop");

    private final String path;

    OrderKind(String path) {
        this.path = path;
    }

    /** The endpoint's last path segment, also the value of {@code order_type}. */
    public String path() {
        return path;
    }

    public static OrderKind parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (OrderKind kind : values()) {
            if (kind.path.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown order type: use market, limit, stop-loss, take-profit, oco or trailing-stop");
    }
}
