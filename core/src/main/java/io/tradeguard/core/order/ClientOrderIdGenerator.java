package io.tradeguard.core.order;

import io.tradeguard.core.model.ClientOrderId;

import java.time.InstantSource;

/** Hands out client order ids; injected so that tests get the same ids on every run. */
@FunctionalInterface
public interface ClientOrderIdGenerator {

    ClientOrderId next(OrderOrigin origin);

    /**
     * Ids of the form {@code <prefix><origin>-<start millis base 36>-<counter base 36>}: unique across
     * restarts because the start time differs, at most 36 characters for a prefix of up to 8.
     */
    static ClientOrderIdGenerator timeBased(String prefix, InstantSource clock) {
        if (prefix == null || !prefix.matches("[A-Za-z0-9]{1,8}")) {
            throw new IllegalArgumentException("client order id prefix must be 1-8 letters or digits, was '" + prefix + "'");
        }
        String start = Long.toString(clock.millis(), 36);
        long[] counter = {0};
        return origin -> ClientOrderId.of(prefix + origin.code() + "-" + start + "-" + Long.toString(++counter[0], 36));
    }
}
