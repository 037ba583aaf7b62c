package io.tradeguard.core.instrument;

import io.tradeguard.core.instrument.Conformance.Conformed;
import io.tradeguard.core.instrument.Conformance.Refused;
import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Instrument.LotSize;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.venue.OrderRequest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The venue's symbol filters applied before an order is sent, and for previews: PRICE_FILTER,
 * LOT_SIZE, MARKET_LOT_SIZE, MIN_NOTIONAL/NOTIONAL. Quantities are rounded down (never more than was
 * asked), prices toward the side that cannot make the fill worse, stop prices toward the market (the
 * stop fires no later than asked). What rounding cannot fix is refused with a sentence for a person.
 */
public final class OrderFilters {
    private OrderFilters() {
    }

    /**
     * Fits the order onto the instrument's grids and checks every bound.
     *
     * @param referencePrice the price a market order's notional is judged at (last or average price);
     *                       null when unknown, and then the venue alone judges a market order's notional
     */
    public static Conformance conform(Instrument instrument, OrderRequest request, BigDecimal referencePrice) {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(request, "request");
        if (!instrument.symbol().equals(request.symbol()) || instrument.market() != request.market()) {
            return new Refused("the order is for " + request.symbol() + " (" + request.market().wireName()
                    + ") but the filters given are those of " + instrument.symbol() + " (" + instrument.market().wireName() + ")");
        }
        List<String> adjustments = new ArrayList<>();
        BigDecimal quantity = request.quantity();
        if (quantity != null) {
            BigDecimal step = quantityStep(instrument, request);
            BigDecimal rounded = Steps.toGrid(quantity, step, RoundingMode.FLOOR);
            if (rounded.signum() <= 0) {
                return new Refused("quantity " + quantity.toPlainString() + " " + instrument.baseAsset()
                        + " is smaller than the smallest step " + step.stripTrailingZeros().toPlainString()
                        + " " + instrument.baseAsset() + " that " + instrument.symbol() + " can trade");
            }
            quantity = adjusted("quantity", quantity, rounded, adjustments);
        }
        BigDecimal tick = instrument.priceFilter().tickSize();
        BigDecimal price = request.price() == null ? null
                : adjusted("price", request.price(), Steps.toGrid(request.price(), tick, limitRounding(request.side())), adjustments);
        BigDecimal stopPrice = request.stopPrice() == null ? null
                : adjusted("stop price", request.stopPrice(), Steps.toGrid(request.stopPrice(), tick, triggerRounding(request)), adjustments);
        BigDecimal activation = request.activationPrice() == null ? null
                : adjusted("activation price", request.activationPrice(), Steps.toGrid(request.activationPrice(), tick, triggerRounding(request)), adjustments);
        if (isNotPositive(price) || isNotPositive(stopPrice) || isNotPositive(activation)) {
            return new Refused("a price of " + request.symbol() + " rounds to zero on its tick size "
                    + tick.stripTrailingZeros().toPlainString() + " " + instrument.quoteAsset());
        }
        OrderRequest conformed = new OrderRequest(request.market(), request.symbol(), request.side(), request.type(),
                request.timeInForce(), quantity, request.quoteQuantity(), price, stopPrice, request.trailingDelta(),
                request.callbackRate(), activation, request.reduceOnly(), request.closePosition(), request.clientOrderId());
        Optional<String> violation = violation(instrument, conformed, referencePrice);
        if (violation.isPresent()) {
            return new Refused(violation.get());
        }
        return new Conformed(conformed, adjustments);
    }

    /** The first filter the order fails, as a sentence; empty when it passes them all. */
    public static Optional<String> violation(Instrument instrument, OrderRequest order, BigDecimal referencePrice) {
        String quote = instrument.quoteAsset().code();
        String base = instrument.baseAsset().code();
        Optional<String> badPrice = priceViolation(instrument, "price", order.price(), quote);
        if (badPrice.isEmpty()) {
            badPrice = priceViolation(instrument, "stop price", order.stopPrice(), quote);
        }
        if (badPrice.isEmpty()) {
            badPrice = priceViolation(instrument, "activation price", order.activationPrice(), quote);
        }
        if (badPrice.isPresent()) {
            return badPrice;
        }
        if (order.quantity() != null) {
            Optional<String> bad = lotViolation(instrument.lotSize(), order.quantity(), base, instrument);
            if (bad.isEmpty() && isMarketLike(order)) {
                bad = lotViolation(instrument.marketLotSize(), order.quantity(), base, instrument);
            }
            if (bad.isPresent()) {
                return bad;
            }
        }
        return notionalViolation(instrument, order, referencePrice, quote);
    }

    /** Empty when the value is absent or fits the price filter. */
    private static Optional<String> priceViolation(Instrument instrument, String name, BigDecimal value, String quote) {
        if (value == null) {
            return Optional.empty();
        }
        var filter = instrument.priceFilter();
        if (filter.minPrice().signum() > 0 && value.compareTo(filter.minPrice()) < 0) {
            return Optional.of(name + " " + value.toPlainString() + " " + quote + " is below the lowest price "
                    + plain(filter.minPrice()) + " " + quote + " that " + instrument.symbol() + " accepts");
        }
        if (filter.maxPrice().signum() > 0 && value.compareTo(filter.maxPrice()) > 0) {
            return Optional.of(name + " " + value.toPlainString() + " " + quote + " is above the highest price "
                    + plain(filter.maxPrice()) + " " + quote + " that " + instrument.symbol() + " accepts");
        }
        if (!Steps.onGrid(value, filter.tickSize())) {
            return Optional.of(name + " " + value.toPlainString() + " " + quote + " is not a multiple of the tick size "
                    + plain(filter.tickSize()) + " of " + instrument.symbol());
        }
        return Optional.empty();
    }

