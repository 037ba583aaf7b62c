package io.tradeguard.binance.spot;

import io.tradeguard.core.model.ExecutionType;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.TimeInForce;

/**
 * Binance spot enums ↔ core enums, one explicit switch each way (binance-api.md §4). A wire value we do
 * not know is an error here, at the boundary, never a silent default.
 */
final class SpotEnums {
    private SpotEnums() {
    }

    static OrderStatus status(String wire) {
        return switch (wire) {
            case "NEW" -> OrderStatus.NEW;
            case "PENDING_NEW" -> OrderStatus.PENDING_NEW;
            case "PARTIALLY_FILLED" -> OrderStatus.PARTIALLY_FILLED;
            case "FILLED" -> OrderStatus.FILLED;
            case "CANCELED", "PENDING_CANCEL" -> OrderStatus.CANCELED; // PENDING_CANCEL is documented as unused
            case "REJECTED" -> OrderStatus.REJECTED;
            case "EXPIRED" -> OrderStatus.EXPIRED;
            case "EXPIRED_IN_MATCH" -> OrderStatus.EXPIRED_IN_MATCH;
            default -> throw unknown("order status", wire);
        };
    }

    static ExecutionType executionType(String wire) {
        return switch (wire) {
            case "NEW" -> ExecutionType.NEW;
            case "CANCELED" -> ExecutionType.CANCELED;
            case "REPLACED" -> ExecutionType.REPLACED;
            case "REJECTED" -> ExecutionType.REJECTED;
            case "TRADE" -> ExecutionType.TRADE;
            case "EXPIRED" -> ExecutionType.EXPIRED;
            case "TRADE_PREVENTION" -> ExecutionType.TRADE_PREVENTION;
            default -> throw unknown("execution type", wire);
        };
    }

    static OrderType orderType(String wire) {
        return switch (wire) {
            case "LIMIT" -> OrderType.LIMIT;
            case "MARKET" -> OrderType.MARKET;
            case "STOP_LOSS" -> OrderType.STOP_LOSS;
            case "STOP_LOSS_LIMIT" -> OrderType.STOP_LOSS_LIMIT;
            case "TAKE_PROFIT" -> OrderType.TAKE_PROFIT;
            case "TAKE_PROFIT_LIMIT" -> OrderType.TAKE_PROFIT_LIMIT;
            case "LIMIT_MAKER" -> OrderType.LIMIT_MAKER;
            default -> throw unknown("order type", wire);
        };
    }

    static String orderType(OrderType type) {
        return switch (type) {
            case LIMIT -> "LIMIT";
            case MARKET -> "MARKET";
            case STOP_LOSS -> "STOP_LOSS";
            case STOP_LOSS_LIMIT -> "STOP_LOSS_LIMIT";
            case TAKE_PROFIT -> "TAKE_PROFIT";
            case TAKE_PROFIT_LIMIT -> "TAKE_PROFIT_LIMIT";
            case LIMIT_MAKER -> "LIMIT_MAKER";
            case STOP, STOP_MARKET, TAKE_PROFIT_MARKET, TRAILING_STOP_MARKET, LIQUIDATION ->
                    throw new IllegalArgumentException(type + " is a futures order type; spot has no such order");
        };
    }

    static Side side(String wire) {
        return switch (wire) {
            case "BUY" -> Side.BUY;
            case "SELL" -> Side.SELL;
            default -> throw unknown("side", wire);
        };
    }

    static String side(Side side) {
        return switch (side) {
            case BUY -> "BUY";
            case SELL -> "SELL";
        };
    }

    /** Null or empty on the wire for orders without one (MARKET, STOP_LOSS, TAKE_PROFIT). */
    static TimeInForce timeInForce(String wire) {
        if (wire == null || wire.isEmpty()) {
            return null;
        }
        return switch (wire) {
            case "GTC" -> TimeInForce.GTC;
            case "IOC" -> TimeInForce.IOC;
            case "FOK" -> TimeInForce.FOK;
            default -> throw unknown("time in force", wire);
        };
    }

    static String timeInForce(TimeInForce tif) {
        return switch (tif) {
            case GTC -> "GTC";
            case IOC -> "IOC";
            case FOK -> "FOK";
            case GTX -> throw new IllegalArgumentException("GTX (post-only) is futures only; on spot use LIMIT_MAKER");
        };
    }

    private static IllegalArgumentException unknown(String what, String wire) {
        return new IllegalArgumentException("unknown Binance " + what + " '" + wire + "'");
    }
}
