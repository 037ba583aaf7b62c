package io.tradeguard.core.risk;

import io.tradeguard.core.model.Market;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * An order with what every rule needs computed once: the price it is valued at (the limit price, else the
 * last price), its value, and its worst loss — to its stop-loss plus fees both ways, or without a stop the
 * whole margin plus the entry fee.
 */
record OrderUnderCheck(ProposedOrder order, RiskContext context, BigDecimal price, BigDecimal notional,
                       BigDecimal worstLossPerUnit, BigDecimal worstLoss) {

    static OrderUnderCheck of(ProposedOrder order, RiskContext context) {
        BigDecimal price = order.limitPrice() != null ? order.limitPrice() : context.lastPrice();
        BigDecimal fee = context.takerFeeRate();
        BigDecimal perUnit;
        if (order.stopLoss() != null) {
            perUnit = price.subtract(order.stopLoss()).abs().add(price.add(order.stopLoss()).multiply(fee));
        } else {
            perUnit = Leverage.margin(price, order.leverage()).add(price.multiply(fee));
        }
        return new OrderUnderCheck(order, context, price, price.multiply(order.quantity()), perUnit,
                perUnit.multiply(order.quantity()));
    }

    BigDecimal quantity() {
        return order.quantity();
    }

    boolean futures() {
        return order.market() == Market.FUTURES;
    }

    /**
     * The result for an order over a limit that can be met by a smaller quantity: the largest quantity on
     * the lot step whose cost (at {@code costPerUnit}) fits in {@code room}, or a rejection when adjusting is
     * off or nothing fits.
     */
    RuleResult reduceOrReject(RuleId rule, Measure measure, BigDecimal room, BigDecimal costPerUnit, boolean autoAdjust) {
        if (!autoAdjust) {
            return new RuleResult.Rejected(rule, measure, "automatic size reduction is switched off");
        }
        if (room.signum() <= 0 || costPerUnit.signum() <= 0) {
            return new RuleResult.Rejected(rule, measure, "no room is left for this order");
        }
        BigDecimal fits = floorToStep(room.divide(costPerUnit, MathContext.DECIMAL64), order.stepSize());
        if (fits.signum() <= 0) {
            return new RuleResult.Rejected(rule, measure, "even the smallest quantity would not fit");
        }
        return new RuleResult.Adjusted(rule, measure, order.quantity(), fits);
    }

    static BigDecimal floorToStep(BigDecimal quantity, BigDecimal step) {
        if (step.signum() == 0) {
            return quantity.setScale(Math.min(quantity.scale(), 8), RoundingMode.DOWN);
        }
        return quantity.divideToIntegralValue(step).multiply(step).setScale(step.scale(), RoundingMode.DOWN);
    }
}
