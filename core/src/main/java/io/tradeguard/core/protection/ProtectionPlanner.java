package io.tradeguard.core.protection;

import io.tradeguard.core.model.ClientOrderId;
import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.OrderType;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.venue.OrderRequest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Stop-loss and take-profit for an entry fill: prices from the average entry and the spec, rounded to the
 * tick towards the entry (a slightly tighter stop, a slightly nearer target); a native OCO on spot, a
 * reduce-only bracket on futures. A futures stop-loss at or beyond the liquidation price is refused: the
 * position would be liquidated before the stop could act.
 */
public final class ProtectionPlanner {

    private ProtectionPlanner() {
    }

    /** The two prices; {@code ids} gives fresh client order ids. */
    public static ProtectionPlan plan(EntryFill fill, ProtectionSpec spec, BigDecimal tickSize, Supplier<ClientOrderId> ids) {
        Objects.requireNonNull(tickSize, "tickSize");
        boolean isLong = fill.entrySide() == Side.BUY;
        if (fill.market() == Market.SPOT && !isLong) {
            return new ProtectionPlan.Refused("a spot sell reduces a holding; there is no position to protect");
        }
        BigDecimal entry = fill.averagePrice();
        BigDecimal stop = spec.stopLossPrice() != null ? spec.stopLossPrice()
                : round(entry.multiply(isLong ? BigDecimal.ONE.subtract(spec.stopLossPct()) : BigDecimal.ONE.add(spec.stopLossPct())),
                tickSize, isLong ? RoundingMode.CEILING : RoundingMode.FLOOR);
        BigDecimal target = spec.takeProfitPrice() != null ? spec.takeProfitPrice()
                : round(entry.multiply(isLong ? BigDecimal.ONE.add(spec.takeProfitPct()) : BigDecimal.ONE.subtract(spec.takeProfitPct())),
                tickSize, isLong ? RoundingMode.FLOOR : RoundingMode.CEILING);
        String direction = isLong ? "long" : "short";
        if (stop.signum() <= 0 || target.signum() <= 0) {
            return new ProtectionPlan.Refused("the protection prices of this " + direction + " are not positive");
        }
        if (isLong ? stop.compareTo(entry) >= 0 : stop.compareTo(entry) <= 0) {
            return new ProtectionPlan.Refused("the stop-loss " + plain(stop) + " of a " + direction + " must be "
                    + (isLong ? "below" : "above") + " the entry " + plain(entry));
        }
        if (isLong ? target.compareTo(entry) <= 0 : target.compareTo(entry) >= 0) {
            return new ProtectionPlan.Refused("the take-profit " + plain(target) + " of a " + direction + " must be "
                    + (isLong ? "above" : "below") + " the entry " + plain(entry));
        }
        BigDecimal liquidation = fill.liquidationPrice();
        if (fill.market() == Market.FUTURES && liquidation != null && liquidation.signum() > 0
                && (isLong ? stop.compareTo(liquidation) <= 0 : stop.compareTo(liquidation) >= 0)) {
            return new ProtectionPlan.Refused("the stop-loss " + plain(stop) + " lies beyond the estimated liquidation price "
                    + plain(liquidation) + ": the " + direction + " would be liquidated first; lower the leverage or move the stop");
        }
        Side exit = fill.entrySide().opposite();
        return switch (fill.market()) {
            case SPOT -> new ProtectionPlan.SpotOco(fill.symbol(), exit, fill.filledQuantity(), target, stop,
                    ids.get(), ids.get(), ids.get());
            case FUTURES -> new ProtectionPlan.FuturesBracket(
                    conditional(fill, exit, OrderType.STOP_MARKET, stop, ids.get()),
                    conditional(fill, exit, OrderType.TAKE_PROFIT_MARKET, target, ids.get()));
        };
    }

    /** What to do with the protection when more of the entry has filled. */
    public sealed interface Resize {
        /** It already covers the filled quantity. */
        record Keep() implements Resize {
        }

        /** Cancel the current protection orders, then place the new plan for the whole filled quantity. */
        record Replace(List<ClientOrderId> cancel, ProtectionPlan place) implements Resize {
            public Replace {
                cancel = List.copyOf(cancel);
                Objects.requireNonNull(place, "place");
            }
        }
    }

    /**
     * After a further partial (or the final) fill of the entry. Binance cannot change the quantity of an
     * OCO or an algo order, so the protection is replaced, priced from the new average entry.
     *
     * @param protectedQuantity the quantity the current protection covers
     * @param current           its order ids (empty when none was placed yet)
     */
    public static Resize resize(BigDecimal protectedQuantity, List<ClientOrderId> current, EntryFill cumulative,
                                ProtectionSpec spec, BigDecimal tickSize, Supplier<ClientOrderId> ids) {
        if (protectedQuantity.compareTo(cumulative.filledQuantity()) == 0 && !current.isEmpty()) {
            return new Resize.Keep();
        }
        return new Resize.Replace(current, plan(cumulative, spec, tickSize, ids));
    }

    private static OrderRequest conditional(EntryFill fill, Side exit, OrderType type, BigDecimal trigger, ClientOrderId id) {
        return new OrderRequest(Market.FUTURES, fill.symbol(), exit, type, null, fill.filledQuantity(), null, null, trigger,
                null, null, null, true, false, id);
    }

    static BigDecimal round(BigDecimal price, BigDecimal tick, RoundingMode mode) {
        if (tick.signum() == 0) {
            return price.stripTrailingZeros();
        }
        return price.divide(tick, 0, mode).multiply(tick);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
