package io.tradeguard.server.order;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * A manual order as a client asked for it, checked for consistency but not yet rounded to the instrument
 * or judged by risk rules (the engine does both). Nullable fields were absent in the request.
 *
 * @param type           the venue order type; null only for an OCO (two legs: LIMIT_MAKER above, STOP_LOSS(_LIMIT) below)
 * @param stopLimitPrice OCO only: limit price of the stop leg (absent: the stop leg executes at market)
 * @param trailingDelta  spot trailing stop, BIPS (100 = 1 %)
 * @param callbackRate   futures trailing stop, percent (1 = 1 %)
 * @param leverage       futures only; absent keeps the symbol's current leverage
 * @param clientOrderId  absent lets the engine assign one
 * @param stopLoss       price overriding the automatic stop-loss
 * @param takeProfit     price overriding the automatic take-profit
 * @param protection     false places no automatic SL/TP for this order
 */
public record OrderIntent(OrderKind kind, Market market, Symbol symbol, Side side, OrderType type,
                          TimeInForce timeInForce, BigDecimal quantity, BigDecimal quoteQuantity,
                          BigDecimal price, BigDecimal stopPrice, BigDecimal stopLimitPrice,
                          Integer trailingDelta, BigDecimal callbackRate, BigDecimal activationPrice,
                          Integer leverage, boolean reduceOnly, ClientOrderId clientOrderId,
                          BigDecimal stopLoss, BigDecimal takeProfit, boolean protection) {

    public OrderIntent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        if ((type == null) != (kind == OrderKind.OCO)) {
            throw new IllegalArgumentException("an OCO has no single order type; every other order has one");
        }
        for (BigDecimal amount : new BigDecimal[]{quantity, quoteQuantity, price, stopPrice, stopLimitPrice,
                callbackRate, activationPrice, stopLoss, takeProfit}) {
            if (amount != null && amount.signum() <= 0) {
                throw new IllegalArgumentException("prices and quantities must be positive, was " + amount.toPlainString());
            }
        }
        if ((quantity == null) == (quoteQuantity == null)) {
            throw new IllegalArgumentException("an order has either a quantity or a quote quantity");
        }
        if (quoteQuantity != null && (kind != OrderKind.MARKET || market != Market.SPOT)) {
            throw new IllegalArgumentException("a quote quantity is only for spot market orders");
        }
        if (type != null && type.hasLimitPrice(market) && price == null) {
            throw new IllegalArgumentException(type + " needs a limit price");
        }
        if (market == Market.SPOT && (leverage != null || reduceOnly)) {
            throw new IllegalArgumentException("leverage and reduce-only are futures settings");
        }
        if (!protection && (stopLoss != null || takeProfit != null)) {
            throw new IllegalArgumentException("protection false contradicts a given stop-loss or take-profit");
        }
    }

    /**
     * Every field in a fixed order, amounts in plain notation without trailing zeros: two intents that
     * would place the same order have the same canonical form. Confirmation tokens are bound to it.
     */
    public String canonical() {
        StringJoiner out = new StringJoiner("|");
        out.add("kind=" + kind).add("market=" + market).add("symbol=" + symbol).add("side=" + side)
                .add("type=" + type).add("tif=" + timeInForce)
                .add("quantity=" + plain(quantity)).add("quote_quantity=" + plain(quoteQuantity))
                .add("price=" + plain(price)).add("stop_price=" + plain(stopPrice))
                .add("stop_limit_price=" + plain(stopLimitPrice)).add("trailing_delta=" + trailingDelta)
                .add("callback_rate=" + plain(callbackRate)).add("activation_price=" + plain(activationPrice))
                .add("leverage=" + leverage).add("reduce_only=" + reduceOnly)
                .add("client_order_id=" + clientOrderId)
                .add("stop_loss=" + plain(stopLoss)).add("take_profit=" + plain(takeProfit))
                .add("protection=" + protection);
        return out.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "null" : value.stripTrailingZeros().toPlainString();
    }
}
