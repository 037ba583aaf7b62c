package io.tradeguard.server.order;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.model.TimeInForce;
import io.tradeguard.server.http.ApiException;
import io.tradeguard.server.http.JsonFields;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns an order request body (DESIGN.md §7 field names) into an {@link OrderIntent}, or a 400 naming
 * every bad field. A field that the order form does not use is an error, not silently dropped: a price on
 * a market order means the client misunderstands what it is about to do.
 */
public final class OrderRequestParser {
    /** Binance's own ceiling on futures leverage; the risk rules cap it lower. */
    static final int MAX_LEVERAGE = 125;
    /** 10,000 BIPS = 100 %: beyond any trailing distance. */
    static final int MAX_TRAILING_DELTA = 10_000;
    static final BigDecimal MIN_CALLBACK_RATE = new BigDecimal("0.1");
    static final BigDecimal MAX_CALLBACK_RATE = BigDecimal.TEN;

    private OrderRequestParser() {
    }

    /** An intent and the confirmation token that came with it, if any. */
    public record Parsed(OrderIntent intent, Optional<String> confirmationToken) {
    }

    /**
     * @param pathKind the endpoint's order form; empty for the preview endpoint, where {@code order_type} says it
     */
    public static Parsed parse(Optional<OrderKind> pathKind, JsonFields f) {
        Optional<OrderKind> bodyKind = f.parsed("order_type", OrderKind::parse);
        OrderKind kind = null;
        if (pathKind.isPresent()) {
            kind = pathKind.get();
            if (bodyKind.isPresent() && bodyKind.get() != kind) {
                f.error("order_type", "order_type is " + bodyKind.get().path() + " but this endpoint places " + kind.path() + " orders");
            }
        } else if (bodyKind.isPresent()) {
            kind = bodyKind.get();
        } else if (!f.hasError("order_type")) {
            f.error("order_type", "order_type is required: market, limit, stop-loss, take-profit, oco or trailing-stop");
        }

        Optional<Symbol> symbol = f.required("symbol", f.parsed("symbol", Symbol::of));
        Optional<Side> side = f.required("side", f.parsed("side", Side::parse));
        Market market = f.parsed("market", Market::parse).orElse(Market.SPOT);
        Optional<BigDecimal> quantity = f.positiveDecimal("quantity");
        Optional<BigDecimal> quoteQuantity = f.positiveDecimal("quote_quantity");
        Optional<BigDecimal> price = f.positiveDecimal("price");
        Optional<BigDecimal> stopPrice = f.positiveDecimal("stop_price");
        Optional<BigDecimal> stopLimitPrice = f.positiveDecimal("stop_limit_price");
        Optional<Integer> trailingDelta = f.integer("trailing_delta", 1, MAX_TRAILING_DELTA);
        Optional<BigDecimal> callbackRate = f.positiveDecimal("callback_rate");
        Optional<BigDecimal> activationPrice = f.positiveDecimal("activation_price");
        Optional<TimeInForce> tif = f.parsed("time_in_force", OrderRequestParser::timeInForce);
        Optional<Integer> leverage = f.integer("leverage", 1, MAX_LEVERAGE);
        boolean reduceOnly = f.bool("reduce_only").orElse(false);
        Optional<ClientOrderId> clientOrderId = f.parsed("client_order_id", OrderRequestParser::callerOrderId);
        Optional<String> token = f.text("confirmation_token");
        Optional<BigDecimal> stopLoss = f.positiveDecimal("stop_loss");
        Optional<BigDecimal> takeProfit = f.positiveDecimal("take_profit");
        Optional<Boolean> protectionGiven = f.bool("protection");
        boolean protection = protectionGiven.orElse(true);

        if (kind == null) {
            f.finish();
            throw new IllegalStateException("finish() throws when order_type is missing");
        }

        // which fields this form uses
        boolean limitPrice = kind == OrderKind.LIMIT || kind == OrderKind.OCO
                || ((kind == OrderKind.STOP_LOSS || kind == OrderKind.TAKE_PROFIT || kind == OrderKind.TRAILING_STOP)
                && price.isPresent());
        if (kind == OrderKind.MARKET) {
            if (quantity.isEmpty() && quoteQuantity.isEmpty() && !f.hasError("quantity") && !f.hasError("quote_quantity")) {
                f.error("quantity", "quantity (or quote_quantity) is required");
            }
            if (quantity.isPresent() && quoteQuantity.isPresent()) {
                f.error("quote_quantity", "give quantity or quote_quantity, not both");
            }
            if (quoteQuantity.isPresent() && market != Market.SPOT) {
                f.error("quote_quantity", "quote_quantity is only for spot market orders");
            }
            notUsed(f, kind, "price", price);
        } else {
            requirePresent(f, "quantity", quantity);
            notUsed(f, kind, "quote_quantity", quoteQuantity);
        }
        if (kind == OrderKind.LIMIT || kind == OrderKind.OCO) {
            requirePresent(f, "price", price);
        }
        if (kind == OrderKind.STOP_LOSS || kind == OrderKind.TAKE_PROFIT || kind == OrderKind.OCO) {
            requirePresent(f, "stop_price", stopPrice);
        } else {
            notUsed(f, kind, "stop_price", stopPrice);
        }
        if (kind != OrderKind.OCO) {
            notUsed(f, kind, "stop_limit_price", stopLimitPrice);
        } else if (market != Market.SPOT) {
            f.error("market", "OCO orders exist on spot only");
        }
        checkTrailing(f, kind, market, trailingDelta, callbackRate, activationPrice);
        if (tif.isPresent() && !limitPrice) {
            f.error("time_in_force", "time_in_force applies only to orders with a limit price");
        }
        if (tif.isPresent() && tif.get() == TimeInForce.GTX && market != Market.FUTURES) {
            f.error("time_in_force", "GTX (post-only) is a futures time in force");
        }
        if (market == Market.SPOT) {
            leverage.ifPresent(l -> f.error("leverage", "leverage applies to futures orders only"));
            if (reduceOnly) {
                f.error("reduce_only", "reduce_only applies to futures orders only");
            }
        }
        if (!protection) {
            stopLoss.ifPresent(p -> f.error("stop_loss", "stop_loss contradicts protection false"));
            takeProfit.ifPresent(p -> f.error("take_profit", "take_profit contradicts protection false"));
        }
        if (side.isPresent()) {
            checkPriceOrder(f, kind, side.get(), price, stopPrice, stopLoss, takeProfit);
        }
        f.finish();

        OrderType type = venueType(kind, market, price.isPresent());
        TimeInForce timeInForce = tif.orElse(limitPrice ? TimeInForce.GTC : null);
        OrderIntent intent;
        try {
            intent = new OrderIntent(kind, market, symbol.orElseThrow(), side.orElseThrow(), type, timeInForce,
                quantity.orElse(null), quoteQuantity.orElse(null), price.orElse(null), stopPrice.orElse(null),
                stopLimitPrice.orElse(null), trailingDelta.orElse(null), callbackRate.orElse(null),
                activationPrice.orElse(null), leverage.orElse(null), reduceOnly, clientOrderId.orElse(null),
                stopLoss.orElse(null), takeProfit.orElse(null), protection);
        } catch (IllegalArgumentException e) {
            // the checks above should have caught it; the record's own invariant is the last line of defence
            throw ApiException.badField("order", e.getMessage());
        }
        return new Parsed(intent, token.map(String::strip).filter(t -> !t.isEmpty()));
    }

