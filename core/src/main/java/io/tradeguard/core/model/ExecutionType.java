package io.tradeguard.core.model;

/** What happened to an order in one venue report (`x` in executionReport / ORDER_TRADE_UPDATE). */
public enum ExecutionType {
    NEW, TRADE, CANCELED, REJECTED, EXPIRED, REPLACED, TRADE_PREVENTION, CALCULATED, AMENDMENT,
    /** Not from a stream: the state as a REST query or reconciliation snapshot reported it. */
    SNAPSHOT
}
