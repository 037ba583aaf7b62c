package io.tradeguard.sim.futures;

import java.math.BigDecimal;

/** A futures order in the matching engine (LIMIT, MARKET, or the engine's own LIQUIDATION). */
public final class FOrder {
    public enum Side {
        BUY, SELL;

        Side opposite() {
            return this == BUY ? SELL : BUY;
        }

        int sign() {
            return this == BUY ? 1 : -1;
        }
    }

    public enum Status { NEW, PARTIALLY_FILLED, FILLED, CANCELED, EXPIRED }

    final long orderId;
    final FAccount account;
    final Contract contract;
    final String clientOrderId;
    final Side side;
    final String type;
    final String origType;
    final String timeInForce;
    final BigDecimal price;
    final BigDecimal origQty;
    final boolean reduceOnly;
    final boolean closePosition;
    final String workingType;
    final BigDecimal stopPrice;
    final long time;
    /** The algo order that placed this one, or 0. */
    final long algoId;
    BigDecimal executedQty = BigDecimal.ZERO;
    BigDecimal cumQuote = BigDecimal.ZERO;
    Status status = Status.NEW;
    long updateTime;

    FOrder(long orderId, FAccount account, Contract contract, String clientOrderId, Side side, String type, String origType,
           String timeInForce, BigDecimal price, BigDecimal origQty, boolean reduceOnly, boolean closePosition,
           String workingType, BigDecimal stopPrice, long time, long algoId) {
        this.orderId = orderId;
        this.account = account;
        this.contract = contract;
        this.clientOrderId = clientOrderId;
        this.side = side;
        this.type = type;
        this.origType = origType;
        this.timeInForce = timeInForce;
        this.price = price;
        this.origQty = origQty;
        this.reduceOnly = reduceOnly;
        this.closePosition = closePosition;
        this.workingType = workingType;
        this.stopPrice = stopPrice;
        this.time = time;
        this.algoId = algoId;
        this.updateTime = time;
    }

    BigDecimal remaining() {
        return origQty.subtract(executedQty);
    }

    boolean isOpen() {
        return status == Status.NEW || status == Status.PARTIALLY_FILLED;
    }

    BigDecimal avgPrice() {
        if (executedQty.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return cumQuote.divide(executedQty, Margin.SCALE, java.math.RoundingMode.HALF_UP);
    }

    public View view() {
        return new View(orderId, account.id, contract.symbol, clientOrderId, side.name(), type, origType, timeInForce,
                contract.priceText(price), contract.qtyText(origQty), contract.qtyText(executedQty), Margin.round(cumQuote).toPlainString(),
                avgPrice().toPlainString(), status.name(), reduceOnly, closePosition, workingType,
                contract.priceText(stopPrice), time, updateTime);
    }

    /** An immutable snapshot for answers and events. */
    public record View(long orderId, long accountId, String symbol, String clientOrderId, String side, String type, String origType,
                       String timeInForce, String price, String origQty, String executedQty, String cumQuote, String avgPrice,
                       String status, boolean reduceOnly, boolean closePosition, String workingType, String stopPrice,
                       long time, long updateTime) {
    }
}
