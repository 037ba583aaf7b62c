package io.tradeguard.sim.futures;

import java.math.BigDecimal;

/** POST /fapi/v1/algoOrder after parsing; absent decimals are null. */
public record NewAlgoOrder(String symbol, FOrder.Side side, String type, String timeInForce, BigDecimal quantity,
                           BigDecimal price, BigDecimal triggerPrice, String workingType, boolean closePosition,
                           boolean reduceOnly, BigDecimal activatePrice, BigDecimal callbackRate, String clientAlgoId) {
}
