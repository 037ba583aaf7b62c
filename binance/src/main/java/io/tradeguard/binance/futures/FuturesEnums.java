package io.tradeguard.binance.futures;

import io.tradeguard.core.model.ExecutionType;
import io.tradeguard.core.model.MarginType;
import io.tradeguard.core.model.OrderStatus;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.core.venue.FuturesAccountEvent.AlgoStatus;
import io.tradeguard.core.venue.FuturesAccountEvent.UpdateReason;

/** USDⓈ-M wire enums (binance-api.md §6.1, §6.3, §6.7), each mapped explicitly in both directions. */
final class FuturesEnums {
    private FuturesEnums() {
    }

    static OrderStatus status(String wire) {
        return switch (wire) {
            case "NEW" -> OrderStatus.NEW;
            case "PARTIALLY_FILLED" -> OrderStatus.PARTIALLY_FILLED;
            case "FILLED" -> OrderStatus.FILLED;
            case "CANCELED" -> OrderStatus.CANCELED;
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
            case "CALCULATED" -> ExecutionType.CALCULATED;
            case "EXPIRED" -> ExecutionType.EXPIRED;
            case "TRADE" -> ExecutionType.TRADE;
            case "AMENDMENT" -> ExecutionType.AMENDMENT;
            default -> throw unknown("execution type", wire);
        };
    }

    static OrderType orderType(String wire) {
        return switch (wire) {
            case "LIMIT" -> OrderType.LIMIT;
            case "MARKET" -> OrderType.MARKET;
            case "STOP" -> OrderType.STOP;
            case "STOP_MARKET" -> OrderType.STOP_MARKET;
            case "TAKE_PROFIT" -> OrderType.TAKE_PROFIT;
            case "TAKE_PROFIT_MARKET" -> OrderType.TAKE_PROFIT_MARKET;
            case "TRAILING_STOP_MARKET" -> OrderType.TRAILING_STOP_MARKET;
            case "LIQUIDATION" -> OrderType.LIQUIDATION;
            default -> throw unknown("order type", wire);
        };
    }

    /** The wire name of a type the futures API accepts; spot-only types are refused here, before any call. */
    static String orderType(OrderType type) {
        return switch (type) {
            case LIMIT -> "LIMIT";
            case MARKET -> "MARKET";
            case STOP -> "STOP";
            case STOP_MARKET -> "STOP_MARKET";
            case TAKE_PROFIT -> "TAKE_PROFIT";
            case TAKE_PROFIT_MARKET -> "TAKE_PROFIT_MARKET";
            case TRAILING_STOP_MARKET -> "TRAILING_STOP_MARKET";
            case LIMIT_MAKER, STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT, LIQUIDATION ->
                    throw new IllegalArgumentException(type + " is not a USDⓈ-M futures order type");
        };
    }

    /** Conditional types live in the algo service since 2025-12-09; the order endpoint answers -4120 to them. */
    static boolean isAlgo(OrderType type) {
        return switch (type) {
            case STOP, STOP_MARKET, TAKE_PROFIT, TAKE_PROFIT_MARKET, TRAILING_STOP_MARKET -> true;
            case LIMIT, MARKET, LIMIT_MAKER, STOP_LOSS, STOP_LOSS_LIMIT, TAKE_PROFIT_LIMIT, LIQUIDATION -> false;
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

    static TimeInForce timeInForce(String wire) {
        return switch (wire) {
            case "GTC" -> TimeInForce.GTC;
            case "IOC" -> TimeInForce.IOC;
            case "FOK" -> TimeInForce.FOK;
            case "GTX" -> TimeInForce.GTX;
            // GTD and RPI exist on Binance but the engine never sends them; a report of one is not ours to misread
            default -> throw unknown("time in force", wire);
        };
    }

    static String timeInForce(TimeInForce tif) {
        return switch (tif) {
            case GTC -> "GTC";
            case IOC -> "IOC";
            case FOK -> "FOK";
            case GTX -> "GTX";
        };
    }

    /** positionRisk writes "cross"/"isolated", ACCOUNT_UPDATE and MARGIN_CALL the same or upper case. */
    static MarginType marginType(String wire) {
        return switch (wire) {
            case "isolated", "ISOLATED" -> MarginType.ISOLATED;
            case "cross", "CROSSED", "crossed", "CROSS" -> MarginType.CROSSED;
            default -> throw unknown("margin type", wire);
        };
    }

    static String marginType(MarginType type) {
        return switch (type) {
            case ISOLATED -> "ISOLATED";
            case CROSSED -> "CROSSED";
        };
    }

    static AlgoStatus algoStatus(String wire) {
        return switch (wire) {
            case "NEW" -> AlgoStatus.NEW;
            case "TRIGGERING" -> AlgoStatus.TRIGGERING;
            case "TRIGGERED" -> AlgoStatus.TRIGGERED;
            case "FINISHED" -> AlgoStatus.FINISHED;
            case "CANCELED" -> AlgoStatus.CANCELED;
            case "REJECTED" -> AlgoStatus.REJECTED;
            case "EXPIRED" -> AlgoStatus.EXPIRED;
            default -> throw unknown("algo status", wire);
        };
    }

    /** New reasons appear over time; an unknown one is kept as OTHER (with its text), never a dropped stream. */
    static UpdateReason reason(String wire) {
        return switch (wire) {
            case "DEPOSIT" -> UpdateReason.DEPOSIT;
            case "WITHDRAW" -> UpdateReason.WITHDRAW;
            case "ORDER" -> UpdateReason.ORDER;
            case "FUNDING_FEE" -> UpdateReason.FUNDING_FEE;
            case "WITHDRAW_REJECT" -> UpdateReason.WITHDRAW_REJECT;
            case "ADJUSTMENT" -> UpdateReason.ADJUSTMENT;
            case "INSURANCE_CLEAR" -> UpdateReason.INSURANCE_CLEAR;
            case "ADMIN_DEPOSIT" -> UpdateReason.ADMIN_DEPOSIT;
            case "ADMIN_WITHDRAW" -> UpdateReason.ADMIN_WITHDRAW;
            case "MARGIN_TRANSFER" -> UpdateReason.MARGIN_TRANSFER;
            case "MARGIN_TYPE_CHANGE" -> UpdateReason.MARGIN_TYPE_CHANGE;
            case "ASSET_TRANSFER" -> UpdateReason.ASSET_TRANSFER;
            case "OPTIONS_PREMIUM_FEE" -> UpdateReason.OPTIONS_PREMIUM_FEE;
            case "OPTIONS_SETTLE_PROFIT" -> UpdateReason.OPTIONS_SETTLE_PROFIT;
            case "AUTO_EXCHANGE" -> UpdateReason.AUTO_EXCHANGE;
            case "COIN_SWAP_DEPOSIT" -> UpdateReason.COIN_SWAP_DEPOSIT;
            case "COIN_SWAP_WITHDRAW" -> UpdateReason.COIN_SWAP_WITHDRAW;
            default -> UpdateReason.OTHER;
        };
    }

    private static IllegalArgumentException unknown(String what, String wire) {
        return new IllegalArgumentException("unknown futures " + what + " '" + wire + "'");
    }
}
