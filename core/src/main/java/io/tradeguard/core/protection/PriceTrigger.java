package io.tradeguard.core.protection;

import io.tradeguard.core.model.Market;
import io.tradeguard.core.model.Side;
import io.tradeguard.core.model.Symbol;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A local stop-loss or take-profit: fires on the first tick at or past its price. A stop-loss selling a long
 * fires at price ≤ trigger, buying back a short at price ≥ trigger; a take-profit the other way round (the
 * trigger rules of Binance's STOP_MARKET / TAKE_PROFIT_MARKET).
 */
public record PriceTrigger(String id, Market market, Symbol symbol, Side exitSide, BigDecimal quantity, Kind kind,
                           BigDecimal triggerPrice, String group) implements LocalTrigger {

    public enum Kind { STOP_LOSS, TAKE_PROFIT }

    public PriceTrigger {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(exitSide, "exitSide");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(triggerPrice, "triggerPrice");
        if (quantity.signum() <= 0 || triggerPrice.signum() <= 0) {
            throw new IllegalArgumentException("a trigger needs a positive quantity and price");
        }
    }

    @Override
    public Step onTick(BigDecimal price) {
        int cmp = price.compareTo(triggerPrice);
        boolean fallingFires = (kind == Kind.STOP_LOSS) == (exitSide == Side.SELL);
        boolean fired = fallingFires ? cmp <= 0 : cmp >= 0;
        return new Step(this, fired, fired ? triggerPrice : null);
    }
}