    private static Optional<String> lotViolation(LotSize lot, BigDecimal quantity, String base, Instrument instrument) {
        if (lot.minQty().signum() > 0 && quantity.compareTo(lot.minQty()) < 0) {
            return Optional.of("quantity " + quantity.toPlainString() + " " + base + " is below the minimum of "
                    + plain(lot.minQty()) + " " + base + " for " + instrument.symbol());
        }
        if (lot.maxQty().signum() > 0 && quantity.compareTo(lot.maxQty()) > 0) {
            return Optional.of("quantity " + quantity.toPlainString() + " " + base + " is above the maximum of "
                    + plain(lot.maxQty()) + " " + base + " for " + instrument.symbol());
        }
        if (!Steps.onGrid(quantity, lot.stepSize())) {
            return Optional.of("quantity " + quantity.toPlainString() + " " + base + " is not a multiple of the step size "
                    + plain(lot.stepSize()) + " " + base + " of " + instrument.symbol());
        }
        return Optional.empty();
    }

    private static Optional<String> notionalViolation(Instrument instrument, OrderRequest order,
                                                      BigDecimal referencePrice, String quote) {
        boolean marketLike = isMarketLike(order);
        BigDecimal notional;
        BigDecimal at = null;
        if (order.quantity() == null) {
            if (order.quoteQuantity() == null) {
                return Optional.empty(); // futures close-position stop: sized by the venue
            }
            notional = order.quoteQuantity();
        } else {
            at = order.type().hasLimitPrice(order.market()) ? order.price()
                    : order.stopPrice() != null ? order.stopPrice() : referencePrice;
            if (at == null) {
                return Optional.empty(); // no price to judge a market order by: the venue judges it
            }
            notional = order.quantity().multiply(at);
        }
        boolean minApplies = !marketLike || instrument.applyMinToMarket();
        if (minApplies && instrument.minNotional().signum() > 0 && notional.compareTo(instrument.minNotional()) < 0) {
            return Optional.of("order value " + notional.stripTrailingZeros().toPlainString() + " " + quote
                    + how(order, at) + " is below the minimum order value of " + plain(instrument.minNotional())
                    + " " + quote + " for " + instrument.symbol());
        }
        if (instrument.maxNotional().signum() > 0 && notional.compareTo(instrument.maxNotional()) > 0) {
            return Optional.of("order value " + notional.stripTrailingZeros().toPlainString() + " " + quote
                    + how(order, at) + " is above the maximum order value of " + plain(instrument.maxNotional())
                    + " " + quote + " for " + instrument.symbol());
        }
        return Optional.empty();
    }

    /** How the order value was reckoned, for the refusal only (text is not built for orders that pass). */
    private static String how(OrderRequest order, BigDecimal at) {
        return at == null ? "" : " (" + plain(order.quantity()) + " × " + plain(at) + ")";
    }

    /** Executes at whatever the market gives once it works (no limit price of its own). */
    static boolean isMarketLike(OrderRequest order) {
        return !order.type().hasLimitPrice(order.market());
    }

    private static BigDecimal quantityStep(Instrument instrument, OrderRequest order) {
        BigDecimal step = instrument.lotSize().stepSize();
        return isMarketLike(order) ? Steps.common(step, instrument.marketLotSize().stepSize()) : step;
    }

    /** A buyer never pays more than asked, a seller never receives less. */
    private static RoundingMode limitRounding(Side side) {
        return side == Side.BUY ? RoundingMode.FLOOR : RoundingMode.CEILING;
    }

    /**
     * Toward the market, so the trigger fires no later than asked: orders that trigger when the price
     * rises (stop-loss BUY, take-profit SELL) round down; those that trigger on a fall round up.
     */
    private static RoundingMode triggerRounding(OrderRequest order) {
        boolean triggersOnRise = switch (order.type()) {
            case STOP_LOSS, STOP_LOSS_LIMIT, STOP, STOP_MARKET -> order.side() == Side.BUY;
            case TAKE_PROFIT, TAKE_PROFIT_LIMIT, TAKE_PROFIT_MARKET -> order.side() == Side.SELL;
            // a trailing BUY activates on a fall to the activation price, a SELL on a rise
            case TRAILING_STOP_MARKET -> order.side() == Side.SELL;
            case MARKET, LIMIT, LIMIT_MAKER, LIQUIDATION -> order.side() == Side.BUY;
        };
        return triggersOnRise ? RoundingMode.FLOOR : RoundingMode.CEILING;
    }

    private static BigDecimal adjusted(String name, BigDecimal asked, BigDecimal rounded, List<String> adjustments) {
        if (asked.compareTo(rounded) != 0) {
            adjustments.add(name + " " + asked.toPlainString() + " rounded to " + rounded.toPlainString());
        }
        return rounded;
    }

    private static boolean isNotPositive(BigDecimal value) {
        return value != null && value.signum() <= 0;
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** Kept for callers that only need the grid: the largest multiple of {@code step} not above {@code quantity}. */
    public static BigDecimal quantityDown(BigDecimal quantity, BigDecimal step) {
        return Steps.toGrid(quantity, step, RoundingMode.FLOOR);
    }
}
