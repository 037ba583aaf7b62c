package io.tradeguard.core.risk;

/** What happens to a market order whose expected fill is further from the last price than allowed. */
public enum SlippageAction {
    /** Refuse the order. */
    REJECT,
    /** Send it as a limit order at the worst price the limit allows instead. */
    CONVERT_TO_LIMIT
}
