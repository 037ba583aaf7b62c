package io.tradeguard.sim.engine;

/** A business refusal with Binance's code and message (all are HTTP 400). */
public record Reject(int code, String msg) {
    public static final Reject INSUFFICIENT_BALANCE = new Reject(-2010, "Account has insufficient balance for requested action.");
    public static final Reject WOULD_TRIGGER = new Reject(-2010, "Order would trigger immediately.");
    public static final Reject WOULD_TAKE = new Reject(-2010, "Order would immediately match and take.");
    public static final Reject DUPLICATE = new Reject(-2010, "Duplicate order sent.");
    public static final Reject OCO_PRICES = new Reject(-2010, "The relationship of the prices for the orders is not correct.");
    public static final Reject DISABLED = new Reject(-2010, "This action is disabled on this account.");
    public static final Reject NO_LIQUIDITY = new Reject(-2010, "Order book liquidity is less than symbol minimum quantity.");
    public static final Reject UNKNOWN_ORDER_CANCEL = new Reject(-2011, "Unknown order sent.");
    public static final Reject CANCEL_RESTRICTED = new Reject(-2011, "Order was not canceled due to cancel restrictions.");
    public static final Reject NO_SUCH_ORDER = new Reject(-2013, "Order does not exist.");
    public static final Reject CLIENT_ID_MISMATCH = new Reject(-2039, "Client order ID is not correct for this order ID.");

    public static Reject filter(String name) {
        return new Reject(-1013, "Filter failure: " + name);
    }

    public Reject {
        if (code >= 0 || msg == null || msg.isBlank()) {
            throw new IllegalArgumentException("a reject has a negative code and a message");
        }
    }
}
