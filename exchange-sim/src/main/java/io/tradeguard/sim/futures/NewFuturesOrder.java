package io.tradeguard.sim.futures;

import java.math.BigDecimal;

/** POST /fapi/v1/order after parsing: LIMIT or MARKET. {@code price} is null for MARKET. */
public record NewFuturesOrder(String symbol, FOrder.Side side, String type, String timeInForce, BigDecimal price,
                              BigDecimal quantity, boolean reduceOnly, String clientOrderId) {
}