    /** The venue type of each form. Spot trailing stops are STOP_LOSS(_LIMIT) orders with a trailingDelta. */
    static OrderType venueType(OrderKind kind, Market market, boolean hasPrice) {
        boolean spot = market == Market.SPOT;
        return switch (kind) {
            case MARKET -> OrderType.MARKET;
            case LIMIT -> OrderType.LIMIT;
            case STOP_LOSS, TRAILING_STOP -> spot
                    ? (hasPrice ? OrderType.STOP_LOSS_LIMIT : OrderType.STOP_LOSS)
                    : kind == OrderKind.TRAILING_STOP ? OrderType.TRAILING_STOP_MARKET
                    : (hasPrice ? OrderType.STOP : OrderType.STOP_MARKET);
            case TAKE_PROFIT -> spot
                    ? (hasPrice ? OrderType.TAKE_PROFIT_LIMIT : OrderType.TAKE_PROFIT)
                    : (hasPrice ? OrderType.TAKE_PROFIT : OrderType.TAKE_PROFIT_MARKET);
            case OCO -> null;
        };
    }

    private static void checkTrailing(JsonFields f, OrderKind kind, Market market, Optional<Integer> trailingDelta,
                                      Optional<BigDecimal> callbackRate, Optional<BigDecimal> activationPrice) {
        if (kind != OrderKind.TRAILING_STOP) {
            notUsed(f, kind, "trailing_delta", trailingDelta);
            notUsed(f, kind, "callback_rate", callbackRate);
            notUsed(f, kind, "activation_price", activationPrice);
            return;
        }
        if (market == Market.SPOT) {
            requirePresent(f, "trailing_delta", trailingDelta);
            callbackRate.ifPresent(c -> f.error("callback_rate", "spot trailing stops take trailing_delta in BIPS, not callback_rate"));
            activationPrice.ifPresent(a -> f.error("activation_price", "activation_price is for futures trailing stops"));
        } else {
            requirePresent(f, "callback_rate", callbackRate);
            trailingDelta.ifPresent(t -> f.error("trailing_delta", "futures trailing stops take callback_rate in percent, not trailing_delta"));
            callbackRate.ifPresent(c -> {
                if (c.compareTo(MIN_CALLBACK_RATE) < 0 || c.compareTo(MAX_CALLBACK_RATE) > 0) {
                    f.error("callback_rate", "callback_rate must be between 0.1 and 10 (percent), was " + c.toPlainString());
                }
            });
        }
    }

