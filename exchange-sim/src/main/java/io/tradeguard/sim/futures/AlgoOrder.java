package io.tradeguard.sim.futures;

import java.math.BigDecimal;

/** A conditional order of the algo service (binance-api.md §6.3), waiting for its trigger. */
public final class AlgoOrder {
    public enum Status { NEW, TRIGGERING, TRIGGERED, FINISHED, CANCELED, REJECTED, EXPIRED }

    final long algoId;
    final FAccount account;
    final Contract contract;
    final String clientAlgoId;
    final FOrder.Side side;
    final String orderType;
    final String timeInForce;
    final BigDecimal quantity;
    final BigDecimal price;
    final BigDecimal triggerPrice;
    final String workingType;
    final boolean closePosition;
    final boolean reduceOnly;
    final BigDecimal activatePrice;
    final BigDecimal callbackRate;
    final long createTime;
    Status status = Status.NEW;
    long updateTime;
    long triggerTime;
    long orderId;
    String failure = "";
    /** Trailing: highest (SELL) or lowest (BUY) price seen since placement, and whether it has activated. */
    BigDecimal extreme;
    boolean activated;

    AlgoOrder(long algoId, FAccount account, Contract contract, String clientAlgoId, FOrder.Side side, String orderType,
              String timeInForce, BigDecimal quantity, BigDecimal price, BigDecimal triggerPrice, String workingType,
              boolean closePosition, boolean reduceOnly, BigDecimal activatePrice, BigDecimal callbackRate, long createTime) {
        this.algoId = algoId;
        this.account = account;
        this.contract = contract;
        this.clientAlgoId = clientAlgoId;
        this.side = side;
        this.orderType = orderType;
        this.timeInForce = timeInForce;
        this.quantity = quantity;
        this.price = price;
        this.triggerPrice = triggerPrice;
        this.workingType = workingType;
        this.closePosition = closePosition;
        this.reduceOnly = reduceOnly;
        this.activatePrice = activatePrice;
        this.callbackRate = callbackRate;
        this.createTime = createTime;
        this.updateTime = createTime;
    }

    boolean trailing() {
        return orderType.equals("TRAILING_STOP_MARKET");
    }

    public View view(FOrder triggered) {
        return new View(algoId, account.id, clientAlgoId, orderType, contract.symbol, side.name(), timeInForce,
                quantity == null ? "0" : contract.qtyText(quantity), status.name(),
                triggerPrice == null ? "0" : contract.priceText(triggerPrice), price == null ? "0" : contract.priceText(price),
                workingType, closePosition, reduceOnly, activatePrice == null ? "" : contract.priceText(activatePrice),
                callbackRate == null ? "" : callbackRate.toPlainString(), createTime, updateTime, triggerTime, orderId,
                triggered == null ? "0" : triggered.avgPrice().toPlainString(),
                triggered == null ? "0" : contract.qtyText(triggered.executedQty), triggered == null ? "" : triggered.type, failure);
    }

    public record View(long algoId, long accountId, String clientAlgoId, String orderType, String symbol, String side,
                       String timeInForce, String quantity, String algoStatus, String triggerPrice, String price,
                       String workingType, boolean closePosition, boolean reduceOnly, String activatePrice,
                       String callbackRate, long createTime, long updateTime, long triggerTime, long orderId,
                       String avgPrice, String executedQty, String actualOrderType, String failure) {
    }
}
