package io.tradeguard.core.risk;

import io.tradeguard.core.model.Instrument;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;
import io.tradeguard.core.venue.OrderRequest;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An order as the risk rules see it, after the instrument filters and before anything is sent.
 *
 * @param limitPrice the limit price, or null for a market order (the rules then use the last price)
 * @param leverage   the symbol's leverage on futures; always 1 on spot
 * @param stopLoss   the stop-loss the position will get (explicit, or the automatic default), or null
 *                   when the order opts out of protection: its worst loss is then the whole margin
 * @param reducing   only reduces an existing position (futures reduce-only or close-position, or a spot
 *                   sell of what is held): an exit, never blocked by entry rules
 * @param stepSize   the lot step the quantity must stay on when a rule reduces it (0: no step)
 * @param tickSize   the price tick a converted limit price must stay on (0: no tick)
 */
public record ProposedOrder(Market market, Symbol symbol, Side side, OrderType type, BigDecimal quantity,
                            BigDecimal limitPrice, int leverage, BigDecimal stopLoss, Origin origin,
                            boolean reducing, BigDecimal stepSize, BigDecimal tickSize) {

    public ProposedOrder {
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(stepSize, "stepSize");
        Objects.requireNonNull(tickSize, "tickSize");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity.toPlainString());
        }
        if (limitPrice != null && limitPrice.signum() <= 0) {
            throw new IllegalArgumentException("limit price must be positive, was " + limitPrice.toPlainString());
        }
        if (stopLoss != null && stopLoss.signum() <= 0) {
            throw new IllegalArgumentException("stop-loss must be positive, was " + stopLoss.toPlainString());
        }
        if (leverage < 1 || (market == Market.SPOT && leverage != 1)) {
            throw new IllegalArgumentException("leverage must be 1 on spot and at least 1 on futures, was " + leverage);
        }
        if (stepSize.signum() < 0 || tickSize.signum() < 0) {
            throw new IllegalArgumentException("step and tick size must not be negative");
        }
    }

    /**
     * From a conformed request. A spot market order by quote amount must be turned into a base quantity
     * (quote / last price) by the caller first: the rules reason about quantities.
     */
    public static ProposedOrder of(OrderRequest request, Instrument instrument, int leverage, BigDecimal stopLoss,
                                   Origin origin, boolean reducing) {
        if (request.quantity() == null) {
            throw new IllegalArgumentException("the risk check needs a base quantity; convert the quote amount first");
        }
        BigDecimal step = request.type() == OrderType.MARKET && instrument.marketLotSize().stepSize().signum() > 0
                ? instrument.marketLotSize().stepSize() : instrument.lotSize().stepSize();
        BigDecimal price = request.type().hasLimitPrice(request.market()) ? request.price() : null;
        return new ProposedOrder(request.market(), request.symbol(), request.side(), request.type(), request.quantity(),
                price, leverage, stopLoss, origin, reducing || request.reduceOnly() || request.closePosition(),
                step, instrument.priceFilter().tickSize());
    }

    /** A plain entry for tests, previews and sizing: no step or tick. */
    public static ProposedOrder entry(Market market, Symbol symbol, Side side, OrderType type, BigDecimal quantity,
                                      BigDecimal limitPrice, int leverage, BigDecimal stopLoss) {
        return new ProposedOrder(market, symbol, side, type, quantity, limitPrice, leverage, stopLoss, Origin.MANUAL,
                false, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** Protective exits (stop-loss, take-profit, emergency flatten, reduce-only) pass every entry rule. */
    public boolean isProtectiveExit() {
        return reducing || origin.isProtective();
    }

    public ProposedOrder withQuantity(BigDecimal newQuantity) {
        return new ProposedOrder(market, symbol, side, type, newQuantity, limitPrice, leverage, stopLoss, origin,
                reducing, stepSize, tickSize);
    }

    /** Whether this order opens or adds to a position of the given direction (BUY = long). */
    boolean sameDirectionAs(OpenPosition position) {
        return position.market() == market && position.symbol().equals(symbol) && position.side() == side;
    }
}