    /**
     * Checks what can be checked without the market price: an OCO's legs and protective prices must lie on
     * the right side of the limit price.
     */
    private static void checkPriceOrder(JsonFields f, OrderKind kind, Side side, Optional<BigDecimal> price,
                                        Optional<BigDecimal> stopPrice, Optional<BigDecimal> stopLoss,
                                        Optional<BigDecimal> takeProfit) {
        if (kind == OrderKind.OCO && price.isPresent() && stopPrice.isPresent()) {
            boolean ok = side == Side.SELL ? price.get().compareTo(stopPrice.get()) > 0 : price.get().compareTo(stopPrice.get()) < 0;
            if (!ok) {
                f.error("stop_price", side == Side.SELL
                        ? "a SELL OCO needs its limit price above its stop_price"
                        : "a BUY OCO needs its limit price below its stop_price");
            }
        }
        if (kind != OrderKind.LIMIT || price.isEmpty()) {
            return;
        }
        BigDecimal entry = price.get();
        int below = side == Side.BUY ? -1 : 1; // a long's stop is below entry, a short's above
        stopLoss.ifPresent(sl -> {
            if (Integer.signum(sl.compareTo(entry)) != below) {
                f.error("stop_loss", "stop_loss must be " + (below < 0 ? "below" : "above") + " the price of a " + side + " order");
            }
        });
        takeProfit.ifPresent(tp -> {
            if (Integer.signum(tp.compareTo(entry)) != -below) {
                f.error("take_profit", "take_profit must be " + (below < 0 ? "above" : "below") + " the price of a " + side + " order");
            }
        });
    }

    private static TimeInForce timeInForce(String text) {
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "GTC" -> TimeInForce.GTC;
            case "IOC" -> TimeInForce.IOC;
            case "FOK" -> TimeInForce.FOK;
            case "GTX" -> TimeInForce.GTX;
            default -> throw new IllegalArgumentException("use GTC, IOC, FOK or GTX");
        };
    }

    private static void requirePresent(JsonFields f, String name, Optional<?> value) {
        if (value.isEmpty() && !f.hasError(name)) {
            f.error(name, name + " is required");
        }
    }

    private static void notUsed(JsonFields f, OrderKind kind, String name, Optional<?> value) {
        if (value.isPresent()) {
            f.error(name, name + " is not used by " + kind.path() + " orders");
        }
    }


    /** Binance's rule for an id a caller chooses ({@code newClientOrderId}): {@code ^[a-zA-Z0-9-_]{1,36}$}. */
    private static ClientOrderId callerOrderId(String value) {
        if (!value.matches("[a-zA-Z0-9_-]{1,36}")) {
            throw new IllegalArgumentException("use 1-36 letters, digits, '-' or '_'");
        }
        return ClientOrderId.of(value);
    }
}
